namespace DyeRegistry.Registry;

/// <summary>What a search within a time budget found, and whether it searched everything.</summary>
/// <param name="Hits">The hits, in id order (all of them only when <paramref name="Complete"/>).</param>
/// <param name="Complete">False when the budget ran out before every stored dye was searched.</param>
/// <param name="Searched">How many stored dyes were searched.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record SearchOutcome(IReadOnlyList<SearchHit> Hits, bool Complete, long Searched, TimeSpan Elapsed)
{
    /// <summary>Dyes that could not be checked because their stored parent SMILES does not parse
    /// again (RDKit rejects it): left out of the hits and named, instead of failing the search.</summary>
    public IReadOnlyList<string> Unreadable { get; init; } = [];
}
