using System.Text.Json.Nodes;
using DyeRegistry.Application.Rendering;
using DyeRegistry.Application.Scope;
using DyeRegistry.Claims;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Claims.Loading;
using DyeRegistry.Markush;
using DyeRegistry.Markush.Loading;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Application.Charts;

/// <summary>
/// The claim-chart use case: a medium alone (its medium claims), an ink on a medium (the
/// recording-method claims too), or every registered ink x medium as a matrix; rendered as text,
/// json or html by the same renderers whoever asks (dyereg scope, the API).
/// </summary>
public sealed class ClaimCharts(ClaimLibrary claims, ReadingChoices choices, FormulaLibrary formulas, bool depict)
{
    /// <summary>The chart formats, as <c>dyereg scope --format</c> names them.</summary>
    public static readonly string[] Formats = ["text", "json", "html"];

    /// <summary>The document formats (files, not text): pdf and docx for one chart, xlsx for the matrix.</summary>
    public static readonly string[] DocumentFormats = ["pdf", "docx", "xlsx"];

    private readonly ClaimEvaluator evaluator = new(claims, choices, new DyeFormulas(formulas, ClaimEvaluator.FormulaReadings(choices), depict));

    public ClaimChart Evaluate(ScopeSources sources, ScopeRecord medium, ScopeRecord? ink) => evaluator.Evaluate(sources.Subject(medium, ink));

    /// <summary>The chart's author when no one is named (the spec is silent; we say so rather than guess).</summary>
    public const string UnknownAuthor = "an unnamed user";

    /// <summary>One chart in a format; <paramref name="at"/> is the generation time every format prints.</summary>
    public static string Render(ClaimChart chart, string format, Func<ClaimResult, bool> shown, DateTimeOffset at) =>
        Render(chart, format, shown, at, UnknownAuthor);

    /// <summary>One chart in a text format, naming who made it (<paramref name="author"/>: the CLI's
    /// OS user or --author, the server's account).</summary>
    public static string Render(ClaimChart chart, string format, Func<ClaimResult, bool> shown, DateTimeOffset at, string author)
    {
        var view = ClaimChartView.Of(chart, shown, at, author);
        return format switch
        {
            "json" => ClaimChartJson.Chart(view).ToJsonString(JsonText.Pretty) + "\n",
            "html" => ClaimChartHtml.Render(view, print: false),
            _ => TextOf(w => ClaimChartText.Write(w, view)),
        };
    }

    /// <summary>Which claims are shown: all, or those named (001:2) and those of the patents named (001).</summary>
    public static Func<ClaimResult, bool> Filter(IReadOnlyCollection<string> wanted, ClaimLibrary library)
    {
        if (wanted.Count == 0)
        {
            return _ => true;
        }

        foreach (var w in wanted.Where(w => (w.Contains(':') ? library.Find(w) is null : library.Set(w) is null)))
        {
            throw new ArgumentException($"--claim {w}: no such {(w.Contains(':') ? "claim" : "patent")} (patents: {string.Join(", ", library.Sets.Select(s => s.Patent))}; claims are written 001:2)");
        }

        return c => wanted.Contains(c.Claim.Id) || wanted.Contains(c.Claim.Patent);
    }

    // One record that cannot be evaluated never stops the matrix: its rows are left out, it is
    // reported (record, version, what went wrong), and every other medium and pair is evaluated.
    public (string Text, List<string> Failures) Matrix(ScopeSources sources, string format, Func<ClaimResult, bool> shown, DateTimeOffset at)
    {
        var media = sources.AllInRegistry(RecordKind.Medium);
        var inks = sources.AllInRegistry(RecordKind.Ink);
        if (media.Count == 0)
        {
            throw new ArgumentException($"the registry {sources.Store.Location} holds no medium records");
        }

        var failures = new List<string>();
        ClaimChart? Evaluate(ScopeRecord medium, ScopeRecord? ink)
        {
            try
            {
                return evaluator.Evaluate(sources.Subject(medium, ink));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var subject = ink is null ? $"medium {medium.Id} (version {medium.Version})" : $"ink {ink.Id} (version {ink.Version}) on medium {medium.Id} (version {medium.Version})";
                failures.Add($"{subject}: not evaluated: {e.Message}");
                return null;
            }
        }

        var mediumCharts = media.Select(m => Evaluate(m, null)).OfType<ClaimChart>().ToList();
        var pairCharts = inks.SelectMany(i => media.Select(m => Evaluate(m, i))).OfType<ClaimChart>().ToList();
        if (format == "xlsx")
        {
            MatrixCharts = (mediumCharts, pairCharts);
            return (string.Empty, failures);
        }

        var text = format switch
        {
            "json" => ClaimMatrixRendering.Json(mediumCharts, pairCharts, shown, failures).ToJsonString(JsonText.Pretty) + "\n",
            "html" => ClaimMatrixRendering.Html(mediumCharts, pairCharts, shown, at, ProgramVersion.Text()),
            _ => TextOf(w => ClaimMatrixRendering.Text(w, mediumCharts, pairCharts, shown)),
        };
        return (text, failures);
    }

    /// <summary>The charts the last <see cref="Matrix"/> call with format xlsx evaluated (the
    /// workbook is binary: <see cref="MatrixWorkbook"/> writes it).</summary>
    private (List<ClaimChart> Media, List<ClaimChart> Pairs)? MatrixCharts { get; set; }

    /// <summary>The portfolio matrix as an Excel workbook, one sheet per patent; the failures as <see cref="Matrix"/>.</summary>
    public (byte[] Workbook, List<string> Failures) MatrixWorkbook(ScopeSources sources, Func<ClaimResult, bool> shown, DateTimeOffset at, string author)
    {
        var (_, failures) = Matrix(sources, "xlsx", shown, at);
        var (media, pairs) = MatrixCharts!.Value;
        return (Documents.MatrixXlsx.Write(media, pairs, shown, at, author, ProgramVersion.Text(), failures), failures);
    }

    /// <summary>One chart as a document: pdf (printed by Debian's chromium) or docx.</summary>
    public static byte[] Document(ClaimChart chart, string format, Func<ClaimResult, bool> shown, DateTimeOffset at, string author, Documents.ChartPaper paper)
    {
        var view = ClaimChartView.Of(chart, shown, at, author);
        return format switch
        {
            "pdf" => Documents.ChartPdf.Write(view, paper),
            "docx" => Documents.ChartDocx.Write(view, paper, d => d.Png),
            _ => throw new ArgumentException($"--format {format}: not a chart document format (pdf, docx)"),
        };
    }

    /// <summary>The readings and their options, the default marked (dyereg scope --readings).</summary>
    public static void WriteReadings(TextWriter w, ClaimLibrary library)
    {
        w.WriteLine($"Readings ({library.Readings.File}, version {library.Readings.Version}):");
        foreach (var r in library.Readings.Readings)
        {
            w.WriteLine($"  {r.Id}: {r.Term}");
            foreach (var o in r.Options)
            {
                w.WriteLine($"    {(o.Id == r.Default ? "*" : " ")} {o.Id} [{ProvenanceText.ToText(o.Provenance)}]: {o.Text}");
            }
        }
    }

    private static string TextOf(Action<TextWriter> write)
    {
        using var w = new StringWriter();
        write(w);
        return w.ToString();
    }
}
