using System.CommandLine;
using DyeRegistry.Chemistry;
using DyeRegistry.Chemistry.IO;
using DyeRegistry.Cli.Estimating;
using DyeRegistry.Cli.Output;
using DyeRegistry.Application.Estimating;
using DyeRegistry.Application.Processing;
using DyeRegistry.Estimates.Solubility;
using Spectre.Console;

namespace DyeRegistry.Cli.Commands;

/// <summary>
/// <c>dyereg estimate solubility [FILE] [--model FILE] [--format jsonl|csv] [-o FILE] [--threads N]</c>:
/// water solubility per record, streaming and parallel (one ML.NET prediction engine per worker),
/// output in input order.
/// </summary>
internal static class EstimateCommand
{
    public static Command Create()
    {
        var estimate = new Command("estimate", "Estimate properties from structure.");
        estimate.Subcommands.Add(Solubility());
        estimate.Subcommands.Add(Registry());
        return estimate;
    }

    /// <summary>The solubility model for import and the registry: --model, else the shipped one; null
    /// when there is none (import then stores no estimates and says so).</summary>
    internal static SolubilityModel? LoadModel(string? path, TextWriter stderr)
    {
        if (path is null)
        {
            path = ModelFolder.DefaultSolubilityModel();
            if (!File.Exists(path))
            {
                stderr.WriteLine($"water solubility is not estimated: no model file {path}; {ModelFolder.Rule()}");
                return null;
            }
        }

        return File.Exists(path) ? SolubilityModel.Load(path) : throw new FileNotFoundException($"no model file {path}; {ModelFolder.Rule()}");
    }

    private static Command Registry()
    {
        var registry = RegistryOptions.Path();
        var model = new Option<string?>("--model") { Description = "Model file (default: the shipped models/solubility.zip; $DYEREG_MODELS)." };
        var command = new Command("registry", "Bring the registry's stored water-solubility estimates in line with the model: estimate dyes and solvents that record none, redo estimates made by another model version, drop estimates of records that now record a value.")
        {
            registry, model,
        };
        command.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var loaded = LoadModel(parse.GetValue(model), stderr) ?? throw new FileNotFoundException("no solubility model");
                using var store = RegistryOptions.Open(parse.GetValue(registry)!, create: false);
                using var estimates = new RecordEstimates(loaded);
                var report = EstimateRefresh.Run(store, estimates, p => stderr.WriteLine($"not estimated: {p}"));
                parse.InvocationConfiguration.Output.WriteLine(
                    $"{report.Added} estimated, {report.Redone} re-estimated (other model version), {report.Removed} removed (a value is recorded now), " +
                    $"{report.Current} already current, {report.Failed} could not be estimated (model {loaded.Version})");
                return report.Failed > 0 ? ExitCodes.RecordsFailed : ExitCodes.Success;
            }
            catch (Exception e) when (e is IOException or ArgumentException or InvalidDataException or DyeRegistry.Storage.RegistryException)
            {
                stderr.WriteLine($"dyereg estimate registry: {e.Message}");
                return ExitCodes.UsageOrInputError;
            }
        });
        return command;
    }

    private static Command Solubility()
    {
        var file = CommonOptions.InputFile();
        var model = new Option<string?>("--model") { Description = "Model file (default: the shipped models/solubility.zip, found like the formulas folder; $DYEREG_MODELS)." };
        var format = new Option<string?>("--format") { Description = "jsonl or csv (default: by --out's extension, else jsonl)." };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var output = new Option<string?>("--out", "-o") { Description = "Output file (default: standard output)." };
        var threads = CommonOptions.Threads();
        var keepGoing = CommonOptions.KeepGoing();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display." };
        var command = new Command("solubility", "Water solubility at 25 degC: log S (mol/L) and g per 100 g water, each with its 90 % conformal interval, and the applicability-domain flag.")
        {
            file, model, format, output, threads, keepGoing, quiet,
        };
        command.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var modelPath = parse.GetValue(model) ?? ModelFolder.DefaultSolubilityModel();
                if (!File.Exists(modelPath))
                {
                    throw new FileNotFoundException($"no model file {modelPath}; {ModelFolder.Rule()}");
                }

                var outPath = parse.GetValue(output);
                OutputTargets.Check([("--out", outPath)], [("input", parse.GetValue(file)), ("--model", modelPath)]);
                var csv = OutputFormats.Choose("--out", outPath, parse.GetValue(format), [new FileFormat("jsonl", ".jsonl"), new FileFormat("csv", ".csv")], "jsonl").Name == "csv";
                var loaded = SolubilityModel.Load(modelPath);
                var (records, failed) = (0L, 0L);
                void Run(TextWriter writer, Action<long>? bytesRead, Action<long>? progress)
                {
                    (records, failed) = Estimate(loaded, parse.GetValue(file)!, new EstimateWriter(writer, csv), parse.GetValue(threads), bytesRead, progress);
                }

                if (outPath is null)
                {
                    Run(parse.InvocationConfiguration.Output, null, null);
                }
                else
                {
                    var interactive = !parse.GetValue(quiet) && !Console.IsErrorRedirected;
                    AtomicFile.Write(outPath, stream =>
                    {
                        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
                        if (interactive)
                        {
                            WithProgress(parse.GetValue(file)!, (bytes, count) => Run(writer, bytes, count));
                        }
                        else
                        {
                            Run(writer, null, null);
                        }

                        writer.Flush();
                    });
                }

                stderr.WriteLine($"{records} records: {records - failed} estimated, {failed} failed (model {loaded.Version})");
                return failed > 0 && !parse.GetValue(keepGoing) ? ExitCodes.RecordsFailed : ExitCodes.Success;
            }
            catch (Exception e) when (e is IOException or ArgumentException or InvalidDataException)
            {
                stderr.WriteLine($"dyereg estimate solubility: {e.Message}");
                return ExitCodes.UsageOrInputError;
            }
        });
        return command;
    }

    internal static (long Records, long Failed) Estimate(SolubilityModel model, string path, EstimateWriter writer, int threads, Action<long>? bytesRead, Action<long>? progress)
    {
        using var featurizer = SolubilityFeaturizer.For(model);
        // ML.NET's prediction engine is not thread-safe: one per worker thread.
        using var predictors = new ThreadLocal<SolubilityPredictor>(model.CreatePredictor, trackAllValues: true);
        var (records, failed) = (0L, 0L);
        try
        {
            var rows = OrderedParallel.Map(StructureFileReader.Read(path, bytesRead), r => EstimateOne(r, featurizer, predictors.Value!), threads);
            foreach (var row in rows)
            {
                writer.Write(row);
                records++;
                failed += row.Error is null ? 0 : 1;
                progress?.Invoke(records);
            }
        }
        finally
        {
            foreach (var p in predictors.Values)
            {
                p.Dispose();
            }
        }

        return (records, failed);
    }

    private static EstimateRow EstimateOne(StructureRecord record, SolubilityFeaturizer featurizer, SolubilityPredictor predictor)
    {
        var parsed = record.Parse();
        if (!parsed.Success)
        {
            return new EstimateRow(record, null, parsed.Error!.Message);
        }

        using var molecule = parsed.Value;
        try
        {
            return new EstimateRow(record, predictor.Predict(featurizer.Featurize(molecule)), null);
        }
        catch (ChemistryException e)
        {
            return new EstimateRow(record, null, e.Message);
        }
    }

    private static void WithProgress(string path, Action<Action<long>, Action<long>> run)
    {
        var total = path != StructureFileReader.StandardInput && File.Exists(path) ? new FileInfo(path).Length : 0;
        var started = DateTime.UtcNow;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("estimating", maxValue: 1.0);
                run(
                    bytes => task.Value = total > 0 ? Math.Min(1.0, (double)bytes / total) : 0,
                    n =>
                    {
                        var seconds = (DateTime.UtcNow - started).TotalSeconds;
                        task.Description = $"{n:N0} records, {(seconds > 0 ? n / seconds : 0):N0}/s";
                    });
                task.Value = 1.0;
            });
    }
}
