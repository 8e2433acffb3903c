using DyeRegistry.Chemistry;
using DyeRegistry.Markush.Model;

namespace DyeRegistry.Markush.Matching;

/// <summary>
/// Decides whether compounds fall within the formulas of a <see cref="FormulaLibrary"/> and
/// explains each verdict. Thread-safe: one matcher may serve many threads (each call works on
/// its own molecule copies; the library's queries are only read).
/// </summary>
/// <remarks>
/// Per compound: counter-ions and solvents are set aside (RDKit's salt list; lone metal ions are
/// kept, being the M of an ionic (C-I) drawing); each formula's core variants are prescreened by
/// the bridge's atom-and-bond necessary condition and matched; every embedding is judged; when none satisfies and the
/// formula has a tautomer screen that matches, tautomers that move hydrogen only between
/// heteroatoms (RDKit enumeration, filtered on carbon H counts) are tried too.
/// </remarks>
public sealed class MarkushMatcher(FormulaLibrary library)
{
    private static readonly StandardizationOptions SetAsideSalts = new() { Fragments = FragmentHandling.Parent, KeepMetalIons = true };

    public FormulaLibrary Library { get; } = library;

    /// <summary>Matches one compound against the requested formulas.</summary>
    public CompoundMatch Match(Molecule compound, MatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(compound);
        options ??= MatchOptions.Default;
        // Only a record drawn in several pieces needs salts set aside (and that step costs more
        // than parsing); a single piece is matched as drawn.
        var standardized = compound.FragmentCount() > 1 ? compound.Standardize(SetAsideSalts) : null;
        using var owned = standardized?.Parent;
        var parent = owned ?? compound;
        var drawn = new MatchedForm(Library, parent, isTautomer: false);
        TautomerForms? tautomers = null;
        try
        {
            var results = new List<FormulaMatch>();
            foreach (var formula in Selected(options))
            {
                results.Add(MatchFormula(formula, drawn, () => tautomers ??= Tautomers(drawn, options), options));
            }

            return new CompoundMatch(owned?.ToSmiles(), standardized?.RemovedFragments ?? [], results);
        }
        finally
        {
            drawn.Dispose();
            foreach (var t in tautomers?.Forms ?? [])
            {
                t.Dispose();
                t.Molecule.Dispose();
            }
        }
    }

    private IEnumerable<CompiledFormula> Selected(MatchOptions options)
    {
        if (options.Formulas.Count == 0)
        {
            return Library.Formulas;
        }

        return options.Formulas.Select(id => Library.Find(id) ?? throw new ArgumentException(
            $"no formula '{id}' (known: {string.Join(", ", Library.Formulas.Select(f => f.Formula.Id))})"));
    }

    private FormulaMatch MatchFormula(CompiledFormula compiled, MatchedForm drawn, Func<TautomerForms> tautomers, MatchOptions options)
    {
        var f = compiled.Formula;
        if (!f.HasStructure)
        {
            return Unencoded(compiled, drawn);
        }

        var reading = options.Readings.TryGetValue(f.Id, out var r) ? r : f.Slots.Select(s => s.DefaultReading).FirstOrDefault(x => x is not null);
        var reports = Embeddings(compiled, drawn, reading, options);
        var form = drawn;
        var tautomersTruncated = false;
        if (!reports.Any(e => e.Satisfied) && options.ConsiderTautomers && PassesTautomerScreen(compiled, drawn))
        {
            var forms = tautomers();
            tautomersTruncated = forms.Truncated;
            foreach (var t in forms.Forms)
            {
                // A core test first (microseconds); the H check and the judging only where a core fits.
                if (!compiled.Variants.Any(v => t.HasMatch(v.Core)) || !t.MovesHydrogenOnlyBetweenHeteroatoms(drawn))
                {
                    continue;
                }

                var tr = Embeddings(compiled, t, reading, options);
                if (tr.Any(e => e.Satisfied))
                {
                    reports = tr;
                    form = t;
                    break;
                }

                if (tr.Count > 0 && (reports.Count == 0 || tr.Min(e => e.Violations.Count) < reports.Min(e => e.Violations.Count)))
                {
                    reports = tr;
                    form = t;
                }
            }
        }

        var verdict = Verdict(compiled, reports, form.TautomerSmiles, reading);
        if (!verdict.IsWithin && tautomersTruncated)
        {
            verdict = verdict with { Explanation = verdict.Explanation + $" (tautomers tried: the first {options.MaxTautomers}; the search stopped there)" };
        }
        verdict = verdict with
        {
            Best = verdict.Best is null ? null : Enrich(verdict.Best, form),
            NearestMisses = verdict.NearestMisses.Select(e => Enrich(e, form)).ToArray(),
        };
        return options.Depict && verdict.IsWithin && verdict.Best is { } best
            ? verdict with { Svg = MatchDepiction.Svg(form.Molecule, form.Graph, f.Id, best) }
            : verdict;
    }

    private static bool PassesTautomerScreen(CompiledFormula compiled, MatchedForm drawn) =>
        compiled.TautomerScreen is { } screen &&
        (compiled.TautomerPrescreen is not { } prescreen || drawn.HasMatch(prescreen)) &&
        (compiled.TautomerScreenUsesKinds ? drawn.KindLabelled.HasSubstructMatch(screen) : drawn.HasMatch(screen));

    private static List<EmbeddingReport> Embeddings(CompiledFormula compiled, MatchedForm form, string? reading, MatchOptions options)
    {
        var reports = new List<EmbeddingReport>();
        EmbeddingEvaluator? evaluator = null; // needs the graph: built only once a core matches
        var matchOptions = new SubstructMatchOptions
        {
            Uniquify = compiled.Formula.Embeddings == EmbeddingMode.Unique,
            MaxMatches = options.MaxEmbeddings,
        };
        // No fingerprint prescreen (a pattern fingerprint costs about 390 us a compound); the
        // form's HasMatch runs the bridge's atom-and-bond necessary condition for every query of
        // the library in one call (about 11 us) and searches only where a match is possible.
        foreach (var variant in compiled.Variants)
        {
            // Most compounds have no core at all: ask that first, with default options (no JSON).
            if (!form.HasMatch(variant.Core))
            {
                continue;
            }

            foreach (var match in form.Molecule.GetSubstructMatches(variant.Core, matchOptions))
            {
                evaluator ??= new EmbeddingEvaluator(compiled, form.Graph, form.Classifier, reading);
                var report = evaluator.Evaluate(variant, match);
                reports.Add(report);
                if (report.Satisfied)
                {
                    return reports;
                }
            }
        }

        return reports;
    }

    // Judging tests only the classes a slot allows; the reported embeddings get every class.
    private static EmbeddingReport Enrich(EmbeddingReport e, MatchedForm form) => e with
    {
        Slots = e.Slots.Select(s => s.State == SlotState.Substituent && s.AttachmentAtom >= 0
            ? s with { Classes = form.Classifier.Classify(s.Atoms.ToHashSet(), s.AttachmentAtom, s.CoreAtom).Classes }
            : s).ToArray(),
    };

    private static FormulaMatch Verdict(CompiledFormula compiled, List<EmbeddingReport> reports, string? tautomer, string? reading)
    {
        var f = compiled.Formula;
        var within = reports.FirstOrDefault(e => e.Satisfied);
        if (within is not null)
        {
            return new FormulaMatch(f.Id, f.Version, f.Provenance, FormulaVerdict.Within, tautomer, reading, within, [], Explanation.Within(f, within, tautomer));
        }

        if (reports.Count == 0)
        {
            return new FormulaMatch(f.Id, f.Version, f.Provenance, FormulaVerdict.NotWithin, null, reading, null, [], compiled.NoSkeletonExplanation);
        }

        var fewest = reports.Min(e => e.Violations.Count);
        var nearest = reports.Where(e => e.Violations.Count == fewest)
            .DistinctBy(e => string.Join("|", e.Violations))
            .Take(3)
            .ToList();
        return new FormulaMatch(f.Id, f.Version, f.Provenance, FormulaVerdict.NotWithin, tautomer, reading, nearest[0], nearest, Explanation.NotWithin(f, nearest, tautomer));
    }

    private static FormulaMatch Unencoded(CompiledFormula compiled, MatchedForm drawn)
    {
        var f = compiled.Formula;
        var provenance = f.ExclusionProvenance is { } p ? Loading.ProvenanceText.ToText(p) : "reconstructed";
        if (compiled.ExclusionScreen is null)
        {
            return new FormulaMatch(f.Id, f.Version, f.Provenance, FormulaVerdict.NotExcluded, null, null, null, [],
                $"({f.Id}) not excluded: structure unavailable (provenance missing) and no exclusion rule");
        }

        return drawn.HasMatch(compiled.ExclusionScreen)
            ? new FormulaMatch(f.Id, f.Version, f.Provenance, FormulaVerdict.NotExcluded, null, null, null, [],
                $"({f.Id}) not excluded: structure unavailable (provenance missing); the compound has the six-membered aromatic ring bearing A that every ({f.Id}) compound has (reading, {provenance})")
            : new FormulaMatch(f.Id, f.Version, f.Provenance, FormulaVerdict.Excluded, null, null, null, [],
                $"({f.Id}) excluded: structure unavailable (provenance missing), but every ({f.Id}) compound has a six-membered aromatic ring bearing A (-NR5R6 or -OH) and this compound has none (reading, {provenance})");
    }

    // RDKit's tautomers of the drawn form, kept as enumerated (not re-parsed)
    // and released after the compound. Which of them count (H moved only between heteroatoms)
    // is decided per tautomer when a core fits it.
    private TautomerForms Tautomers(MatchedForm drawn, MatchOptions options)
    {
        // The enumeration includes the drawn form: judged again it fails again, and a form replaces
        // the nearest miss only with strictly fewer violations, so it is not searched for.
        var set = drawn.Molecule.EnumerateTautomers(options.MaxTautomers, heteroatomShiftsOnly: true);
        return new TautomerForms(set.Tautomers.Select(t => new MatchedForm(Library, t, isTautomer: true)).ToList(), set.Truncated);
    }

    private sealed record TautomerForms(List<MatchedForm> Forms, bool Truncated);
}
