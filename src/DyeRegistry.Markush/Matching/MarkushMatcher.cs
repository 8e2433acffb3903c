using DyeRegistry.Chemistry;
using DyeRegistry.Markush.Model;

namespace DyeRegistry.Markush.Matching;

/// <summary>
/// Decides whether compounds fall within the formulas of a <see cref="FormulaLibrary"/> and
/// explains each verdict. Thread-safe: one matcher may serve many threads (each call works on
/// its own molecule copies; the library's queries are only read).
/// </summary>
/// <remarks>
/// Per compound: counter-ions, water and the acids and solvents of salt formation are set aside
/// while a metal-complex dye is kept whole, every ligand and metal ion with its stoichiometry, as
/// registration keeps it (the rule: <see cref="StandardizationOptions.KeepMetalIons"/>; the M of
/// an ionic (C-I) drawing stays with its ring); each formula's core variants are prescreened by
/// the bridge's atom-and-bond necessary condition and matched; every embedding is judged. When
/// none satisfies, tautomers that move hydrogen only between heteroatoms are searched: RDKit's
/// tautomer enumeration (all its transforms), complete up to <see cref="MatchOptions.MaxTautomers"/>
/// forms, each form with a core judged in full; only forms in which every carbon keeps its H count
/// count (H moved between heteroatoms, in net).
/// <para>
/// Only two screens come before that search, and both are necessary conditions for "some
/// heteroatom H-shift tautomer is within", proven as follows. An H shift changes only hydrogen
/// counts of heteroatoms and bond orders; elements, connectivity (heavy-atom bonds and degrees)
/// and ring membership of atoms and bonds stay. (1) Core skeleton: the bridge's relaxed query of
/// each core keeps only elements and ring membership, with any bond (connectivity_screen.cpp);
/// a core embedding in a tautomer is an embedding of that query in the tautomer, hence in the
/// drawing. (2) The formula's <c>tautomer-screen</c>, written with those invariants only
/// (elements, R/!R, heavy degree D, the {heterocyclic} kind, which depends only on rings, and
/// any bonds), and with two more that hold for the forms searched: charges (none of RDKit's
/// heteroatom H-shift transforms changes one) and a carbon's connections X (only forms in which
/// every carbon keeps its H count are judged); each formula file gives the proof that every
/// within compound embeds it. Under a
/// reading with its own narrower screen (<c>tautomer-screen-by-reading</c>) that one must match too.
/// Whatever passes both is searched, so the verdict cannot depend on the drawing's H placement;
/// a third screen, the formula's <c>tautomer-within-screen</c>, is necessary for a within form
/// only (it may read slot classes; the formula file gives the proof): a compound failing it is not
/// within, no search is run for the verdict, and an explanation searches the forms only for its
/// nearest misses, so no limit can make that verdict undetermined;
/// the enumeration's order matters only when it stops at the limit, and then the verdict is
/// <see cref="FormulaVerdict.Undetermined"/>, never "not within".
/// </para>
/// </remarks>
public sealed class MarkushMatcher(FormulaLibrary library)
{
    private static readonly StandardizationOptions SetAsideSalts = new() { Fragments = FragmentHandling.Parent, KeepMetalIons = true };

    public FormulaLibrary Library { get; } = library;

    /// <summary>
    /// False when DYEREG_NO_SCREEN=1: necessary-condition screens are skipped and every search
    /// runs (to measure what they save; verdicts are the same either way).
    /// </summary>
    public static bool PrescreensEnabled { get; } = Environment.GetEnvironmentVariable("DYEREG_NO_SCREEN") != "1";

    /// <summary>
    /// The core variants of the formulas <paramref name="options"/> select. A compound within
    /// one of them embeds one of these cores, in its parent as drawn or in a tautomer of it; a
    /// compound that can contain none of them is within none, whatever else it holds.
    /// </summary>
    public IReadOnlyList<QueryMolecule> CoreQueries(MatchOptions? options = null) =>
        Selected(options ?? MatchOptions.Default).Where(f => f.Formula.HasStructure).SelectMany(f => f.Variants.Select(v => v.Core)).ToArray();

    /// <summary>Matches one compound against the requested formulas.</summary>
    public CompoundMatch Match(Molecule compound, MatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(compound);
        var o = options ?? MatchOptions.Default;
        return OnParent(compound, o, (standardized, drawn, tautomers) => Matched(standardized, drawn, tautomers, o));
    }

    /// <summary>
    /// <see cref="Match"/>'s result where the compound is within, or undetermined for, any of the
    /// requested formulas, and null where it is within none (a batch that reports hits only).
    /// The verdicts are decided first, each embedding judged only to its first violation; only a
    /// hit is then matched in full, on the same parent, forms and tautomers: the enumeration (one,
    /// up to <see cref="MatchOptions.MaxTautomers"/>) and each form's screens, graph and cut-out
    /// substituents are made once for both passes.
    /// </summary>
    /// <remarks>
    /// Same verdict as <see cref="IsWithinAny"/>: that one first tries a few tautomers, which
    /// pays off only when no full match follows; here every hit is matched in full, which needs
    /// the full enumeration anyway, and a compound that is not a hit needs it whenever it has more
    /// forms than the few. Both search the same forms (RDKit's enumeration adds forms in the same
    /// order whatever its cap, so a capped set is part of the full one).
    /// </remarks>
    public CompoundMatch? MatchIfWithinAny(Molecule compound, MatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(compound);
        var o = options ?? MatchOptions.Default;
        return OnParent(compound, o, (standardized, drawn, tautomers) =>
        {
            var (within, hitLimit) = VerdictsOf(drawn, tautomers, o);
            return within || hitLimit ? Matched(standardized, drawn, tautomers, o) : null;
        });
    }

    private CompoundMatch Matched(StandardizationResult? standardized, MatchedForm drawn, Func<TautomerForms> tautomers, MatchOptions o) => new(
        standardized?.Parent.ToSmiles(),
        standardized?.RemovedFragments ?? [],
        Selected(o).Select(formula => MatchFormula(formula, drawn, tautomers, o)).ToList());

    /// <summary>
    /// Whether the compound is within, or undetermined for, any of the requested formulas: the
    /// verdicts of <see cref="Match"/>, reached by the same search, but each embedding judged only
    /// to its first violation and nothing explained. For a batch that reports hits only; a true
    /// answer is then matched in full for its report.
    /// </summary>
    public bool IsWithinAny(Molecule compound, MatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(compound);
        var o = options ?? MatchOptions.Default;
        // First with a few tautomers: a within form among them is a within form among all, and a
        // search that hit no limit has seen every form. Only a search that hit a limit (most
        // often the few-tautomer cap) is run again with the full options, so the verdict is the
        // full search's while most compounds never pay for enumerating up to the full cap.
        if (o.MaxTautomers > FirstTautomerStage)
        {
            var first = Verdicts(compound, o with { MaxTautomers = FirstTautomerStage });
            if (first.Within || !first.HitLimit)
            {
                return first.Within;
            }
        }

        var full = Verdicts(compound, o);
        return full.Within || full.HitLimit;
    }

    private const int FirstTautomerStage = 16;

    // Whether any formula is within, and whether any search hit a limit (undetermined).
    private (bool Within, bool HitLimit) Verdicts(Molecule compound, MatchOptions o) =>
        OnParent(compound, o, (_, drawn, tautomers) => VerdictsOf(drawn, tautomers, o));

    private (bool Within, bool HitLimit) VerdictsOf(MatchedForm drawn, Func<TautomerForms> tautomers, MatchOptions o)
    {
        var hitLimit = false;
        foreach (var f in Selected(o).Where(f => f.Formula.HasStructure))
        {
            var r = Search(f, drawn, tautomers, o, verdictOnly: true);
            if (r.Reports.Any(e => e.Satisfied))
            {
                return (true, hitLimit);
            }

            hitLimit |= r.Limit is not null;
        }

        return (false, hitLimit);
    }

    // Sets salts aside, then runs the work on the parent as drawn, with its tautomers made on
    // first request; every form is released afterwards.
    private T OnParent<T>(Molecule compound, MatchOptions options, Func<StandardizationResult?, MatchedForm, Func<TautomerForms>, T> work)
    {
        // Only a record drawn in several pieces needs salts set aside (and that step costs more
        // than parsing); a single piece is matched as drawn.
        var standardized = compound.FragmentCount() > 1 ? compound.Standardize(SetAsideSalts) : null;
        using var owned = standardized?.Parent;
        var drawn = new MatchedForm(Library, owned ?? compound, isTautomer: false);
        TautomerForms? tautomers = null;
        try
        {
            return work(standardized, drawn, () => tautomers ??= Tautomers(drawn, options));
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

        var (reports, form, reading, limit) = Search(compiled, drawn, tautomers, options, verdictOnly: false);
        var verdict = Verdict(compiled, reports, form.TautomerSmiles, reading);
        if (!verdict.IsWithin && limit is not null)
        {
            verdict = verdict with
            {
                Verdict = FormulaVerdict.Undetermined,
                Explanation = $"undetermined ({f.Id}) (search limit: {limit}); {verdict.Explanation}",
            };
        }

        verdict = verdict with
        {
            Best = verdict.Best is null ? null : Enrich(verdict.Best, form),
            NearestMisses = verdict.NearestMisses.Select(e => Enrich(e, form)).ToArray(),
        };
        return options.Depict && verdict.IsWithin && verdict.Best is { } best
            ? verdict with { Svg = MatchDepiction.Svg(form.Molecule, form.Graph, f.Id, best), Png = MatchDepiction.Png(form.Molecule, form.Graph, f.Id, best) }
            : verdict;
    }

    // The embeddings of the formula's cores in the drawn form and, when none satisfies, in its
    // tautomers: the satisfying ones, or the nearest misses found, and the form they are in; and
    // the limit the search hit before it was complete, if any.
    private static SearchResult Search(CompiledFormula compiled, MatchedForm drawn, Func<TautomerForms> tautomers, MatchOptions options, bool verdictOnly)
    {
        var f = compiled.Formula;
        var reading = options.Readings.TryGetValue(f.Id, out var r) ? r : f.Slots.Select(s => s.DefaultReading).FirstOrDefault(x => x is not null);
        var (reports, limit) = Embeddings(compiled, drawn, reading, options, verdictOnly);
        var form = drawn;
        if (!reports.Any(e => e.Satisfied) && options.ConsiderTautomers && TautomerMayBeWithin(compiled, drawn, reading))
        {
            // Where the within screen fails no form is within (TautomerWithinPossible): a verdict
            // needs no search, and an explanation searches the forms for nearest misses only, so
            // no limit it hits can make the verdict undetermined.
            var mayBeWithin = TautomerWithinPossible(compiled, drawn);
            if (!mayBeWithin && verdictOnly)
            {
                return new SearchResult(reports, form, reading, limit);
            }

            var forms = tautomers();
            foreach (var t in forms.Forms)
            {
                // A core test first (microseconds); the H check and the judging only where a core fits.
                if (!compiled.Variants.Any(v => t.HasMatch(v.Core)) || !t.MovesHydrogenOnlyBetweenHeteroatoms(drawn))
                {
                    continue;
                }

                var (tr, tlimit) = Embeddings(compiled, t, reading, options, verdictOnly);
                if (tr.Any(e => e.Satisfied))
                {
                    return new SearchResult(tr, t, reading, null);
                }

                limit ??= mayBeWithin ? tlimit : null;
                if (tr.Count > 0 && (reports.Count == 0 || tr.Min(e => e.Violations.Count) < reports.Min(e => e.Violations.Count)))
                {
                    reports = tr;
                    form = t;
                }
            }

            if (forms.Truncated && mayBeWithin)
            {
                limit ??= $"more than {options.MaxTautomers} tautomers by heteroatom H shifts; none of the {options.MaxTautomers} tried is within";
            }
        }

        return new SearchResult(reports, form, reading, limit);
    }

    private sealed record SearchResult(List<EmbeddingReport> Reports, MatchedForm Form, string? Reading, string? Limit);

    /// <summary>The necessary conditions (see the class remarks) for some heteroatom H-shift
    /// tautomer of <paramref name="drawn"/> being within: a core skeleton embeds, the formula's
    /// invariant tautomer screen (when it has one) matches, and where the formula has a
    /// <c>tautomer-double-bond-screen</c>, some embedding of it can have its double bond in a form
    /// (<see cref="DoubleBondFeasibility"/>, a Kekule-matching argument; the formula file says why
    /// the bond is double in every form with a core). That last one is necessary for any core
    /// embedding in a form, not only a within one, so the nearest misses found in tautomers stay
    /// the same too. All are decided whether or not the prescreens are enabled, so that
    /// DYEREG_NO_SCREEN cannot change a verdict.</summary>
    internal static bool TautomerMayBeWithin(CompiledFormula compiled, MatchedForm drawn, string? reading) =>
        compiled.Variants.Any(v => drawn.SkeletonMightEmbed(v.Core)) &&
        (reading is null || compiled.TautomerScreenByReading?.GetValueOrDefault(reading) is not { } narrower || drawn.HasMatch(narrower)) &&
        (compiled.TautomerScreen is not { } screen ||
            ((compiled.TautomerPrescreen is not { } prescreen || drawn.HasMatch(prescreen)) &&
             (compiled.TautomerScreenUsesKinds ? drawn.KindLabelled.HasSubstructMatch(screen) : drawn.HasMatch(screen)))) &&
        (compiled.TautomerDoubleBond is not { } doubleBond || drawn.DoubleBondPossible(doubleBond));

    /// <summary>The formula's <c>tautomer-within-screen</c> (true when it has none): a necessary
    /// condition for some form being within, drawn or tautomer (the formula file gives the proof;
    /// unlike the screens of <see cref="TautomerMayBeWithin"/> it may read slot classes, so it can
    /// reject compounds whose forms have cores that are not within). Written, like those, only with
    /// what H shifts never change, so it gives the drawing's answer on every form searched.
    /// Decided whether or not the prescreens are enabled.</summary>
    internal static bool TautomerWithinPossible(CompiledFormula compiled, MatchedForm drawn) =>
        compiled.TautomerWithinScreen is not { } screen || drawn.HasMatch(screen);

    // Every embedding of the cores (or up to the first satisfying one), and the limit hit when a
    // variant had more embeddings than MaxEmbeddings (some were then never judged).
    private static (List<EmbeddingReport> Reports, string? Limit) Embeddings(CompiledFormula compiled, MatchedForm form, string? reading, MatchOptions options, bool verdictOnly)
    {
        var reports = new List<EmbeddingReport>();
        string? limit = null;
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

            var matches = form.Molecule.GetSubstructMatches(variant.Core, matchOptions);
            if (matches.Count >= options.MaxEmbeddings)
            {
                limit = $"{options.MaxEmbeddings} or more embeddings of variant {variant.Variant.Id}; only the first {options.MaxEmbeddings} judged";
            }

            foreach (var match in matches)
            {
                evaluator ??= new EmbeddingEvaluator(compiled, form.Graph, form.Classifier, reading, verdictOnly);
                var report = evaluator.Evaluate(variant, match);
                reports.Add(report);
                if (report.Satisfied)
                {
                    return (reports, null);
                }
            }
        }

        return (reports, limit);
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

    // RDKit's tautomers of the drawn form, kept as enumerated (not re-parsed) and released after
    // the compound. Only the transforms RDKit names "heteroatom H shift" are used (formulas.md:
    // tautomers that move H between heteroatoms count). The Validation brute force
    // (tests/DyeRegistry.Cli.Tests/tautomer_bruteforce.py) enumerates with all of RDKit's
    // transforms and keeps the forms in which every carbon keeps its H count; over the catalogue
    // it finds no record within a formula that this search reports not within.
    private TautomerForms Tautomers(MatchedForm drawn, MatchOptions options)
    {
        // The enumeration includes the drawn form: judged again it fails again, and a form replaces
        // the nearest miss only with strictly fewer violations, so it is not searched for.
        var set = drawn.Molecule.EnumerateTautomers(options.MaxTautomers, heteroatomShiftsOnly: true);
        return new TautomerForms(set.Tautomers.Select(t => new MatchedForm(Library, t, isTautomer: true)).ToList(), set.Truncated);
    }

    private sealed record TautomerForms(List<MatchedForm> Forms, bool Truncated);
}
