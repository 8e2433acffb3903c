using System.CommandLine;
using DyeRegistry.Application.Charts;
using DyeRegistry.Application.Rendering;
using DyeRegistry.Application.Scope;
using DyeRegistry.Claims;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Cli.Output;
using DyeRegistry.Markush;

namespace DyeRegistry.Cli.Commands;

/// <summary>
/// The portfolio-matrix options of <c>dyereg scope</c> (issue 20) and what they run: the streamed
/// matrix (text, json, jsonl, csv, html heat map), the views folder, reading sensitivity (also on a
/// single chart), margins, and the incremental run from a stored matrix. <c>--per-pair</c> keeps
/// the earlier evaluation, pair by pair in memory, as the reference the streamed one is checked
/// against (tests, benchmarks/matrix-bench.sh).
/// </summary>
internal sealed class MatrixOptions
{
    private readonly Option<string?> views = new("--views") { Description = "With --matrix: write the views a person reads to this folder: heatmap.html, grid-PATENT-N.csv per claim (inks x media), summary-claims.csv, summary-inks.csv. (--matrix also takes --format jsonl or csv, streamed; its html is the heat map.)" };
    private readonly Option<bool> sensitivity = new("--sensitivity") { Description = "Evaluate every option of every reading and report each verdict that changes, naming the reading and both verdicts (chart and --matrix)." };
    private readonly Option<bool> margins = new("--margins") { Description = "With --matrix --format jsonl: each pair's design-around margin per within claim (summary-inks.csv has them per ink)." };
    private readonly Option<string> chartLink = new("--chart-link") { Description = "The heat map's link from a cell to its chart, {ink} and {medium} replaced (default charts/{ink}/{medium}.html, relative to the heat map).", DefaultValueFactory = _ => ChartLinks.Default };
    private readonly Option<string?> state = new("--state") { Description = "With --matrix: store the evaluated matrix in this file (and, with --since, read it first)." };
    private readonly Option<int?> since = new("--since") { Description = "With --matrix --state FILE: evaluate again only the records changed after this registry change count (the one the stored matrix was made at, printed by every matrix run); the rest comes from FILE." };
    private readonly Option<bool> perPair = new("--per-pair") { Description = "With --matrix: the earlier evaluation, every pair's full chart in memory (reference for the streamed matrix; text, json, html only)." };
    private readonly Option<int> threads = CommonOptions.Threads();

    public static MatrixOptions Create() => new();

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { views, sensitivity, margins, chartLink, state, since, perPair, threads })
        {
            command.Options.Add(o);
        }
    }

    public bool PerPair(ParseResult parse) => parse.GetValue(perPair);

    /// <summary>A single chart with the additions asked for: its reading sensitivity.</summary>
    public ClaimChart ChartAdditions(ParseResult parse, ClaimLibrary library, ReadingChoices choices, FormulaLibrary formulas, ClaimChart chart) =>
        parse.GetValue(sensitivity) ? ReadingAlternatives.WithFlips(library, choices, formulas, chart) : chart;

    /// <summary>Refuses the matrix-only formats and options on a single chart, and the streamed-only ones with --per-pair.</summary>
    public void Check(ParseResult parse, bool matrix, string format)
    {
        if (!matrix && !ClaimCharts.Formats.Contains(format) && format is not ("pdf" or "docx"))
        {
            throw new ArgumentException($"--format {format} is for --matrix; a single chart is {string.Join(", ", ClaimCharts.Formats)}");
        }

        if (!matrix && (parse.GetValue(views) is not null || parse.GetValue(state) is not null || parse.GetValue(since) is not null || parse.GetValue(perPair)))
        {
            throw new ArgumentException("--views, --state, --since and --per-pair go with --matrix");
        }

        if (matrix && parse.GetValue(perPair) && (!ClaimCharts.Formats.Contains(format) || parse.GetValue(views) is not null || parse.GetValue(sensitivity) || parse.GetValue(state) is not null))
        {
            throw new ArgumentException("--per-pair is the earlier matrix: text, json or html, without --views, --sensitivity or --state");
        }
    }

    public int Run(ParseResult parse, ClaimLibrary library, ReadingChoices choices, FormulaLibrary formulas, ScopeSources sources, string format, Func<ClaimResult, bool> shown, string? output)
    {
        var stderr = parse.InvocationConfiguration.Error;
        var terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        var started = DateTime.UtcNow;
        void Progress(string what)
        {
            if (terminal)
            {
                stderr.Write($"\rdyereg scope: {what}, {(DateTime.UtcNow - started).TotalSeconds:0} s\u001b[K");
            }
        }

        var options = new MatrixRunOptions(Math.Max(1, parse.GetValue(threads)), parse.GetValue(sensitivity), parse.GetValue(margins), parse.GetValue(chartLink)!, parse.GetValue(state), parse.GetValue(since));
        var engine = new MatrixEngine(library, choices, formulas);
        var view = MatrixRun.Evaluate(engine, formulas, sources, shown, options, Progress);
        var total = (long)view.Inks.Count * view.Media.Count;
        void Write(TextWriter w) => new ClaimMatrixStream(view, w).Write(format, n => Progress($"pairs {n:N0}/{total:N0}"));
        if (output is { } path)
        {
            AtomicFile.Write(path, stream =>
            {
                using var w = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
                Write(w);
            });
        }
        else
        {
            Write(parse.InvocationConfiguration.Output);
        }

        if (terminal)
        {
            stderr.Write("\r\u001b[K");
        }

        if (parse.GetValue(views) is { } folder)
        {
            foreach (var f in MatrixViews.Write(folder, view))
            {
                stderr.WriteLine($"wrote {f}");
            }
        }

        if (output is not null)
        {
            stderr.WriteLine($"wrote {output}");
        }

        var failures = 0;
        foreach (var failure in view.Failures())
        {
            stderr.WriteLine($"dyereg scope: {failure}");
            failures++;
        }

        var again = view.EvaluatedAgain is { } a ? $"; incremental: {a.Inks} inks and {a.Media} media evaluated again, the rest from {options.State}" : string.Empty;
        stderr.WriteLine($"dyereg scope: {view.Inks.Count} inks x {view.Media.Count} media, {view.PairCount:N0} pairs ({engine.InkClassCount} ink and {engine.MediumClassCount} medium verdict classes) in {(DateTime.UtcNow - started).TotalSeconds:0.0} s; registry at change {view.RegistryChange}{again}");
        return failures == 0 ? ExitCodes.Success : ExitCodes.RecordsFailed;
    }
}
