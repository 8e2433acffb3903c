namespace DyeRegistry.Markush.Matching;

/// <summary>
/// Options of a match run. Immutable; defaults: every formula, each slot's default reading,
/// tautomers considered (at most 64 per compound), at most 1000 embeddings per variant.
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

    public int MaxTautomers { get; init; } = 64;

    public int MaxEmbeddings { get; init; } = 1000;

    /// <summary>Draw an SVG of each within verdict (<see cref="FormulaMatch.Svg"/>). Default false.</summary>
    public bool Depict { get; init; }
}
