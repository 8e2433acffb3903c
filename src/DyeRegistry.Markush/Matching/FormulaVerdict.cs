namespace DyeRegistry.Markush.Matching;

/// <summary>The verdict of one formula on one compound.</summary>
public enum FormulaVerdict
{
    /// <summary>Some embedding of the core satisfies every slot, ring closure, count and centre rule.</summary>
    Within,

    /// <summary>No embedding does; the report gives the nearest miss.</summary>
    NotWithin,

    /// <summary>A formula without structure ((II)) whose necessary condition fails: the compound cannot be within it.</summary>
    Excluded,

    /// <summary>A formula without structure whose necessary condition holds: undecidable until the structure is supplied.</summary>
    NotExcluded,

    /// <summary>No satisfying embedding found, but the search hit a limit (tautomers or embeddings)
    /// before it was complete: the compound may still be within. Never reported as
    /// <see cref="NotWithin"/>; the explanation names the limit.</summary>
    Undetermined,
}
