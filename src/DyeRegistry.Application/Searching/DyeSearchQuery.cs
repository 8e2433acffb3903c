using DyeRegistry.Chemistry;

namespace DyeRegistry.Application.Searching;

/// <summary>One search of the registered dyes: exactly one of a SMARTS substructure, a general
/// formula's membership, or similarity to a SMILES (at least <see cref="MinTanimoto"/>).</summary>
public sealed record DyeSearchQuery(string? Smarts, string? Formula, string? Similar)
{
    public double MinTanimoto { get; init; } = 0.7;

    /// <summary>Size, nesting and time limits of a SMARTS search.</summary>
    public QueryLimits Limits { get; init; } = QueryLimits.Default;

    /// <summary>Throws unless exactly one kind of search is asked for.</summary>
    public DyeSearchQuery Checked() =>
        new[] { Smarts, Formula, Similar }.Count(x => x is not null) == 1 ? this : throw new ArgumentException("give exactly one of --smarts, --formula, --similar");
}
