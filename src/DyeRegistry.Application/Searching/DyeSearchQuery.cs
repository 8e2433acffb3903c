using DyeRegistry.Chemistry;

namespace DyeRegistry.Application.Searching;

/// <summary>One search of the registered dyes: exactly one of a SMARTS substructure, a general
/// formula's membership, similarity to a SMILES (at least <see cref="MinTanimoto"/>), or the same
/// standardized parent as a SMILES (<see cref="Exact"/>).</summary>
public sealed record DyeSearchQuery(string? Smarts, string? Formula, string? Similar)
{
    /// <summary>Dyes with this structure's standardized parent (its salts, hydrates and drawings).</summary>
    public string? Exact { get; init; }

    public double MinTanimoto { get; init; } = 0.7;

    /// <summary>Size, nesting and time limits of a SMARTS search.</summary>
    public QueryLimits Limits { get; init; } = QueryLimits.Default;

    /// <summary>Throws unless exactly one kind of search is asked for.</summary>
    public DyeSearchQuery Checked() =>
        new[] { Smarts, Formula, Similar, Exact }.Count(x => x is not null) == 1 ? this : throw new ArgumentException("give exactly one of --smarts, --formula, --similar, --exact");
}
