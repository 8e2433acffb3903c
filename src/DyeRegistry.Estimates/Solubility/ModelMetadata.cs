namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// What a model file says about its model (metadata.json in the file; the format is described in
/// docs/models/solubility.md).
/// </summary>
public sealed record ModelMetadata
{
    /// <summary>Format 2, the one written: features on the standardized parent in the tautomer as
    /// drawn (the registry's parent), so an estimate needs no tautomer enumeration.</summary>
    public const string CurrentFormat = "dyereg-solubility-model/2";

    /// <summary>Format 1, still read: the same file, features on the parent's canonical tautomer by
    /// heteroatom H shifts (the featurizer for such a model computes it).</summary>
    public const string CanonicalTautomerFormat = "dyereg-solubility-model/1";

    public required string Format { get; init; }

    /// <summary>"2.0.0+" and the first 12 hex digits of a hash of the data and the options: the
    /// same data file and options give the same version, anything else another.</summary>
    public required string Version { get; init; }

    public required string DataSha256 { get; init; }

    public required int TrainingCompounds { get; init; }

    public required int CalibrationCompounds { get; init; }

    public required IReadOnlyList<string> Features { get; init; }

    public required TrainingOptions Options { get; init; }

    /// <summary>Half-width of the interval, log units: the conformal quantile at the coverage level.</summary>
    public required double IntervalHalfWidth { get; init; }

    /// <summary>Per <see cref="IntervalClasses"/> class, the half-width used (log units); all equal to
    /// <see cref="IntervalHalfWidth"/> when the options do not calibrate by class.</summary>
    public required IReadOnlyList<double> IntervalClassHalfWidths { get; init; }

    /// <summary>Calibration compounds per class.</summary>
    public required IReadOnlyList<int> IntervalClassCounts { get; init; }

    public required int MorganRadius { get; init; }

    public required int MorganBits { get; init; }

    /// <summary>The model's errors on its own calibration compounds (before the intervals were set from them).</summary>
    public required RegressionMetrics CalibrationMetrics { get; init; }
}
