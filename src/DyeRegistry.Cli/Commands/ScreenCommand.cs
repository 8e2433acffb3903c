using System.CommandLine;
using DyeRegistry.Application.Matching;
using DyeRegistry.Application.Screening;
using DyeRegistry.Markush;
using DyeRegistry.Markush.Loading;
using DyeRegistry.Markush.Matching;
using DyeRegistry.Storage;
using Spectre.Console;

namespace DyeRegistry.Cli.Commands;

/// <summary>
/// <c>dyereg screen CATALOG... [--formula ID]... [--out FILE] [--threads N] [--errors FILE] [--all]
/// [--registry PATH --mark-known] [--quiet] [--resume]</c>.
/// </summary>
internal static class ScreenCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("CATALOG") { Arity = ArgumentArity.OneOrMore, Description = "SMILES or SDF files, plain or .gz ('-' for standard input)." };
        var formula = new Option<string[]>("--formula", "-f") { Description = "Formula id to screen for (repeatable; default: all)." };
        var output = new Option<string?>("--out", "-o") { Description = "Output file; .csv, .jsonl or .sdf by its extension, any other extension is refused (default: JSONL on standard output)." };
        var errors = new Option<string?>("--errors") { Description = "Write records that cannot be read here, with line/record number and reason." };
        var all = new Option<bool>("--all") { Description = "Write every record, not only hits." };
        var threads = CommonOptions.Threads();
        var registry = RegistryOptions.Global; // with --mark-known: the registry hits are looked up in
        var markKnown = new Option<bool>("--mark-known") { Description = "Give each hit the registry id of an already registered parent." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display." };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted run from its checkpoint (needs the same --out and files)." };
        var folder = FormulaOptions.Folder();
        var validate = ScreenScaleOptions.Validate();
        var command = new Command("screen", "Screen supplier catalogues against the formulas: streaming, parallel, with progress, resumable.")
        {
            files, formula, output, errors, all, threads, markKnown, quiet, resume, folder,
        };
        command.Options.Add(validate);
        var cluster = ScreenClusterOption.Cluster();
        var shardRecords = ScreenClusterOption.ShardRecords();
        command.Options.Add(cluster);
        command.Options.Add(shardRecords);
        foreach (var sub in ScreenShardCommands.Create())
        {
            command.Subcommands.Add(sub);
        }

        Examples.Add(command, "dyereg screen catalogue.smi -o hits.csv", "dyereg screen supplier.sdf.gz -o hits.sdf --errors unreadable.txt", "dyereg screen catalogue.smi -o hits.jsonl --mark-known --registry dyes.db", "dyereg screen catalogue.smi -o hits.csv --resume   (after Ctrl-C)");
        var limits = new LimitOptions().AddTo(command);
        command.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                if (parse.GetValue(cluster) is { } clusterUri)
                {
                    return ScreenClusterOption.Run(parse, clusterUri, parse.GetValue(files)!, parse.GetValue(output), parse.GetValue(errors), parse.GetValue(folder)!, parse.GetValue(formula) ?? [],
                        ScreenScaleOptions.ReadValidation(parse, validate, parse.GetValue(all)), parse.GetValue(shardRecords), parse.GetValue(resume), parse.GetValue(quiet));
                }

                using var library = FormulaLibrary.Load(parse.GetValue(folder)!);
                var options = new MatchOptions { Formulas = parse.GetValue(formula) ?? [] };
                StructureMatching.RequireKnown(library, options.Formulas);

                var (outPath, errorsPath) = (parse.GetValue(output), parse.GetValue(errors));
                Output.OutputTargets.Check(
                    [("--out", outPath), ("--errors", errorsPath),
                     ("--out's partial file", outPath is null ? null : ScreenCheckpoint.PartialPath(outPath)),
                     ("--errors' partial file", errorsPath is null ? null : ScreenCheckpoint.PartialPath(errorsPath)),
                     ("--out's checkpoint", outPath is null ? null : ScreenCheckpoint.PathFor(outPath))],
                    [.. parse.GetValue(files)!.Select(f => ("catalogue", (string?)f)),
                     ("registry", parse.GetValue(markKnown) ? parse.GetValue(registry) : null)]);
                Output.OutputFormats.Choose("--out", outPath, null, [.. ScreenWriter.Extensions.Select(kv => new Output.FileFormat(kv.Key, kv.Value))], "jsonl");
                using IRegistryStore? store = parse.GetValue(markKnown)
                    ? RegistryOptions.OpenForReading(parse.GetValue(registry)!)
                    : null;
                var runner = new ScreenRunner(new MarkushMatcher(library), options, store);
                var request = new ScreenRequest(parse.GetValue(files)!, parse.GetValue(output), parse.GetValue(errors), parse.GetValue(all), parse.GetValue(threads), parse.GetValue(resume), limits.Read(parse))
                {
                    Validation = ScreenScaleOptions.ReadValidation(parse, validate, parse.GetValue(all)),
                };
                using var cancel = new CancellationTokenSource();
                ConsoleCancelEventHandler onCancel = (_, e) =>
                {
                    e.Cancel = true; // stop cleanly after the current record
                    cancel.Cancel();
                };
                Console.CancelKeyPress += onCancel;
                try
                {
                    var interactive = !parse.GetValue(quiet) && !Console.IsErrorRedirected && request.Output is not null;
                    var summary = interactive ? WithProgress(runner, request, parse, cancel.Token) : runner.Run(request, parse.InvocationConfiguration.Output, cancel.Token);
                    Summarize(summary, stderr, request);
                    return summary.Stopped ? ExitCodes.RecordsFailed : ExitCodes.Success;
                }
                finally
                {
                    Console.CancelKeyPress -= onCancel;
                }
            }
            catch (Exception e) when (e is IOException or ArgumentException or FormulaFileException or RegistryException)
            {
                stderr.WriteLine($"dyereg screen: {e.Message}");
                return ExitCodes.UsageOrInputError;
            }
        });
        return command;
    }

    private static ScreenSummary WithProgress(ScreenRunner runner, ScreenRequest request, ParseResult parse, CancellationToken cancel)
    {
        ScreenSummary? summary = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("screening", maxValue: 1.0);
                summary = runner.Run(request, parse.InvocationConfiguration.Output, cancel, p =>
                {
                    var rate = p.Elapsed.TotalSeconds > 0 ? p.Records / p.Elapsed.TotalSeconds : 0;
                    task.Description = $"{p.Records:N0} records, {rate:N0}/s, {p.Errors:N0} errors, hits: " +
                        (p.HitsPerFormula.Count == 0 ? "none" : string.Join(" ", p.HitsPerFormula.Select(kv => $"{kv.Key} {kv.Value:N0}")));
                    task.Value = p.TotalBytes > 0 ? Math.Min(1.0, (double)p.BytesRead / p.TotalBytes) : 0;
                });
                // Full only when complete: a run stopped by Ctrl-C shows how far it got.
                if (summary is { Stopped: false })
                {
                    task.Value = 1.0;
                }
            });
        return summary!;
    }

    private static void Summarize(ScreenSummary s, TextWriter stderr, ScreenRequest request)
    {
        var p = s.Progress;
        var rate = p.Elapsed.TotalSeconds > 0 ? p.Records / p.Elapsed.TotalSeconds : 0;
        if (!Console.IsErrorRedirected)
        {
            var table = new Table().AddColumn("records").AddColumn("hits").AddColumn("errors").AddColumn("records/s").AddColumn("hits per formula");
            table.AddRow($"{p.Records:N0}", $"{p.Hits:N0}", $"{p.Errors:N0}", $"{rate:N0}", p.HitsPerFormula.Count == 0 ? "none" : string.Join(", ", p.HitsPerFormula.Select(kv => $"{kv.Key}: {kv.Value:N0}")));
            AnsiConsole.Write(table);
        }

        stderr.WriteLine($"{Output.Counted.Of(p.Records, "record")}: {Output.Counted.Of(p.Hits, "hit")}, {Output.Counted.Of(p.Errors, "error")} ({p.Elapsed.TotalSeconds:F1} s, {rate:F0} records/s){(request.Resume ? ", the whole run with its earlier parts" : string.Empty)}; hits per formula: " +
            (p.HitsPerFormula.Count == 0 ? "none" : string.Join(", ", p.HitsPerFormula.Select(kv => $"{kv.Key} {kv.Value}"))));
        ScreenScaleOptions.SummarizeValidation(p, stderr);
        if (p.Errors > 0 && request.ErrorsFile is null)
        {
            stderr.WriteLine($"the {Output.Counted.Of(p.Errors, "record")} that could not be read {(p.Errors == 1 ? "is" : "are")} not listed: run with --errors FILE to keep them with their line and reason");
        }

        if (s.Stopped)
        {
            // The same arguments again (the checkpoint must see the same files, output and errors file).
            var again = string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Where(a => a != "--resume").Select(Quoted));
            stderr.WriteLine($"stopped at {s.StoppedAt}; output is complete up to that record; continue with: dyereg {again} --resume");
        }
    }

    private static string Quoted(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./=:,+@".Contains(c)) ? arg : "'" + arg.Replace("'", "'\\''") + "'";
}
