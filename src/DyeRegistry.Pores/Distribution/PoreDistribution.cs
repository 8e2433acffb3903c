using DyeRegistry.Pores.Isotherms;

namespace DyeRegistry.Pores.Distribution;

/// <summary>
/// A pore size distribution (per gram) with how it was obtained. Steps run from the largest pores
/// down. Immutable.
/// </summary>
public sealed class PoreDistribution
{
    public PoreDistribution(IReadOnlyList<PsdStep> steps, PsdOptions options, string isothermSource)
    {
        Steps = steps;
        Options = options;
        IsothermSource = isothermSource;
    }

    public IReadOnlyList<PsdStep> Steps { get; }

    public PsdOptions Options { get; }

    public string IsothermSource { get; }

    public double TotalPoreVolumeCubicCentimetresPerGram => Steps.Count == 0 ? 0 : Steps[^1].CumulativeVolumeCubicCentimetresPerGram;

    public double TotalPoreAreaSquareMetresPerGram => Steps.Count == 0 ? 0 : Steps[^1].CumulativeAreaSquareMetresPerGram;

    /// <summary>The diameter where dV/dD (or dV/dlogD) is largest: Y of the claims.</summary>
    public double PeakDiameterNanometres(DistributionConvention convention) =>
        Steps.MaxBy(s => convention == DistributionConvention.DvDd ? s.DvDdCubicCentimetresPerGramNanometre : s.DvDlogDCubicCentimetresPerGram)?.DiameterNanometres ?? double.NaN;

    /// <summary>The curve's value at <paramref name="diameterNanometres"/> (linear in log D between
    /// the two nearest steps); NaN outside the computed range.</summary>
    public double ValueAt(double diameterNanometres, DistributionConvention convention)
    {
        double Value(PsdStep s) => convention == DistributionConvention.DvDd ? s.DvDdCubicCentimetresPerGramNanometre : s.DvDlogDCubicCentimetresPerGram;
        var ordered = Steps.OrderBy(s => s.DiameterNanometres).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var (a, b) = (ordered[i - 1], ordered[i]);
            if (diameterNanometres >= a.DiameterNanometres && diameterNanometres <= b.DiameterNanometres)
            {
                var f = (Math.Log(diameterNanometres) - Math.Log(a.DiameterNanometres)) / (Math.Log(b.DiameterNanometres) - Math.Log(a.DiameterNanometres));
                return Value(a) + f * (Value(b) - Value(a));
            }
        }

        return double.NaN;
    }
}

/// <summary>Which curve "the pore distribution curve" means.</summary>
public enum DistributionConvention
{
    /// <summary>dV/dD, cm3/(g nm).</summary>
    DvDd,

    /// <summary>dV/dlogD, cm3/g.</summary>
    DvDlogD,
}
