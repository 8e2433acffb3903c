namespace DyeRegistry.Markush.Matching;

/// <summary>
/// Options of a match run. Immutable; defaults: every formula, each slot's default reading,
/// tautomers considered (at most 1000 per compound), at most 1000 embeddings per variant.
/// </summary>
public sealed record MatchOptions
{
    public static MatchOptions Default { get; } = new();

    /// <summary>Formula ids to evaluate; empty for all.</summary>
    public IReadOnlyList<string> Formulas { get; init; } = [];

    /// <summary>Reading per formula id for slots with readings (formula "I": "literal").</summary>
    public IReadOnlyDictionary<string, string> Readings { get; init; } = new Dictionary<string, string>();

    /// <summary>Try tautomers that move H between heteroatoms when the drawn form is not within.</summary>
    public bool ConsiderTautomers { get; init; } = true;

    /// <summary>Tautomers enumerated per compound (default 1000, RDKit's own default). Every form
    /// of a complete enumeration is tried, so the verdict does not depend on the order; when a
    /// compound has more forms than this and none tried is within, the verdict is
    /// <see cref="FormulaVerdict.Undetermined"/> with the limit named.</summary>
    public int MaxTautomers { get; init; } = 1000;

    /// <summary>Core embeddings judged per variant and form (default 1000); more makes a
    /// not-within verdict <see cref="FormulaVerdict.Undetermined"/>.</summary>
    public int MaxEmbeddings { get; init; } = 1000;

    /// <summary>Draw an SVG of each within verdict (<see cref="FormulaMatch.Svg"/>). Default false.</summary>
    public bool Depict { get; init; }
}
