using DyeRegistry.Chemistry;
using DyeRegistry.Storage;

namespace DyeRegistry.Registry;

/// <summary>
/// Searches over registered dyes using what registration stored (parents, fingerprints, formula
/// membership). SMARTS, similarity and exact searches compare standardized parents (salts and
/// solvents set aside, neutralized, tautomer as drawn: <see cref="DyeChemistry.Standardization"/>),
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
    public SearchOutcome Substructure(QueryMolecule query, TimeSpan budget)
    {
        var tally = new SearchTally();
        var hits = SubstructureHits(query, budget, tally).ToList();
        return new SearchOutcome(hits, tally.Complete, tally.Searched, tally.Elapsed) { Unreadable = tally.Unreadable };
    }

    /// <summary>As <see cref="Substructure(QueryMolecule, TimeSpan)"/>, each hit handed out as it
    /// is found and kept by no one here: memory stays bounded whatever the number of hits (one
    /// batch of candidates at most). <paramref name="tally"/> says, once the hits have been read
    /// to their end, whether every dye was searched and which could not be read.</summary>
    /// <remarks>The candidates are confirmed in batches on every core (the chemistry is most of a
    /// search's time); the store is read, and hits made, on the calling thread, in id order.</remarks>
    public IEnumerable<SearchHit> SubstructureHits(QueryMolecule query, TimeSpan budget, SearchTally tally)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(tally);
        return Walk();

        IEnumerable<SearchHit> Walk()
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var screen = query.PatternFingerprint();
            QueryMolecule[] queries = [query];
            var batch = new List<DyeStructure>(ConfirmBatch);
            var verdicts = new Confirmed[ConfirmBatch];
            bool OutOfTime() => budget != Timeout.InfiniteTimeSpan && clock.Elapsed > budget;

            foreach (var dye in store.SubstructureCandidates(query.Smarts, screen.ToBytes()))
            {
                if (!Fingerprint.FromBytes(dye.PatternFingerprint).ContainsAllBitsOf(screen))
                {
                    tally.Searched++;
                    continue;
                }

                batch.Add(dye);
                if (batch.Count < ConfirmBatch)
                {
                    continue;
                }

                foreach (var hit in Flush())
                {
                    yield return hit;
                }

                if (!tally.Complete)
                {
                    break;
                }
            }

            if (tally.Complete)
            {
                foreach (var hit in Flush())
                {
                    yield return hit;
                }
            }

            tally.Elapsed = clock.Elapsed;

            // Confirms the batch, its hits in id order; stops (tally incomplete) where the budget
            // ran out inside it, keeping the hits up to there.
            IEnumerable<SearchHit> Flush()
            {
                var count = batch.Count;
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                    i => verdicts[i] = OutOfTime() ? Confirmed.NotChecked : Confirm(batch[i].ParentSmiles, query, queries));
                var found = new List<DyeStructure>();
                for (var i = 0; i < count; i++)
                {
                    if (verdicts[i] == Confirmed.NotChecked)
                    {
                        tally.Complete = false;
                        break;
                    }

                    if (verdicts[i] == Confirmed.Contains)
                    {
                        found.Add(batch[i]);
                    }
                    else if (verdicts[i] == Confirmed.Unreadable)
                    {
                        tally.AddUnreadable(batch[i].Id);
                    }

                    tally.Searched++;
                }

                batch.Clear();
                tally.Elapsed = clock.Elapsed;
                var records = Records(store, found.Select(d => d.Id));
                return found.Select(d => Hit(d, records.GetValueOrDefault(d.Id), null)).ToList();
            }
        }
    }

    /// <summary>How many prescreened candidates a substructure search confirms at once, in
    /// parallel: a few per core, so the cores share the work and the search holds no more than
    /// this many candidates (and hits) whatever the registry's size.</summary>
    public static int ConfirmBatch { get; } = Math.Clamp(4 * Environment.ProcessorCount, 4, 64);

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
    public IReadOnlyList<SearchHit> WithinFormula(string formulaId) => FormulaHits(formulaId).ToList();

    /// <summary>How many dyes stored with other formula files a formula search recomputes and
    /// writes back at once (one transaction each): what it holds of them whatever the registry size.</summary>
    public const int RecomputeBatch = 256;

    /// <summary>As <see cref="WithinFormula"/>, each hit handed out as it is found (memory bounded
    /// whatever the number of hits). Dyes stored with other formula files are first recomputed a
    /// page at a time (<paramref name="batch"/> dyes, on every core) and each page written back in
    /// its own transaction before the next is read, so nothing is held for the whole walk and a
    /// search stopped part-way keeps the pages written; then the stored memberships are walked.
    /// A dye still stale in the walk (a store this process may not write, or one registered
    /// meanwhile with other files) is decided on the spot, so the answer is always that of the
    /// current files.</summary>
    public IEnumerable<SearchHit> FormulaHits(string formulaId, int batch = RecomputeBatch) =>
        FormulaHits(store, Markush.FormulaIndex.Of(chemistry.Library), new Lazy<DyeChemistry>(chemistry), formulaId, batch);

    /// <summary>As <see cref="FormulaHits(string, int)"/> with the formula files compiled only when
    /// a dye's membership must be recomputed (<paramref name="chemistry"/> is asked for then): a
    /// search of current memberships needs only the files' ids and stamp (<paramref name="formulas"/>).</summary>
    public static IEnumerable<SearchHit> FormulaHits(IRegistryStore store, Markush.FormulaIndex formulas, Lazy<DyeChemistry> chemistry, string formulaId, int batch = RecomputeBatch)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(formulas);
        ArgumentNullException.ThrowIfNull(chemistry);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        var formula = formulas.Find(formulaId)
            ?? throw new ArgumentException($"no formula '{formulaId}' (known: {string.Join(", ", formulas.Ids)})");
        return Walk();

        IEnumerable<SearchHit> Walk()
        {
            var stamp = formulas.Stamp;
            RecomputeStale(store, chemistry, stamp, batch);
            var found = new List<(DyeStructure Dye, bool Undetermined)>(HitBatch);
            foreach (var dye in store.FormulaCandidates(formula, stamp))
            {
                var within = dye.FormulaStamp == stamp ? dye.Within : chemistry.Value.Within(dye);
                if (within.Contains(formula))
                {
                    found.Add((dye, false));
                }
                else if (within.Contains(DyeChemistry.UndeterminedPrefix + formula))
                {
                    found.Add((dye, true));
                }

                if (found.Count == HitBatch)
                {
                    foreach (var hit in Hits(store, found))
                    {
                        yield return hit;
                    }
                }
            }

            foreach (var hit in Hits(store, found))
            {
                yield return hit;
            }
        }
    }

    /// <summary>How many hits of a formula search have their records read together (one query
    /// instead of one per hit): what the search holds of them at once.</summary>
    public const int HitBatch = 256;

    // The hits of a batch, their records read in one call, in the batch's order; the batch is emptied.
    private static List<SearchHit> Hits(IRegistryStore store, List<(DyeStructure Dye, bool Undetermined)> found)
    {
        var records = Records(store, found.Select(f => f.Dye.Id));
        var hits = found.Select(f =>
        {
            var hit = Hit(f.Dye, records.GetValueOrDefault(f.Dye.Id), null);
            return f.Undetermined ? hit with { Verdict = FormulaVerdictText.Undetermined } : hit;
        }).ToList();
        found.Clear();
        return hits;
    }

    private static Dictionary<string, StoredRecord> Records(IRegistryStore store, IEnumerable<string> ids)
    {
        var list = ids.ToList();
        return list.Count == 0
            ? new Dictionary<string, StoredRecord>(StringComparer.Ordinal)
            : store.GetMany(list).ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    // The dyes stored with other formula files, a page at a time: read (the store's reader closed),
    // recomputed, written in one transaction, then the next page after the last id. A store that
    // refuses the write (read-only storage or database user) ends the pass: the stored answer is
    // only a cache of the computation, and the walk decides those dyes itself.
    private static void RecomputeStale(IRegistryStore store, Lazy<DyeChemistry> chemistry, string stamp, int batch)
    {
        string? after = null;
        while (store.StaleFormulaDyes(stamp, after, batch) is { Count: > 0 } page)
        {
            var within = new IReadOnlyList<string>[page.Count];
            try
            {
                Parallel.For(0, page.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => within[i] = chemistry.Value.Within(page[i]));
            }
            catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }

            try
            {
                using var tx = store.Begin();
                for (var i = 0; i < page.Count; i++)
                {
                    tx.UpdateWithin(page[i].Id, within[i], stamp, page[i].RecordPickle);
                }

                tx.Commit();
            }
            catch (RegistryException)
            {
                return;
            }

            after = page[^1].Id;
        }
    }

    /// <summary>Dyes whose parent's Morgan (radius 2) Tanimoto similarity to the query's parent is
    /// at least <paramref name="minimum"/>, most similar first.</summary>
    public IReadOnlyList<SearchHit> Similar(Molecule query, double minimum) => SimilarHits(query, minimum).ToList();

    /// <summary>As <see cref="Similar"/>, the hits made one at a time as they are read: the ranking
    /// keeps only each candidate's id and score (never its structure or fingerprints), and a hit's
    /// record is read when the hit is handed out.</summary>
    public IEnumerable<SearchHit> SimilarHits(Molecule query, double minimum)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimum, 1.0);
        byte[] bits;
        using (var parent = ParentOf(query))
        {
            bits = parent.MorganFingerprint().ToBytes();
        }

        return Walk();

        IEnumerable<SearchHit> Walk()
        {
            var fp = Fingerprint.FromBytes(bits);
            var ranked = new List<(string Id, double T)>();
            foreach (var (id, morgan) in store.SimilarityFingerprints(bits, minimum))
            {
                var t = fp.Tanimoto(Fingerprint.FromBytes(morgan));
                if (t >= minimum)
                {
                    ranked.Add((id, t));
                }
            }

            ranked.Sort((a, b) => b.T != a.T ? b.T.CompareTo(a.T) : string.CompareOrdinal(a.Id, b.Id));

            // The hits' dyes and records read a batch at a time (two queries, not two per hit).
            foreach (var page in ranked.Chunk(HitBatch))
            {
                var ids = page.Select(p => p.Id).ToList();
                var dyes = store.GetDyes(ids).ToDictionary(d => d.Id, StringComparer.Ordinal);
                var records = Records(store, dyes.Keys);
                foreach (var (id, t) in page)
                {
                    if (dyes.TryGetValue(id, out var dye))
                    {
                        yield return Hit(dye, records.GetValueOrDefault(id), t);
                    }
                }
            }
        }
    }

    /// <summary>Dyes with the query's standardized parent (the duplicate key): the dye, its salt
    /// and hydrate forms, its tautomers as drawn; in id order.</summary>
    public IReadOnlyList<SearchHit> Exact(Molecule query) => ExactHits(query).ToList();

    /// <summary>As <see cref="Exact"/>, streamed, by the stored parent key's index.</summary>
    public IEnumerable<SearchHit> ExactHits(Molecule query)
    {
        var key = DyeChemistry.DuplicateKey(query);
        return store.ExactCandidates(key).Select(d => Hit(d, null));
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

    private SearchHit Hit(DyeStructure dye, double? similarity) => Hit(dye, store.Get(dye.Id), similarity);

    private static SearchHit Hit(DyeStructure dye, StoredRecord? record, double? similarity)
    {
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
