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

/// <summary>What a streamed search has done so far: filled in as its hits are read, final once
/// they have been read to their end.</summary>
public sealed class SearchTally
{
    /// <summary>False when the time budget ran out before every candidate was searched.</summary>
    public bool Complete { get; internal set; } = true;

    /// <summary>How many stored dyes were searched.</summary>
    public long Searched { get; internal set; }

    /// <summary>How long the search has taken.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>Dyes that could not be checked because their stored parent SMILES does not parse
    /// again (a handful in a real catalogue, so kept as a list).</summary>
    public IReadOnlyList<string> Unreadable => unreadable;

    private readonly List<string> unreadable = [];

    internal void AddUnreadable(string id) => unreadable.Add(id);
}
