using DyeRegistry.Chemistry;
using Microsoft.ML;

namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// A trained solubility model: the ML.NET regression, its conformal interval and its applicability
/// domain. Thread-safe; each thread predicts through its own <see cref="SolubilityPredictor"/>.
/// </summary>
public sealed class SolubilityModel
{
    internal SolubilityModel(MLContext ml, ITransformer transformer, ModelMetadata metadata, ApplicabilityDomain domain)
    {
        Ml = ml;
        Transformer = transformer;
        Metadata = metadata;
        Domain = domain;
        FeatureCount = SolubilityFeatures.Count(SolubilityFeatures.FromNames(metadata.Features));
    }

    public ModelMetadata Metadata { get; }

    public ApplicabilityDomain Domain { get; }

    public string Version => Metadata.Version;

    internal MLContext Ml { get; }

    internal ITransformer Transformer { get; }

    internal int FeatureCount { get; }

    /// <summary>A predictor for one thread (ML.NET's prediction engine is not thread-safe).</summary>
    public SolubilityPredictor CreatePredictor() => new(this);

    public static SolubilityModel Load(string path) => SolubilityModelFile.Load(path);

    public static SolubilityModel Load(Stream stream, string name) => SolubilityModelFile.Load(stream, name);

    public void Save(string path) => SolubilityModelFile.Save(this, path);

    public void Save(Stream stream) => SolubilityModelFile.Save(this, stream);

    /// <summary>The interval's half-width for a compound (its <see cref="IntervalClasses"/> class).</summary>
    public double HalfWidth(FeaturizedCompound compound, double nearestSimilarity) =>
        Metadata.IntervalClassHalfWidths[IntervalClasses.Of(compound, nearestSimilarity, Domain.Threshold)];

    internal SolubilityEstimate Estimate(double logS, FeaturizedCompound compound)
    {
        var nearest = Domain.NearestSimilarity(compound.Morgan);
        var q = HalfWidth(compound, nearest);
        var (low, high) = (logS - q, logS + q);
        var mass = compound.MolarMassGramsPerMole;
        return new SolubilityEstimate(
            logS, low, high, Metadata.Options.CoverageLevel,
            SolubilityUnits.GramsPer100GramsWater(logS, mass),
            SolubilityUnits.GramsPer100GramsWater(low, mass),
            SolubilityUnits.GramsPer100GramsWater(high, mass),
            nearest, Domain.Contains(nearest), Version);
    }

    internal static void CheckFingerprint(Fingerprint fp)
    {
        if (fp.BitCount != SolubilityFeaturizer.MorganBits)
        {
            throw new ArgumentException($"a domain fingerprint has {fp.BitCount} bits, not {SolubilityFeaturizer.MorganBits}");
        }
    }
}
