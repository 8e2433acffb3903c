using DyeRegistry.Application.Processing;
using DyeRegistry.Claims;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Claims.Model;
using DyeRegistry.Markush;

namespace DyeRegistry.Application.Scope;

/// <summary>An ink of the matrix: its ink-side limitation verdicts (<see cref="PairingEvaluator.InkSide"/>
/// order) and their margins, the class of inks with the same verdicts, or why it could not be evaluated.</summary>
public sealed record MatrixInk(ScopeRecord Record, IReadOnlyList<string> ComponentVersions, LimitationVerdict[] Side, IReadOnlyList<LimitationMargin>[] Margins, string? Failure)
{
    public int Class { get; set; } = -1;
}

/// <summary>A medium of the matrix: its medium claims' verdicts (once per medium), its medium-side
/// limitation verdicts for the recording-method claims, their margins, and its class.</summary>
public sealed record MatrixMedium(ScopeRecord Record, IReadOnlyList<MediumClaimVerdict> Claims, LimitationVerdict[] Side, IReadOnlyList<LimitationMargin>[] Margins, string? Failure)
{
    public int Class { get; set; } = -1;
}

/// <summary>One medium claim's verdict on a medium, with its design-around margin when within.</summary>
public sealed record MediumClaimVerdict(ClaimResult Claim, LimitationMargin? Margin);

/// <summary>
/// The portfolio matrix evaluated as issue 20 asks: each medium's claims once per medium, each
/// ink's side of the recording-method claims once per ink (its dyes' formula verdicts once per
/// dye, in <see cref="DyeFormulas"/>), each medium's side once per medium, on every core; a
/// pair's verdicts are then combined from the two sides. Inks (and media) whose side verdicts are
/// the same form a class, so a pair costs one table look-up. Byte-for-byte the verdicts of
/// <see cref="ClaimEvaluator.Evaluate"/> on the pair (tests check it on the samples).
/// </summary>
public sealed class MatrixEngine
{
    private readonly ClaimEvaluator evaluator;
    private readonly List<ClaimVerdict[]> table = [];
    private readonly Dictionary<string, int> inkClasses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> mediumClasses = new(StringComparer.Ordinal);
    private readonly List<LimitationVerdict[]> inkClassSides = [];
    private readonly List<LimitationVerdict[]> mediumClassSides = [];
    private ClaimVerdict[][][] pairs = [];

    public MatrixEngine(ClaimLibrary claims, ReadingChoices choices, FormulaLibrary formulas, DyeFormulas? shared = null)
    {
        Choices = choices;
        Dyes = shared ?? new DyeFormulas(formulas, ClaimEvaluator.FormulaReadings(choices), depict: false);
        evaluator = new ClaimEvaluator(claims, choices, Dyes);
        Pairing = new PairingEvaluator(claims, choices, Dyes);
        Library = claims;
        if (!Pairing.Separable)
        {
            throw new ArgumentException("a recording-method limitation in the claim files reads both the ink and the medium; the streamed matrix cannot split it (use --per-pair)");
        }
    }

    public ReadingChoices Choices { get; }

    public DyeFormulas Dyes { get; }

    public PairingEvaluator Pairing { get; }

    public ClaimLibrary Library { get; }

    /// <summary>Each ink's side, in input order, on <paramref name="threads"/> threads. The
    /// components are read (from the store) on the calling thread; <paramref name="progress"/> is
    /// told the count done.</summary>
    public List<MatrixInk> EvaluateInks(ScopeSources sources, IReadOnlyList<ScopeRecord> inks, ScopeRecord anyMedium, int threads, Action<int>? progress = null)
    {
        var done = new List<MatrixInk>(inks.Count);
        var items = inks.Select(i => (Ink: i, sources.Subject(anyMedium, i).Components));
        foreach (var row in OrderedParallel.Map(items, x => Ink(x.Ink, x.Components), threads, window: 64))
        {
            done.Add(row);
            progress?.Invoke(done.Count);
        }

        return done;
    }

    /// <summary>One ink's side (also what the incremental run re-evaluates).</summary>
    public MatrixInk Ink(ScopeRecord ink, IReadOnlyDictionary<string, ScopeRecord> components)
    {
        var versions = components.Values.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => $"{c.Id}@{c.Version}").ToList();
        try
        {
            var side = Pairing.EvaluateInk(ink, components);
            return new MatrixInk(ink, versions, [.. side.Select(s => s.Verdict)], [.. side.Select(s => s.Margins)], null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new MatrixInk(ink, versions, [], [], e.Message);
        }
    }

    public List<MatrixMedium> EvaluateMedia(ScopeSources sources, IReadOnlyList<ScopeRecord> media, int threads, Action<int>? progress = null)
    {
        var done = new List<MatrixMedium>(media.Count);
        var items = media.Select(m => sources.Subject(m, null));
        foreach (var row in OrderedParallel.Map(items, Medium, threads, window: 64))
        {
            done.Add(row);
            progress?.Invoke(done.Count);
        }

        return done;
    }

    /// <summary>One medium: its medium claims and its side of the recording-method claims.</summary>
    public MatrixMedium Medium(ScopeSubject subject)
    {
        try
        {
            var chart = evaluator.Evaluate(subject);
            var margins = ClaimMargins.Of(chart);
            var claims = chart.Claims.Select(c => new MediumClaimVerdict(Slim(c), margins.GetValueOrDefault(c.Claim.Id))).ToList();
            var side = Pairing.EvaluateMedium(subject.Medium);
            return new MatrixMedium(subject.Medium, claims, [.. side.Select(s => s.Verdict)], [.. side.Select(s => s.Margins)], null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new MatrixMedium(subject.Medium, [], [], [], e.Message);
        }
    }

    /// <summary>Sorts inks and media into classes and fills the class-pair table; call after the sides are in.</summary>
    public void Classify(IReadOnlyList<MatrixInk> inks, IReadOnlyList<MatrixMedium> media)
    {
        foreach (var i in inks.Where(i => i.Failure is null))
        {
            i.Class = ClassOf(inkClasses, inkClassSides, i.Side);
        }

        foreach (var m in media.Where(m => m.Failure is null))
        {
            m.Class = ClassOf(mediumClasses, mediumClassSides, m.Side);
        }

        pairs = inkClassSides.Select(i => mediumClassSides.Select(m => Pairing.Combine(i, m)).ToArray()).ToArray();
    }

    /// <summary>The recording-method claim verdicts of an ink on a medium (in <see cref="PairingEvaluator.Claims"/> order); shared arrays, do not change them.</summary>
    public ClaimVerdict[] Verdicts(MatrixInk ink, MatrixMedium medium) => pairs[ink.Class][medium.Class];

    /// <summary>The verdicts of an ink class on a medium class.</summary>
    public ClaimVerdict[] PairVerdictsOfClasses(int inkClass, int mediumClass) => pairs[inkClass][mediumClass];

    public int InkClassCount => inkClassSides.Count;

    public int MediumClassCount => mediumClassSides.Count;

    /// <summary>The pair's failure message as the per-pair matrix words it, or null.</summary>
    public static string? Failure(MatrixInk ink, MatrixMedium medium) => (ink.Failure ?? medium.Failure) is { } why
        ? $"ink {ink.Record.Id} (version {ink.Record.Version}) on medium {medium.Record.Id} (version {medium.Record.Version}): not evaluated: {why}"
        : null;

    /// <summary>The design-around margin of each within recording-method claim of a pair: the nearest of its chain's limitation margins (ink and medium sides).</summary>
    public LimitationMargin?[] PairMargins(MatrixInk ink, MatrixMedium medium)
    {
        var verdicts = Verdicts(ink, medium);
        var result = new LimitationMargin?[verdicts.Length];
        for (var c = 0; c < verdicts.Length; c++)
        {
            if (verdicts[c] != ClaimVerdict.Within)
            {
                continue;
            }

            var all = Pairing.Chain(c).SelectMany(l => SideMargins(ink, medium, l));
            result[c] = ClaimMargins.Nearest(all);
        }

        return result;
    }

    private IEnumerable<LimitationMargin> SideMargins(MatrixInk ink, MatrixMedium medium, int limitation)
    {
        var i = IndexIn(Pairing.InkSide, limitation);
        return i >= 0 ? ink.Margins[i] : medium.Margins[IndexIn(Pairing.MediumSide, limitation)];
    }

    private static int IndexIn(IReadOnlyList<int> list, int value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static int ClassOf(Dictionary<string, int> classes, List<LimitationVerdict[]> sides, LimitationVerdict[] side)
    {
        var key = string.Concat(side.Select(v => (char)('0' + (int)v)));
        if (!classes.TryGetValue(key, out var id))
        {
            id = classes[key] = sides.Count;
            sides.Add(side);
        }

        return id;
    }

    // A medium claim as the matrix keeps it: the verdict and the claim, without the evidence
    // (a thousand media's evidence is what the per-pair matrix held in memory).
    private static ClaimResult Slim(ClaimResult c) => c with { Limitations = [], Deciding = [] };
}
