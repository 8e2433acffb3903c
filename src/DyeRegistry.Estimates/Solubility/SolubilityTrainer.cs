using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// Trains a solubility model: FastTree boosted regression trees on the compounds outside a
/// scaffold-disjoint calibration split, then split conformal intervals from the calibration
/// compounds' residuals, and the training compounds' fingerprints as the applicability domain.
/// Deterministic: fixed seeds, one training thread.
/// </summary>
public static class SolubilityTrainer
{
    public static SolubilityModel Train(IReadOnlyList<TrainingCompound> compounds, TrainingOptions options, string dataSha256)
    {
        ArgumentNullException.ThrowIfNull(compounds);
        ArgumentNullException.ThrowIfNull(options);
        var held = ScaffoldSplit.Holdout(compounds.Select(c => c.Compound.SplitGroup).ToArray(), options.CalibrationFraction, options.Seed);
        var training = compounds.Where((_, i) => !held[i]).ToList();
        var calibration = compounds.Where((_, i) => held[i]).ToList();
        if (training.Count < 2 * options.MinimumExamplesPerLeaf || calibration.Count < 10)
        {
            throw new ArgumentException($"too few compounds to train and calibrate: {compounds.Count} ({training.Count} training, {calibration.Count} calibration; at least {2 * options.MinimumExamplesPerLeaf} and 10 are needed)");
        }

        var featureCount = SolubilityFeatures.Count(options.Features);
        var ml = new MLContext(options.Seed);
        var data = MlRows.Load(ml, training, featureCount);
        var trainer = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
            Seed = options.Seed,
            NumberOfThreads = 1, // several threads may sum gradients in another order
        });
        var transformer = trainer.Fit(data);

        // Only the ML.NET part is needed to predict the calibration compounds.
        var domain = new ApplicabilityDomain(training.Select(c => c.Compound.Morgan), options.DomainThreshold);
        var partial = new SolubilityModel(ml, transformer, Metadata(options, dataSha256, training.Count, calibration.Count, 0, new double[IntervalClasses.Count], new int[IntervalClasses.Count], null), domain);
        using var predictor = partial.CreatePredictor();
        var predicted = calibration.Select(c => predictor.PredictLogS(c.Compound)).ToArray();
        var measured = calibration.Select(c => c.LogS).ToArray();
        var residuals = measured.Select((m, i) => Math.Abs(m - predicted[i])).ToArray();
        var halfWidth = ConformalCalibration.Quantile(residuals, options.CoverageLevel);
        var classes = calibration.Select(c => IntervalClasses.Of(c.Compound, domain.NearestSimilarity(c.Compound.Morgan), options.DomainThreshold)).ToArray();
        var classWidths = IntervalClasses.HalfWidths(residuals, classes, options.CoverageLevel, out var classCounts);
        if (!options.IntervalsByClass)
        {
            Array.Fill(classWidths, halfWidth);
        }

        var metadata = Metadata(options, dataSha256, training.Count, calibration.Count, halfWidth, classWidths, classCounts, RegressionMetrics.Of(measured, predicted));
        return new SolubilityModel(ml, transformer, metadata, domain);
    }

    private static ModelMetadata Metadata(TrainingOptions options, string dataSha256, int training, int calibration, double halfWidth, double[] classWidths, int[] classCounts, RegressionMetrics? metrics) => new()
    {
        Format = ModelMetadata.CurrentFormat,
        Version = Version(options, dataSha256),
        DataSha256 = dataSha256,
        TrainingCompounds = training,
        CalibrationCompounds = calibration,
        Features = SolubilityFeatures.Names.Take(SolubilityFeatures.Count(options.Features)).ToArray(),
        Options = options,
        IntervalHalfWidth = halfWidth,
        IntervalClassHalfWidths = classWidths,
        IntervalClassCounts = classCounts,
        MorganRadius = SolubilityFeaturizer.MorganRadius,
        MorganBits = SolubilityFeaturizer.MorganBits,
        CalibrationMetrics = metrics ?? new RegressionMetrics(0, double.NaN, double.NaN, double.NaN, double.NaN),
    };

    /// <summary>"2.0.0+" (2: features on the parent as drawn, no canonical tautomer) and 12 hex digits of SHA-256 over the format, the data's hash and the options.</summary>
    public static string Version(TrainingOptions options, string dataSha256)
    {
        var text = string.Join('\n', ModelMetadata.CurrentFormat, dataSha256, options.ToString());
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
        return "2.0.0+" + hash[..12];
    }

    /// <summary>SHA-256 of a file's bytes, lower-case hex: the data hash a model records.</summary>
    public static string Sha256OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    internal static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
