namespace DyeRegistry.Markush.Model;

/// <summary>How many core embeddings to examine.</summary>
public enum EmbeddingMode
{
    /// <summary>Every mapping, so each slot orientation is tried (small cores).</summary>
    All,

    /// <summary>One mapping per atom set (symmetric macrocycles: the verdict does not depend on the orientation).</summary>
    Unique,
}

/// <summary>
/// A general formula of claim 2 as data: skeleton variants, slots, allowed ring closures, counts
/// and the central atom, with provenance, source and version. Immutable.
/// </summary>
public sealed record MarkushFormula
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required Provenance Provenance { get; init; }

    public required string Source { get; init; }

    /// <summary>The patent document (and claim) the formula comes from.</summary>
    public required PatentDocument Document { get; init; }

    public required int Version { get; init; }

    /// <summary>The file it was read from.</summary>
    public required string File { get; init; }

    public EmbeddingMode Embeddings { get; init; } = EmbeddingMode.All;

    /// <summary>A necessary condition, in what H shifts never change, for some tautomer being
    /// within: tautomers are searched only for compounds that match it. Null: only the core
    /// skeleton screens.</summary>
    public string? TautomerScreen { get; init; }

    /// <summary>Narrower screens that hold under one reading of the formula's slots (reading name ->
    /// SMARTS, no kind macros); under that reading they are required as well.</summary>
    public IReadOnlyDictionary<string, string> TautomerScreenByReading { get; init; } = new Dictionary<string, string>();

    /// <summary>A SMARTS in what H shifts never change, with atoms mapped :1 and :2, such that every
    /// core embedding in every form searched is an embedding of it in the drawing in which the
    /// atom at :1, when uncharged and without unpaired electrons, is double-bonded to a neighbour
    /// other than the atom at :2 (<c>tautomer-double-bond-screen</c>): tautomers are searched only
    /// where some embedding allows that double bond in a form. Null: no such condition.</summary>
    public string? TautomerDoubleBondScreen { get; init; }

    /// <summary>A SMARTS in what H shifts never change that every within form (drawn or tautomer)
    /// embeds, where the <see cref="TautomerScreen"/> must also pass compounds with a core that are
    /// not within (<c>tautomer-within-screen</c>): slot classes may be read into it. A compound that
    /// fails it is not within, whatever the tautomer search would find or where it would stop; its
    /// tautomers are searched only to explain the verdict (nearest misses). Null: no such screen.</summary>
    public string? TautomerWithinScreen { get; init; }

    public IReadOnlyList<CoreVariant> Variants { get; init; } = [];

    public IReadOnlyList<SlotDefinition> Slots { get; init; } = [];

    public IReadOnlyList<RingClosureRule> RingClosures { get; init; } = [];

    public CountConstraint? Count { get; init; }

    public CentralAtomRule? Central { get; init; }

    /// <summary>For a formula without structure: a compound lacking this pattern is excluded.</summary>
    public string? ExclusionScreen { get; init; }

    public Provenance? ExclusionProvenance { get; init; }

    /// <summary>True when the formula has a structure to match (not (II)).</summary>
    public bool HasStructure => Variants.Count > 0;
}
