namespace DyeRegistry.Markush.Matching;

/// <summary>
/// Options of a match run. Immutable; defaults: every formula, each slot's default reading,
/// tautomers considered (at most 16 per compound), at most 1000 embeddings per variant.
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

    /// <summary>Tautomers enumerated per compound (default 16). RDKit enumerates breadth-first from
    /// the drawing, so the forms one or two hydrogen shifts away (a hydrazone's azo form) come
    /// first; measured on the catalogue, 4, 16 and 64 give the same verdicts while the cost grows
    /// about linearly. An explanation says when the search stopped at the limit.</summary>
    public int MaxTautomers { get; init; } = 16;

    public int MaxEmbeddings { get; init; } = 1000;

    /// <summary>Draw an SVG of each within verdict (<see cref="FormulaMatch.Svg"/>). Default false.</summary>
    public bool Depict { get; init; }
}
