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
    public string? UnreadableNote => UnreadableDyes.Note(Unreadable);
}

/// <summary>The words for dyes a search could not check, the same on every front end.</summary>
public static class UnreadableDyes
{
    /// <summary>The note for <paramref name="ids"/>, or null when there are none.</summary>
    public static string? Note(IReadOnlyList<string> ids) => ids.Count == 0 ? null :
        $"{ids.Count} dye{(ids.Count == 1 ? " was" : "s were")} not checked because {(ids.Count == 1 ? "its" : "their")} stored parent SMILES does not parse ({string.Join(", ", ids.Take(5))}{(ids.Count > 5 ? ", ..." : string.Empty)})";
}

/// <summary>A search whose hits are handed out as they are found (nothing holds them all: a
/// query that hits every dye of a million-dye registry needs no more memory than one that hits
/// one). <see cref="Complete"/> and <see cref="Searched"/> are final once <see cref="Hits"/> has
/// been read to its end; <see cref="Hits"/> is read once.</summary>
public sealed class DyeSearchStream(IEnumerable<SearchHit> hits, SearchTally tally, TimeSpan budget, IDisposable? owned)
{
    public IEnumerable<SearchHit> Hits
    {
        get
        {
            try
            {
                foreach (var h in hits)
                {
                    yield return h;
                }
            }
            finally
            {
                owned?.Dispose();
            }
        }
    }

    public bool Complete => tally.Complete;

    public long Searched => tally.Searched;

    public TimeSpan Budget => budget;

    /// <summary>Dyes a SMARTS search could not check (final once the hits are read).</summary>
    public IReadOnlyList<string> Unreadable => tally.Unreadable;

    /// <summary>What to tell the user about <see cref="Unreadable"/>, or null when there were none.</summary>
    public string? UnreadableNote => UnreadableDyes.Note(tally.Unreadable);

    /// <summary>How many stored dyes a search of this kind searched: a SMARTS search counts each
    /// candidate it decided; the other searches count their hits (<paramref name="hits"/>).</summary>
    public long SearchedOr(long hits) => tally.Searched > 0 || !Complete ? tally.Searched : hits;
}

/// <summary>The search use case: substructure (SMARTS, limited), formula membership, similarity,
/// exact parent; all but formula membership compare standardized parents.</summary>
public static class DyeSearch
{
    /// <summary>The hits in a list: for callers that page or sort them all (the search page); the
    /// command line and the API use <see cref="Stream(IRegistryStore, DyeChemistry, DyeSearchQuery)"/>.</summary>
    public static DyeSearchResult Run(IRegistryStore store, DyeChemistry chemistry, DyeSearchQuery query)
    {
        var stream = Stream(store, chemistry, query);
        var hits = stream.Hits.ToList();
        return new DyeSearchResult(hits, stream.Complete, stream.SearchedOr(hits.Count), stream.Budget) { Unreadable = stream.Unreadable };
    }

    /// <summary>As <see cref="Stream(IRegistryStore, DyeChemistry, DyeSearchQuery)"/>, the formula
    /// files compiled (<paramref name="chemistry"/> asked for) only when the search needs them: a
    /// formula search whose stored memberships are current uses <paramref name="formulas"/> alone
    /// (the command line's start-up: no query compiled, RDKit not loaded).</summary>
    public static DyeSearchStream Stream(IRegistryStore store, Markush.FormulaIndex formulas, Lazy<DyeChemistry> chemistry, DyeSearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(chemistry);
        query = query.Checked();
        return query.Formula is { } f
            ? new DyeSearchStream(RegistrySearch.FormulaHits(store, formulas, chemistry, f), new SearchTally(), TimeSpan.Zero, null)
            : Stream(store, chemistry.Value, query);
    }

    /// <summary>The search, its hits streamed (<see cref="DyeSearchStream"/>). The query is checked
    /// and parsed here, so a bad query fails before any hit is asked for.</summary>
    public static DyeSearchStream Stream(IRegistryStore store, DyeChemistry chemistry, DyeSearchQuery query)
    {
        query = query.Checked();
        var search = new RegistrySearch(store, chemistry);
        var tally = new SearchTally();
        if (query.Smarts is { } q)
        {
            var limits = query.Limits.Validated();
            var pattern = QueryMolecule.ParseSmarts(q, limits).GetValueOrThrow();
            return new DyeSearchStream(search.SubstructureHits(pattern, limits.TimeBudget, tally), tally, limits.TimeBudget, pattern);
        }

        if (query.Formula is { } f)
        {
            return new DyeSearchStream(search.FormulaHits(f), tally, TimeSpan.Zero, null);
        }

        if (query.Exact is { } exact)
        {
            using var drawn = Molecule.FromSmiles(exact);
            return new DyeSearchStream(search.ExactHits(drawn), tally, TimeSpan.Zero, null);
        }

        using var similar = Molecule.FromSmiles(query.Similar!);
        return new DyeSearchStream(search.SimilarHits(similar, query.MinTanimoto), tally, TimeSpan.Zero, null);
    }
}
