using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using DyeRegistry.Claims;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Claims.Loading;
using DyeRegistry.Cli.Output;
using DyeRegistry.Cli.Rendering;
using DyeRegistry.Cli.Scope;
using DyeRegistry.Markush;
using DyeRegistry.Markush.Loading;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Cli.Commands;

/// <summary>
/// <c>dyereg scope</c>: claim charts. <c>--medium ID</c> alone evaluates the medium claims
/// (seed 000 claims 1-16, seed 002 claims 1-20); with <c>--ink ID</c> the recording-method
/// claims too (seed 001 claims 1-15, seed 000 claims 17-19); <c>--matrix</c> every registered
/// ink x medium. Records may come from files (<c>--ink-file</c>, <c>--medium-file</c>) instead of
/// the registry. Exit 0 when the chart was made (whatever the verdicts), 2 when it could not be.
/// </summary>
internal static class ScopeCommand
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var ink = new Option<string?>("--ink") { Description = "Id of the ink (registered, or in --ink-file)." };
        var medium = new Option<string?>("--medium") { Description = "Id of the medium (registered, or in --medium-file)." };
        var inkFile = new Option<string?>("--ink-file") { Description = "JSON file with the ink and the dye, polymer and solvent records it references (docs/records.md), when they are not registered." };
        var mediumFile = new Option<string?>("--medium-file") { Description = "JSON file with the medium record, when it is not registered." };
        var matrix = new Option<bool>("--matrix") { Description = "Every registered ink x every registered medium, as a matrix of claim verdicts." };
        var format = new Option<string>("--format") { Description = "text, json or html.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "html");
        var output = new Option<string?>("--out", "-o") { Description = "Write the chart to this file (default: standard output)." };
        var reading = new Option<string[]>("--reading") { Description = "Switch a reading, ID=OPTION (ionizing-radiation=strict, formula-I-X=literal) or ID=NUMBER for a threshold reading (hydrophobic-dye=0.5). Listed by 'dyereg scope --readings'." };
        var claim = new Option<string[]>("--claim") { Description = "Show only these claims (001:2) or patents (001); all applicable claims are still evaluated." };
        var listReadings = new Option<bool>("--readings") { Description = "List the readings and their options, then exit." };
        var registry = RegistryOptions.Path();
        var formulas = FormulaOptions.Folder();
        var claimsFolder = new Option<string>("--claims") { Description = "Folder of claim set and readings files (default: $DYEREG_CLAIMS, else claims/ beside the program or in /usr/share/dyeregistry, else the claims/ folder of a checkout).", DefaultValueFactory = _ => ClaimLibrary.DefaultFolder() };
        var command = new Command("scope", "Claim charts: evaluate every claim of the three patents on a medium, or an ink on a medium, limitation by limitation.")
        {
            ink, medium, inkFile, mediumFile, matrix, format, output, reading, claim, listReadings, registry, formulas, claimsFolder,
        };
        command.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var library = ClaimLibrary.Load(parse.GetValue(claimsFolder)!);
                if (parse.GetValue(listReadings))
                {
                    WriteReadings(parse.InvocationConfiguration.Output, library);
                    return ExitCodes.Success;
                }

                var choices = ReadingChoices.Create(library.Readings, parse.GetValue(reading));
                var shown = Filter(parse.GetValue(claim) ?? [], library);
                var fmt = parse.GetValue(format)!;
                using var formulaLibrary = FormulaLibrary.Load(parse.GetValue(formulas)!);
                var evaluator = new ClaimEvaluator(library, choices, new DyeFormulas(formulaLibrary, ClaimEvaluator.FormulaReadings(choices), depict: fmt == "html"));
                var files = new[] { parse.GetValue(inkFile), parse.GetValue(mediumFile) }.OfType<string>().ToList();
                OutputTargets.Check([("--out", parse.GetValue(output))],
                    [("registry", parse.GetValue(registry)), ("--ink-file", parse.GetValue(inkFile)), ("--medium-file", parse.GetValue(mediumFile))]);
                using var sources = new ScopeSources(parse.GetValue(registry)!, files);
                string text;
                var exit = ExitCodes.Success;
                if (parse.GetValue(matrix))
                {
                    if (parse.GetValue(ink) is not null || parse.GetValue(medium) is not null || files.Count > 0)
                    {
                        throw new ArgumentException("--matrix takes every registered ink and medium; it does not combine with --ink, --medium or record files");
                    }

                    (text, var failures) = Matrix(sources, evaluator, fmt, shown);
                    foreach (var failure in failures)
                    {
                        stderr.WriteLine($"dyereg scope: {failure}");
                    }

                    exit = failures.Count == 0 ? ExitCodes.Success : ExitCodes.RecordsFailed;
                }
                else
                {
                    var m = parse.GetValue(medium) is { } mid ? sources.Get(mid, RecordKind.Medium)
                        : sources.OnlyIn(parse.GetValue(mediumFile), RecordKind.Medium, "--medium-file") ?? throw new ArgumentException("name the medium: --medium ID or --medium-file FILE (or --matrix)");
                    var i = parse.GetValue(ink) is { } iid ? sources.Get(iid, RecordKind.Ink) : sources.OnlyIn(parse.GetValue(inkFile), RecordKind.Ink, "--ink-file");
                    var chart = evaluator.Evaluate(sources.Subject(m, i));
                    text = fmt switch
                    {
                        "json" => ClaimChartJson.Chart(chart, shown).ToJsonString(Pretty) + "\n",
                        "html" => ClaimChartHtml.Render(chart, shown, DateTimeOffset.UtcNow, VersionCommand.ProgramVersion()),
                        _ => TextOf(w => ClaimChartText.Write(w, chart, shown)),
                    };
                }

                if (parse.GetValue(output) is { } path)
                {
                    AtomicFile.WriteAllText(path, text);
                    stderr.WriteLine($"wrote {path}");
                }
                else
                {
                    parse.InvocationConfiguration.Output.Write(text);
                }

                return exit;
            }
            catch (Exception e) when (e is ArgumentException or IOException or ClaimFileException or FormulaFileException or RegistryException or Microsoft.Data.Sqlite.SqliteException)
            {
                stderr.WriteLine($"dyereg scope: {e.Message}");
                return ExitCodes.UsageOrInputError;
            }
        });
        return command;
    }

    private static string TextOf(Action<TextWriter> write)
    {
        using var w = new StringWriter();
        write(w);
        return w.ToString();
    }

    /// <summary>Which claims are shown: all, or those named (001:2) and those of the patents named (001).</summary>
    private static Func<ClaimResult, bool> Filter(string[] wanted, ClaimLibrary library)
    {
        if (wanted.Length == 0)
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
    private static (string Text, List<string> Failures) Matrix(ScopeSources sources, ClaimEvaluator evaluator, string format, Func<ClaimResult, bool> shown)
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
        var text = format switch
        {
            "json" => ClaimMatrixRendering.Json(mediumCharts, pairCharts, shown, failures).ToJsonString(Pretty) + "\n",
            "html" => ClaimMatrixRendering.Html(mediumCharts, pairCharts, shown, DateTimeOffset.UtcNow, VersionCommand.ProgramVersion()),
            _ => TextOf(w => ClaimMatrixRendering.Text(w, mediumCharts, pairCharts, shown)),
        };
        return (text, failures);
    }

    private static void WriteReadings(TextWriter w, ClaimLibrary library)
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
}
