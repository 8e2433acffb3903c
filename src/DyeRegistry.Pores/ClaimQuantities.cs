using System.Globalization;
using DyeRegistry.Pores.Distribution;

namespace DyeRegistry.Pores;

/// <summary>
/// The medium claims' quantities from a pore distribution, each with how it was obtained:
/// Y, the pore diameter at the curve's maximum peak; A, the curve's value at D = X (the polymer
/// particles' average diameter), per gram and, with the coat weight, per cm2 of medium.
/// </summary>
/// <param name="PeakDiameterNanometres">Y.</param>
/// <param name="ValueAtXPerGram">A per gram, in the convention's unit (NaN when X is outside the computed range); null when no X was given.</param>
/// <param name="ValueAtXPerSquareCentimetre">A per cm2 of medium (per-gram value x coat weight g/m2 x 1e-4 m2/cm2); null without X or coat weight.</param>
/// <param name="Convention">Which curve: dV/dD or dV/dlogD.</param>
/// <param name="Method">Method, branch, models and limits, for the claim chart.</param>
public sealed record ClaimQuantities(
    double PeakDiameterNanometres,
    double? ValueAtXPerGram,
    double? ValueAtXPerSquareCentimetre,
    DistributionConvention Convention,
    string Method)
{
    public static ClaimQuantities From(PoreDistribution distribution, DistributionConvention convention, double? xNanometres, double? coatWeightGramsPerSquareMetre) =>
        FromLayerMass(distribution, convention, xNanometres, coatWeightGramsPerSquareMetre is { } w ? w * 1e-4 : null,
            coatWeightGramsPerSquareMetre is { } cw ? $"from the coat weight {cw.ToString(CultureInfo.InvariantCulture)} g/m2" : null);

    /// <summary>As <see cref="From"/>, with
    /// the per-gram to per-cm2 factor given directly: grams of layer per cm2 of medium (coat weight
    /// g/m2 x 1e-4, or a measured sample's mass over its area).</summary>
    public static ClaimQuantities FromLayerMass(PoreDistribution distribution, DistributionConvention convention, double? xNanometres, double? gramsPerSquareCentimetre, string? perAreaBasis)
    {
        double? perGram = xNanometres is { } x ? distribution.ValueAt(x, convention) : null;
        double? perArea = perGram is { } g && gramsPerSquareCentimetre is { } f ? g * f : null;
        var unit = convention == DistributionConvention.DvDd ? "dV/dD" : "dV/dlogD";
        return new ClaimQuantities(distribution.PeakDiameterNanometres(convention), perGram, perArea, convention,
            string.Create(CultureInfo.InvariantCulture, $"{distribution.Options.Describe()}; curve {unit}; Y at the maximum of the curve; A the curve's value at D = X (linear in log D between steps){(perAreaBasis is null ? string.Empty : "; per cm2 " + perAreaBasis)}"));
    }
}
