using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using DyeRegistry.Claims;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Claims.Loading;
using DyeRegistry.Application.Estimating;
using DyeRegistry.Application.Charts;
using DyeRegistry.Application.Documents;
using DyeRegistry.Application.Rendering;
using DyeRegistry.Application.Scope;
using DyeRegistry.Cli.Output;
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
    private static readonly FileFormat[] Formats =
    [
        new("text", ".txt", ".text"), new("json", ".json"), new("html", ".html", ".htm"), new("pdf", ".pdf"), new("docx", ".docx"),
        new("jsonl", ".jsonl"), new("csv", ".csv"), new("xlsx", ".xlsx"),
    ];

    public static Command Create()
    {
        var ink = new Option<string?>("--ink") { Description = "Id of the ink (registered, or in --ink-file)." };
        var medium = new Option<string?>("--medium") { Description = "Id of the medium (registered, or in --medium-file)." };
        var inkFile = new Option<string?>("--ink-file") { Description = "JSON file with the ink and the dye, polymer and solvent records it references (docs/records.md), when they are not registered." };
        var mediumFile = new Option<string?>("--medium-file") { Description = "JSON file with the medium record, when it is not registered." };
        var matrix = new Option<bool>("--matrix") { Description = "Every registered ink x every registered medium, as a matrix of claim verdicts." };
        var format = new Option<string?>("--format") { Description = "text, json or html; pdf or docx (one chart, written to -o FILE); with --matrix also jsonl, csv and xlsx (to -o FILE). Default: by -o's extension, else text." };
        format.AcceptOnlyFromAmong([.. ClaimCharts.Formats, .. ClaimCharts.DocumentFormats, .. ClaimMatrixStream.Formats.Except(ClaimCharts.Formats).Except(ClaimCharts.DocumentFormats)]);
        var author = new Option<string?>("--author") { Description = "Who the chart names as its author (default: the operating-system user)." };
        var paper = new Option<string>("--paper") { Description = "Paper for pdf and docx: a4 or letter.", DefaultValueFactory = _ => "a4" };
        paper.AcceptOnlyFromAmong("a4", "letter", "A4", "Letter");
        var output = new Option<string?>("--out", "-o") { Description = "Write the chart to this file (default: standard output)." };
        var reading = new Option<string[]>("--reading") { Description = "Switch a reading, ID=OPTION (ionizing-radiation=strict, formula-I-X=literal) or ID=NUMBER for a threshold reading (hydrophobic-dye=0.5). Listed by 'dyereg scope --readings'." };
        var claim = new Option<string[]>("--claim") { Description = "Show only these claims (001:2) or patents (001); all applicable claims are still evaluated." };
        var listReadings = new Option<bool>("--readings") { Description = "List the readings and their options, then exit." };
        var registry = RegistryOptions.Path();
        var formulas = FormulaOptions.Folder();
        var claimsFolder = new Option<string>("--claims") { Description = "Folder of claim set and readings files (default: $DYEREG_CLAIMS, else claims/ beside the program or in /usr/share/dyeregistry, else the claims/ folder of a checkout).", DefaultValueFactory = _ => ClaimLibrary.DefaultFolder() };
        var matrixOptions = MatrixOptions.Create();
        var command = new Command("scope", "Claim charts: evaluate every claim of the three patents on a medium, or an ink on a medium, limitation by limitation.")
        {
            ink, medium, inkFile, mediumFile, matrix, format, output, reading, claim, listReadings, registry, formulas, claimsFolder,
        };
        command.Options.Add(author);
        command.Options.Add(paper);
        matrixOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var library = ClaimLibrary.Load(parse.GetValue(claimsFolder)!);
                if (parse.GetValue(listReadings))
                {
                    ClaimCharts.WriteReadings(parse.InvocationConfiguration.Output, library);
                    return ExitCodes.Success;
                }

                // One rule for every command that writes files: the extension and --format agree.
                var fmt = OutputFormats.Choose("--out", parse.GetValue(output), parse.GetValue(format), Formats, "text").Name;
                var choices = ReadingChoices.Create(library.Readings, parse.GetValue(reading));
                var shown = ClaimCharts.Filter(parse.GetValue(claim) ?? [], library);
                using var formulaLibrary = FormulaLibrary.Load(parse.GetValue(formulas)!);
                var charts = new ClaimCharts(library, choices, formulaLibrary, depict: fmt is "html" or "pdf" or "docx");
                var document = ClaimCharts.DocumentFormats.Contains(fmt);
                if (document && parse.GetValue(output) is null)
                {
                    throw new ArgumentException($"--format {fmt} writes a file: give -o FILE.{fmt}");
                }

                if (fmt == "xlsx" && !parse.GetValue(matrix))
                {
                    throw new ArgumentException("--format xlsx is for the matrix: add --matrix (one chart: pdf or docx)");
                }

                if (fmt is "pdf" or "docx" && parse.GetValue(matrix))
                {
                    throw new ArgumentException($"--format {fmt} is for one chart; the matrix is text, json, jsonl, csv, html or xlsx");
                }

                var madeBy = parse.GetValue(author) is { Length: > 0 } named ? named : Environment.UserName;
                var sheet = ChartPapers.Parse(parse.GetValue(paper)) ?? ChartPaper.A4;
                byte[]? bytes = null;
                var files = new[] { parse.GetValue(inkFile), parse.GetValue(mediumFile) }.OfType<string>().ToList();
                OutputTargets.Check([("--out", parse.GetValue(output))],
                    [("registry", parse.GetValue(registry)), ("--ink-file", parse.GetValue(inkFile)), ("--medium-file", parse.GetValue(mediumFile))]);
                // Dyes and solvents read from files get estimates as import would give them.
                using var estimates = files.Count > 0 && EstimateCommand.LoadModel(null, parse.InvocationConfiguration.Error) is { } model ? new RecordEstimates(model) : null;
                using var sources = new ScopeSources(parse.GetValue(registry)!, RegistryOptions.OpenForReading, files, estimates);
                matrixOptions.Check(parse, parse.GetValue(matrix), fmt);
                string text;
                var exit = ExitCodes.Success;
                if (parse.GetValue(matrix))
                {
                    if (parse.GetValue(ink) is not null || parse.GetValue(medium) is not null || files.Count > 0)
                    {
                        throw new ArgumentException("--matrix takes every registered ink and medium; it does not combine with --ink, --medium or record files");
                    }

                    if (fmt != "xlsx" && !matrixOptions.PerPair(parse))
                    {
                        return matrixOptions.Run(parse, library, choices, formulaLibrary, sources, fmt, shown, parse.GetValue(output));
                    }

                    List<string> failures;
                    if (fmt == "xlsx")
                    {
                        (bytes, failures) = charts.MatrixWorkbook(sources, shown, DateTimeOffset.UtcNow, madeBy);
                        text = string.Empty;
                    }
                    else
                    {
                        (text, failures) = charts.Matrix(sources, fmt, shown, DateTimeOffset.UtcNow);
                    }

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
                    var evaluated = matrixOptions.ChartAdditions(parse, library, choices, formulaLibrary, charts.Evaluate(sources, m, i));
                    text = document ? string.Empty : ClaimCharts.Render(evaluated, fmt, shown, DateTimeOffset.UtcNow, madeBy);
                    bytes = document ? ClaimCharts.Document(evaluated, fmt, shown, DateTimeOffset.UtcNow, madeBy, sheet) : null;
                }

                if (bytes is not null && parse.GetValue(output) is { } file)
                {
                    AtomicFile.Write(file, s => s.Write(bytes));
                    stderr.WriteLine($"wrote {file}");
                }
                else if (parse.GetValue(output) is { } path)
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
}
