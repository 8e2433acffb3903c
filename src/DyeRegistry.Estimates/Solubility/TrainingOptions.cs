namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// How a solubility model is trained. Defaults are the shipped model's; every value is recorded in
/// the model file, and the same data with the same options give the same model.
/// </summary>
public sealed record TrainingOptions
{
    public FeatureSet Features { get; init; } = FeatureSet.Extended;

    /// <summary>Boosted trees (FastTree).</summary>
    public int Trees { get; init; } = 400;

    public int Leaves { get; init; } = 24;

    public double LearningRate { get; init; } = 0.05;

    public int MinimumExamplesPerLeaf { get; init; } = 10;

    /// <summary>Seed of the ML.NET context, the trainer and the calibration split.</summary>
    public int Seed { get; init; } = 19;

    /// <summary>Share of the compounds (whole scaffold groups) set aside to calibrate the intervals.</summary>
    public double CalibrationFraction { get; init; } = 0.2;

    /// <summary>Nominal coverage of the prediction intervals.</summary>
    public double CoverageLevel { get; init; } = 0.9;

    public double DomainThreshold { get; init; } = ApplicabilityDomain.DefaultThreshold;

    /// <summary>Calibrate the intervals per <see cref="IntervalClasses"/> class (Mondrian) rather
    /// than one width for all.</summary>
    public bool IntervalsByClass { get; init; } = true;
}
