using DyeRegistry.Registry;
using DyeRegistry.Chemistry;
using DyeRegistry.Storage;

namespace DyeRegistry.Application.Searching;

/// <summary>The hits of a search, and whether it saw every dye (a SMARTS search stops when its
/// time budget runs out, with the hits found so far).</summary>
public sealed record DyeSearchResult(IReadOnlyList<SearchHit> Hits, bool Complete, long Searched, TimeSpan Budget)
{
    /// <summary>Dyes a SMARTS search could not check: their stored parent SMILES does not parse.</summary>
    public IReadOnlyList<string> Unreadable { get; init; } = [];

    /// <summary>What to tell the user about <see cref="Unreadable"/>, or null when there were none.</summary>
    public string? UnreadableNote => Unreadable.Count == 0 ? null :
        $"{Unreadable.Count} dye{(Unreadable.Count == 1 ? " was" : "s were")} not checked because {(Unreadable.Count == 1 ? "its" : "their")} stored parent SMILES does not parse ({string.Join(", ", Unreadable.Take(5))}{(Unreadable.Count > 5 ? ", ..." : string.Empty)})";
}

/// <summary>The search use case: substructure (SMARTS, limited), formula membership, similarity,
/// exact parent; all but formula membership compare standardized parents.</summary>
public static class DyeSearch
{
    public static DyeSearchResult Run(IRegistryStore store, DyeChemistry chemistry, DyeSearchQuery query)
    {
        query = query.Checked();
        var search = new RegistrySearch(store, chemistry);
        if (query.Smarts is { } q)
        {
            var limits = query.Limits.Validated();
            using var pattern = QueryMolecule.ParseSmarts(q, limits).GetValueOrThrow();
            var outcome = search.Substructure(pattern, limits.TimeBudget);
            return new DyeSearchResult(outcome.Hits, outcome.Complete, outcome.Searched, limits.TimeBudget) { Unreadable = outcome.Unreadable };
        }

        if (query.Formula is { } f)
        {
            var hits = search.WithinFormula(f);
            return new DyeSearchResult(hits, true, hits.Count, TimeSpan.Zero);
        }

        if (query.Exact is { } exact)
        {
            using var drawn = Molecule.FromSmiles(exact);
            var exactHits = search.Exact(drawn);
            return new DyeSearchResult(exactHits, true, exactHits.Count, TimeSpan.Zero);
        }

        using var similar = Molecule.FromSmiles(query.Similar!);
        var similarHits = search.Similar(similar, query.MinTanimoto);
        return new DyeSearchResult(similarHits, true, similarHits.Count, TimeSpan.Zero);
    }
}
