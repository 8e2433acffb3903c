using DyeRegistry.Claims.Evaluation;

namespace DyeRegistry.Application.Scope;

/// <summary>
/// An evaluated portfolio matrix as its writers read it: the engine (class table), the inks and
/// media with their sides, which claims are shown, and the options of the run (margins,
/// reading sensitivity, the chart link form of the heat map).
/// </summary>
public sealed class MatrixView
{
    private readonly Dictionary<ClaimVerdict[], IReadOnlyList<ClaimResult>> results = new(ReferenceEqualityComparer.Instance);

    public MatrixView(MatrixEngine engine, IReadOnlyList<MatrixInk> inks, IReadOnlyList<MatrixMedium> media, Func<ClaimResult, bool> shown)
    {
        Engine = engine;
        Inks = inks;
        Media = media;
        Shown = shown;
        ShownPairing = engine.Pairing.Claims.Select(c => shown(Result(c, ClaimVerdict.Within))).ToArray();
        PairCount = (long)inks.Count(i => i.Failure is null) * media.Count(m => m.Failure is null);
    }

    public MatrixEngine Engine { get; }

    public IReadOnlyList<MatrixInk> Inks { get; }

    public IReadOnlyList<MatrixMedium> Media { get; }

    public Func<ClaimResult, bool> Shown { get; }

    /// <summary>Per recording-method claim (engine order): shown or not.</summary>
    public bool[] ShownPairing { get; }

    /// <summary>Pairs evaluated (both sides evaluated without failure).</summary>
    public long PairCount { get; }

    /// <summary>With margins on each pair (jsonl): <c>--margins</c>.</summary>
    public bool Margins { get; init; }

    public MatrixSensitivity? Sensitivity { get; init; }

    /// <summary>The registry's change count when read (the VERSION of <c>--since</c>); null when unknown.</summary>
    public int? RegistryChange { get; init; }

    /// <summary>For an incremental run: how many inks and media were evaluated again (the rest came from the stored matrix).</summary>
    public (int Inks, int Media)? EvaluatedAgain { get; init; }

    /// <summary>The heat map's link from a cell to its chart (<see cref="ChartLinks"/>).</summary>
    public string ChartLink { get; init; } = ChartLinks.Default;

    /// <summary>The failures, as the per-pair matrix listed them: media first, then pairs in order.</summary>
    public IEnumerable<string> Failures()
    {
        foreach (var m in Media.Where(m => m.Failure is not null))
        {
            yield return $"medium {m.Record.Id} (version {m.Record.Version}): not evaluated: {m.Failure}";
        }

        if (Inks.Any(i => i.Failure is not null) || Media.Any(m => m.Failure is not null))
        {
            foreach (var i in Inks)
            {
                foreach (var m in Media)
                {
                    if (MatrixEngine.Failure(i, m) is { } f)
                    {
                        yield return f;
                    }
                }
            }
        }
    }

    /// <summary>The recording-method claims of a verdict pattern as claim results (verdict only), cached per pattern.</summary>
    public IReadOnlyList<ClaimResult> PairResults(ClaimVerdict[] verdicts)
    {
        lock (results)
        {
            if (!results.TryGetValue(verdicts, out var list))
            {
                list = results[verdicts] = Engine.Pairing.Claims.Select((c, k) => Result(c, verdicts[k])).ToList();
            }

            return list;
        }
    }

    private ClaimResult Result(Claims.Model.Claim c, ClaimVerdict v) => new(c, Engine.Library.Set(c.Patent)!.Title, v, null, [], []);
}

/// <summary>
/// How the heat map links a cell to its chart: a relative path template,
/// <c>charts/{ink}/{medium}.html</c> by default, the ids percent-encoded. A relative path with no
/// query string works both as files (write each chart with <c>dyereg scope --ink I --medium M
/// --format html -o charts/I/M.html</c> beside the heat map) and on a server that serves the heat
/// map at <c>…/matrix/</c> and the charts under <c>…/matrix/charts/</c>; <c>--chart-link</c>
/// sets another template (for today's API: <c>/api/v1/charts?ink={ink}&amp;medium={medium}&amp;format=html</c>).
/// </summary>
public static class ChartLinks
{
    public const string Default = "charts/{ink}/{medium}.html";

    public static string For(string template, string ink, string medium) =>
        template.Replace("{ink}", Uri.EscapeDataString(ink), StringComparison.Ordinal).Replace("{medium}", Uri.EscapeDataString(medium), StringComparison.Ordinal);
}
