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

    internal double Bound(double logS, int sign) => logS + sign * Metadata.IntervalHalfWidth;

    internal SolubilityEstimate Estimate(double logS, FeaturizedCompound compound)
    {
        var (low, high) = (Bound(logS, -1), Bound(logS, +1));
        var mass = compound.MolarMassGramsPerMole;
        var nearest = Domain.NearestSimilarity(compound.Morgan);
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
