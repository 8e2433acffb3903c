namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// One estimate of water solubility at 25 degC: log S (mol/L) with its conformal interval, the same
/// in g per 100 g water (see <see cref="SolubilityUnits"/>), and whether the compound lies inside
/// the model's applicability domain.
/// </summary>
/// <param name="LogS">Estimated log10 of the molar solubility (mol/L).</param>
/// <param name="LogSLow">Lower end of the interval.</param>
/// <param name="LogSHigh">Upper end of the interval.</param>
/// <param name="CoverageLevel">The interval's nominal coverage, e.g. 0.9.</param>
/// <param name="GramsPer100GramsWater">The estimate in g per 100 g water.</param>
/// <param name="GramsLow">Lower end in g/100 g.</param>
/// <param name="GramsHigh">Upper end in g/100 g.</param>
/// <param name="NearestSimilarity">Morgan Tanimoto similarity to the nearest training compound.</param>
/// <param name="InDomain">False: "outside the model's domain" (nearest similarity below the threshold).</param>
/// <param name="ModelVersion">The model's version, from its file.</param>
public sealed record SolubilityEstimate(
    double LogS,
    double LogSLow,
    double LogSHigh,
    double CoverageLevel,
    double GramsPer100GramsWater,
    double GramsLow,
    double GramsHigh,
    double NearestSimilarity,
    bool InDomain,
    string ModelVersion);
