using DyeRegistry.Chemistry;
using DyeRegistry.Storage;

namespace DyeRegistry.Registry;

/// <summary>
/// Searches over registered dyes using what registration stored (parents, fingerprints, formula
/// membership). SMARTS, similarity and exact searches compare standardized parents (salts and
/// solvents set aside, neutralized, canonical tautomer: <see cref="DyeChemistry.Standardization"/>),
/// the query standardized the same way, so a free acid finds its sodium salt and potassium
/// hydrate; formula search uses the membership computed on the record as drawn. Every hit gives
/// the record as drawn and its parent. Results are in id order (similarity: most similar first).
/// </summary>
/// <remarks>The substructure check confirms each prescreened candidate on its parent parsed from
/// the stored canonical parent SMILES, the molecule PostgreSQL's cartridge indexes too, so both
/// stores see the same structure.</remarks>
public sealed class RegistrySearch(IRegistryStore store, DyeChemistry chemistry)
{
    /// <summary>Dyes containing the SMARTS pattern; the stored pattern fingerprints screen first.</summary>
    public IReadOnlyList<SearchHit> Substructure(QueryMolecule query) => Substructure(query, Timeout.InfiniteTimeSpan).Hits;

    /// <summary>
    /// As <see cref="Substructure(QueryMolecule)"/> within a time budget, checked before each
    /// stored molecule: when it runs out the search stops and says so, with the hits found so
    /// far (a query RDKit takes long over is bounded by its size limits, <see cref="QueryLimits"/>).
    /// </summary>
    /// <remarks>The candidates are confirmed in batches on every core (the chemistry is most of a
    /// search page's time); the store is read, and hits made, on the calling thread, in id order.</remarks>
    public SearchOutcome Substructure(QueryMolecule query, TimeSpan budget)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var screen = query.PatternFingerprint();
        var hits = new List<SearchHit>();
        var unreadable = new List<string>();
        QueryMolecule[] queries = [query];
        long searched = 0;
        var batch = new List<DyeStructure>(ConfirmBatch);
        var verdicts = new Confirmed[ConfirmBatch];
        bool OutOfTime() => budget != Timeout.InfiniteTimeSpan && clock.Elapsed > budget;

        // Confirms the batch; false when the budget ran out in it (hits up to there are kept).
        bool Flush()
        {
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                i => verdicts[i] = OutOfTime() ? Confirmed.NotChecked : Confirm(batch[i].ParentSmiles, query, queries));
            for (var i = 0; i < batch.Count; i++)
            {
                switch (verdicts[i])
                {
                    case Confirmed.NotChecked:
                        return false;
                    case Confirmed.Contains:
                        hits.Add(Hit(batch[i], null));
                        break;
                    case Confirmed.Unreadable:
                        unreadable.Add(batch[i].Id);
                        break;
                }

                searched++;
            }

            batch.Clear();
            return true;
        }

        foreach (var dye in store.SubstructureCandidates(query.Smarts, screen.ToBytes()))
        {
            if (!Fingerprint.FromBytes(dye.PatternFingerprint).ContainsAllBitsOf(screen))
            {
                searched++;
                continue;
            }

            batch.Add(dye);
            if (batch.Count == ConfirmBatch && !Flush())
            {
                return new SearchOutcome(hits, false, searched, clock.Elapsed) { Unreadable = unreadable };
            }
        }

        var complete = Flush();
        return new SearchOutcome(hits, complete, searched, clock.Elapsed) { Unreadable = unreadable };
    }

    private const int ConfirmBatch = 256;

    private enum Confirmed { No, Contains, Unreadable, NotChecked }

    // One candidate's stored parent against the query. The bridge's cheap screen first (elements,
    // connectivity, rings) rules most candidates out without a full parse. A stored parent RDKit
    // no longer reads (a few real catalogue dyes standardize to a SMILES that does not round-trip)
    // is named in the outcome: one bad record must not fail every search that reaches it.
    private static Confirmed Confirm(string parentSmiles, QueryMolecule query, QueryMolecule[] queries)
    {
        var parsed = Molecule.ParseSmilesIfMightContain(parentSmiles, queries);
        if (parsed.RuledOut)
        {
            return Confirmed.No;
        }

        if (parsed.Error is not null)
        {
            return Confirmed.Unreadable;
        }

        using var mol = parsed.Molecule!;
        return mol.HasSubstructMatch(query) ? Confirmed.Contains : Confirmed.No;
    }

    /// <summary>
    /// Dyes within a formula, from the membership stored at registration, and the dyes whose
    /// search hit a limit (<see cref="SearchHit.Verdict"/> "undetermined (search limit)"): those
    /// may be within and are never left out. Dyes registered with
    /// other formula files (another stamp) are matched again and their stored membership updated,
    /// so the answer always equals <c>dyereg match</c> with the current files.
    /// </summary>
    public IReadOnlyList<SearchHit> WithinFormula(string formulaId)
    {
        var formula = chemistry.Library.Find(formulaId)?.Formula.Id
            ?? throw new ArgumentException($"no formula '{formulaId}' (known: {string.Join(", ", chemistry.Library.Formulas.Select(f => f.Formula.Id))})");
        var stale = new List<(string Id, IReadOnlyList<string> Within)>();
        var hits = new List<SearchHit>();
        foreach (var dye in store.FormulaCandidates(formula, chemistry.Library.Stamp))
        {
            var within = dye.Within;
            if (dye.FormulaStamp != chemistry.Library.Stamp)
            {
                within = chemistry.Within(dye);
                stale.Add((dye.Id, within));
            }

            if (within.Contains(formula))
            {
                hits.Add(Hit(dye, null));
            }
            else if (within.Contains(DyeChemistry.UndeterminedPrefix + formula))
            {
                hits.Add(Hit(dye, null) with { Verdict = FormulaVerdictText.Undetermined });
            }
        }

        if (stale.Count > 0)
        {
            using var tx = store.Begin();
            foreach (var (id, within) in stale)
            {
                tx.UpdateWithin(id, within, chemistry.Library.Stamp);
            }

            tx.Commit();
        }

        return hits;
    }

    /// <summary>Dyes whose parent's Morgan (radius 2) Tanimoto similarity to the query's parent is
    /// at least <paramref name="minimum"/>, most similar first.</summary>
    public IReadOnlyList<SearchHit> Similar(Molecule query, double minimum)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimum, 1.0);
        using var parent = ParentOf(query);
        var fp = parent.MorganFingerprint();
        return store.SimilarityCandidates(fp.ToBytes(), minimum)
            .Select(d => (Dye: d, T: fp.Tanimoto(Fingerprint.FromBytes(d.MorganFingerprint))))
            .Where(x => x.T >= minimum)
            .OrderByDescending(x => x.T).ThenBy(x => x.Dye.Id, StringComparer.Ordinal)
            .Select(x => Hit(x.Dye, x.T))
            .ToList();
    }

    /// <summary>Dyes with the query's standardized parent (the duplicate key): the dye, its salt
    /// and hydrate forms, its tautomers as drawn; in id order.</summary>
    public IReadOnlyList<SearchHit> Exact(Molecule query)
    {
        var key = DyeChemistry.DuplicateKey(query);
        return store.Dyes().Where(d => d.ParentKey == key).Select(d => Hit(d, null)).ToList();
    }

    /// <summary>The standardized parent of a query structure, as registration computes it.</summary>
    public static Molecule ParentOf(Molecule query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Standardize(DyeChemistry.Standardization).Parent;
    }

    private static class FormulaVerdictText
    {
        public const string Undetermined = "undetermined (search limit; dyereg match gives the limit)";
    }

    private SearchHit Hit(DyeStructure dye, double? similarity)
    {
        var record = store.Get(dye.Id);
        var smiles = record?.Document["smiles"]?.GetValue<string>() ?? AsDrawn(dye);
        return new SearchHit(dye.Id, smiles, similarity) { Parent = dye.ParentSmiles, Name = record?.Document["name"]?.GetValue<string>() };
    }

    // A record drawn as a molfile: its structure as SMILES, from the stored pickle.
    private static string AsDrawn(DyeStructure dye)
    {
        using var mol = Molecule.ParsePickle(dye.RecordPickle).GetValueOrThrow();
        return mol.ToSmiles();
    }
}
