using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DyeRegistry.Cli.Output;
using DyeRegistry.Estimates.Solubility;

namespace DyeRegistry.Cli.Commands;

/// <summary>
/// <c>dyereg model train solubility --data FILE -o MODEL.zip</c> and
/// <c>dyereg model evaluate solubility --data FILE [--folds 5]</c>: training is reproducible (the
/// same file and options give the same model version, predictions and metrics); evaluation is a
/// k-fold scaffold cross-validation against the ESOL equation on the same held-out compounds.
/// </summary>
internal static class ModelCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create()
    {
        var train = new Command("train", "Train a model from measured data.");
        train.Subcommands.Add(TrainSolubility());
        var evaluate = new Command("evaluate", "Cross-validate a model's training on measured data.");
        evaluate.Subcommands.Add(EvaluateSolubility());
        var split = new Command("split", "Split measured data into scaffold-disjoint parts, to train on some and test on the rest.");
        split.Subcommands.Add(SplitSolubility());
        var test = new Command("test", "Score a trained model on measured data it was not trained on.");
        test.Subcommands.Add(TestSolubility());
        return new Command("model", "Train and evaluate the property-estimation models.") { train, evaluate, split, test };
    }

    private sealed class Shared
    {
        public Option<string> Data { get; } = new("--data") { Description = "Measured data in AqSolDB's CSV layout (header with SMILES and Solubility columns; log S in mol/L).", Required = true };

        public Option<string> Features { get; } = new("--features") { Description = "Feature set: basic (the issue's descriptors) or extended (default).", DefaultValueFactory = _ => "extended" };

        public Option<int> Seed { get; } = new("--seed") { Description = "Seed of the learner and the calibration split.", DefaultValueFactory = _ => new TrainingOptions().Seed };

        public Option<int> Trees { get; } = new("--trees") { Description = "Boosted trees.", DefaultValueFactory = _ => new TrainingOptions().Trees };

        public Option<double> Threshold { get; } = new("--domain-threshold") { Description = "Nearest-neighbour Morgan Tanimoto below which a compound is outside the domain.", DefaultValueFactory = _ => ApplicabilityDomain.DefaultThreshold };

        public Option<string> Intervals { get; } = new("--intervals") { Description = "Conformal calibration: by-class (Mondrian by nearest-neighbour similarity and ionic form; default) or global (one width).", DefaultValueFactory = _ => "by-class" };

        public Option<int> Threads { get; } = CommonOptions.Threads();

        public Shared()
        {
            Features.AcceptOnlyFromAmong("basic", "extended");
            Intervals.AcceptOnlyFromAmong("by-class", "global");
        }

        public void AddTo(Command c)
        {
            c.Options.Add(Data);
            c.Options.Add(Features);
            c.Options.Add(Seed);
            c.Options.Add(Trees);
            c.Options.Add(Threshold);
            c.Options.Add(Intervals);
            c.Options.Add(Threads);
        }

        public TrainingOptions Options(ParseResult parse) => new()
        {
            Features = parse.GetValue(Features) == "basic" ? FeatureSet.Basic : FeatureSet.Extended,
            Seed = parse.GetValue(Seed),
            Trees = parse.GetValue(Trees),
            DomainThreshold = parse.GetValue(Threshold),
            IntervalsByClass = parse.GetValue(Intervals) == "by-class",
        };

        public SolubilityDataSet Load(ParseResult parse, TextWriter stderr, SolubilityModel? model = null)
        {
            var data = SolubilityDataSet.Load(parse.GetValue(Data)!, parse.GetValue(Threads), model);
            stderr.WriteLine($"{data.Compounds.Count} compounds read, {data.Skipped.Count} rows skipped (RDKit could not use them)");
            foreach (var s in data.Skipped.Take(10))
            {
                stderr.WriteLine($"  line {s.Line}: {s.Smiles}: {s.Reason}");
            }

            return data;
        }
    }

    private static Command TrainSolubility()
    {
        var shared = new Shared();
        var output = new Option<string>("--out", "-o") { Description = "Model file to write (.zip).", Required = true };
        var command = new Command("solubility", "Train the water-solubility model (FastTree, conformal intervals, Morgan applicability domain).");
        shared.AddTo(command);
        command.Options.Add(output);
        command.SetAction(parse => Guard(parse, "model train solubility", stderr =>
        {
            var outPath = parse.GetValue(output)!;
            OutputTargets.Check([("--out", outPath)], [("--data", parse.GetValue(shared.Data))]);
            OutputFormats.Choose("--out", outPath, null, [new FileFormat("model", ".zip")], "model");
            var data = shared.Load(parse, stderr);
            var model = SolubilityTrainer.Train(data.Compounds, shared.Options(parse), SolubilityTrainer.Sha256OfFile(parse.GetValue(shared.Data)!));
            AtomicFile.Write(outPath, model.Save);
            var m = model.Metadata;
            parse.InvocationConfiguration.Output.WriteLine(
                $"model {m.Version}: {m.TrainingCompounds} training and {m.CalibrationCompounds} calibration compounds (scaffold-disjoint); " +
                $"calibration RMSE {F(m.CalibrationMetrics.Rmse)}, MAE {F(m.CalibrationMetrics.Mae)}, R2 {F(m.CalibrationMetrics.R2)}; " +
                $"{m.Options.CoverageLevel:P0} interval +-{F(m.IntervalHalfWidth)} log units overall, by class " +
                string.Join(", ", IntervalClasses.Names.Select((n, k) => $"{n} +-{F(m.IntervalClassHalfWidths[k])} ({m.IntervalClassCounts[k]})")) + $"; written to {outPath}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command EvaluateSolubility()
    {
        var shared = new Shared();
        var folds = new Option<int>("--folds") { Description = "Scaffold folds.", DefaultValueFactory = _ => 5 };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("solubility", "k-fold Bemis-Murcko scaffold cross-validation of the solubility model against the ESOL equation.");
        shared.AddTo(command);
        command.Options.Add(folds);
        command.Options.Add(format);
        command.SetAction(parse => Guard(parse, "model evaluate solubility", stderr =>
        {
            var data = shared.Load(parse, stderr);
            var report = CrossValidation.Run(data.Compounds, parse.GetValue(folds), shared.Options(parse));
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
            {
                stdout.WriteLine(JsonSerializer.Serialize(report, Json));
                return ExitCodes.Success;
            }

            stdout.WriteLine($"{report.Folds}-fold scaffold cross-validation, {report.Model.Count} compounds, features {report.Options.Features}, {report.Options.CoverageLevel:P0} intervals {(report.Options.IntervalsByClass ? "by class" : "global")}");
            Comparison(stdout, report.Model, report.Esol, report.ModelAzoAnthraquinone, report.EsolAzoAnthraquinone, report.ModelInDomain, report.ModelOutOfDomain);
            for (var f = 0; f < report.PerFold.Count; f++)
            {
                Row(stdout, $"model, fold {f + 1}", report.PerFold[f]);
            }

            stdout.WriteLine($"RMSE below ESOL's by {F(100 * (1 - report.Model.Rmse / report.Esol.Rmse))} %");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command SplitSolubility()
    {
        var shared = new Shared();
        var folds = new Option<int>("--folds") { Description = "Scaffold folds (as model evaluate makes them).", DefaultValueFactory = _ => 5 };
        var output = new Option<string>("--out", "-o") { Description = "Folder to write fold-K-train.csv and fold-K-test.csv into (created).", Required = true };
        var command = new Command("solubility", "Write each Bemis-Murcko scaffold fold of the data as a test file and the other folds as a training file (AqSolDB layout), so that dyereg model train can be trained on one and dyereg model test scores it on the other.");
        command.Options.Add(shared.Data);
        command.Options.Add(shared.Threads);
        command.Options.Add(folds);
        command.Options.Add(output);
        command.SetAction(parse => Guard(parse, "model split solubility", stderr =>
        {
            var k = parse.GetValue(folds);
            if (k < 2)
            {
                throw new ArgumentException($"--folds {k}: give 2 or more");
            }

            var data = shared.Load(parse, stderr);
            var groups = data.Compounds.Select(c => c.Compound.SplitGroup).ToArray();
            var fold = ScaffoldSplit.Folds(groups, k);
            var dir = parse.GetValue(output)!;
            Directory.CreateDirectory(dir);
            for (var f = 0; f < k; f++)
            {
                var test = Enumerable.Range(0, data.Rows.Count).Where(i => fold[i] == f).ToArray();
                var train = Enumerable.Range(0, data.Rows.Count).Where(i => fold[i] != f).ToArray();
                // The folds are scaffold-disjoint by construction; say so from the files' own groups.
                var crossing = test.Select(i => groups[i]).Intersect(train.Select(i => groups[i])).Count();
                Write(Path.Combine(dir, $"fold-{f + 1}-train.csv"), train.Select(i => data.Rows[i]));
                Write(Path.Combine(dir, $"fold-{f + 1}-test.csv"), test.Select(i => data.Rows[i]));
                parse.InvocationConfiguration.Output.WriteLine(
                    $"fold {f + 1}: {train.Length} training compounds, {test.Length} test compounds, {crossing} scaffolds in both; {Path.Combine(dir, $"fold-{f + 1}-*.csv")}");
            }

            return ExitCodes.Success;
        }));
        return command;

        static void Write(string path, IEnumerable<SolubilityDataRow> rows)
        {
            using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
            SolubilityDataFile.Write(writer, rows);
        }
    }

    private static Command TestSolubility()
    {
        var shared = new Shared();
        var model = new Option<string>("--model") { Description = "The trained model file (.zip).", Required = true };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("solubility", "Score a solubility model on measured data (AqSolDB layout) against the ESOL equation on the same compounds: RMSE, MAE, R2, interval coverage; azo/anthraquinone compounds and the domain apart.");
        command.Options.Add(shared.Data);
        command.Options.Add(shared.Threads);
        command.Options.Add(model);
        command.Options.Add(format);
        command.SetAction(parse => Guard(parse, "model test solubility", stderr =>
        {
            var loaded = SolubilityModel.Load(parse.GetValue(model)!);
            var data = shared.Load(parse, stderr, loaded);
            var report = HeldOutTest.Run(loaded, data.Compounds);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
            {
                stdout.WriteLine(JsonSerializer.Serialize(report, Json));
                return ExitCodes.Success;
            }

            stdout.WriteLine($"model {report.ModelVersion} on {parse.GetValue(shared.Data)}, {loaded.Metadata.Options.CoverageLevel:P0} intervals");
            Comparison(stdout, report.Model, report.Esol, report.ModelAzoAnthraquinone, report.EsolAzoAnthraquinone, report.ModelInDomain, report.ModelOutOfDomain);
            stdout.WriteLine($"RMSE below ESOL's by {F(100 * (1 - report.Model.Rmse / report.Esol.Rmse))} %");
            return ExitCodes.Success;
        }));
        return command;
    }

    // The table both evaluation commands print: the model against the ESOL equation, overall, on
    // the azo/anthraquinone subset, and inside and outside the model's domain.
    private static void Comparison(TextWriter w, RegressionMetrics model, RegressionMetrics esol, RegressionMetrics modelAzo, RegressionMetrics esolAzo, RegressionMetrics inDomain, RegressionMetrics outOfDomain)
    {
        w.WriteLine($"{"",-34} {"n",6} {"RMSE",7} {"MAE",7} {"R2",7} {"cover",7}");
        Row(w, "model", model);
        Row(w, "ESOL equation", esol);
        Row(w, "model, azo/anthraquinone", modelAzo);
        Row(w, "ESOL, azo/anthraquinone", esolAzo);
        Row(w, "model, inside domain", inDomain);
        Row(w, "model, outside domain", outOfDomain);
    }

    private static void Row(TextWriter w, string name, RegressionMetrics m) =>
        w.WriteLine($"{name,-34} {m.Count,6} {F(m.Rmse),7} {F(m.Mae),7} {F(m.R2),7} {F(m.Coverage),7}");

    private static string F(double v) => double.IsNaN(v) ? "-" : v.ToString("F3", CultureInfo.InvariantCulture);

    private static int Guard(ParseResult parse, string name, Func<TextWriter, int> body)
    {
        var stderr = parse.InvocationConfiguration.Error;
        try
        {
            return body(stderr);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidDataException or SolubilityDataException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"dyereg {name}: {e.Message}");
            return ExitCodes.UsageOrInputError;
        }
    }
}
