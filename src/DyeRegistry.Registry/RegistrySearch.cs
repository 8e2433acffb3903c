using DyeRegistry.Chemistry;
using DyeRegistry.Storage;

namespace DyeRegistry.Registry;

/// <summary>
/// Searches over registered dyes using what registration stored (pickles, fingerprints, formula
/// membership): SMILES are never re-parsed per query. Results are in id order.
/// </summary>
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
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var screen = query.PatternFingerprint();
        var hits = new List<SearchHit>();
        long searched = 0;
        foreach (var dye in store.SubstructureCandidates(query.Smarts))
        {
            if (budget != Timeout.InfiniteTimeSpan && clock.Elapsed > budget)
            {
                return new SearchOutcome(hits, false, searched, clock.Elapsed);
            }

            searched++;
            if (!Fingerprint.FromBytes(dye.PatternFingerprint).ContainsAllBitsOf(screen))
            {
                continue;
            }

            using var mol = Molecule.ParsePickle(dye.RecordPickle).GetValueOrThrow();
            if (mol.HasSubstructMatch(query))
            {
                hits.Add(Hit(dye, null));
            }
        }

        return new SearchOutcome(hits, true, searched, clock.Elapsed);
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

    /// <summary>Dyes whose Morgan (radius 2) Tanimoto similarity to the query is at least <paramref name="minimum"/>, most similar first.</summary>
    public IReadOnlyList<SearchHit> Similar(Molecule query, double minimum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimum, 1.0);
        var fp = query.MorganFingerprint();
        return store.SimilarityCandidates(fp.ToBytes(), minimum)
            .Select(d => (Dye: d, T: fp.Tanimoto(Fingerprint.FromBytes(d.MorganFingerprint))))
            .Where(x => x.T >= minimum)
            .OrderByDescending(x => x.T).ThenBy(x => x.Dye.Id, StringComparer.Ordinal)
            .Select(x => Hit(x.Dye, x.T))
            .ToList();
    }

    private static class FormulaVerdictText
    {
        public const string Undetermined = "undetermined (search limit; dyereg match gives the limit)";
    }

    private SearchHit Hit(DyeStructure dye, double? similarity)
    {
        var record = store.Get(dye.Id);
        var smiles = record?.Document["smiles"]?.GetValue<string>() ?? dye.ParentSmiles;
        return new SearchHit(dye.Id, smiles, similarity);
    }
}
