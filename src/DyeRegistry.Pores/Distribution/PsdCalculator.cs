using DyeRegistry.Pores.Isotherms;

namespace DyeRegistry.Pores.Distribution;

/// <summary>
/// BJH and Dollimore-Heal pore size distributions from one branch of a nitrogen isotherm, as in
/// pyGAPS (psd_meso: psd_bjh, psd_dollimore_heal) so results compare with its published values:
/// points taken from the highest pressure down; for each interval the liquid volume released,
/// corrected for the thinning of the film in pores already emptied, scaled by the ratio of pore to
/// capillary core.
/// </summary>
public static class PsdCalculator
{
    public static PoreDistribution Compute(Isotherm isotherm, PsdOptions options)
    {
        var points = isotherm.Points(options.Branch)
            .Where(p => (options.MinimumRelativePressure is not { } lo || p.RelativePressure >= lo) &&
                        (options.MaximumRelativePressure is not { } hi || p.RelativePressure <= hi) &&
                        p.RelativePressure < 1.0)
            .OrderByDescending(p => p.RelativePressure)
            .ToList();
        if (points.Count < 3)
        {
            throw new IsothermFormatException($"{isotherm.Source}: the {(options.Branch == Branch.Desorption ? "desorption" : "adsorption")} branch has {points.Count} points in the chosen pressure range; at least 3 are needed");
        }

        var n = points.Count;
        var t = points.Select(p => Thickness.Nanometres(options.Thickness, p.RelativePressure)).ToArray();
        var rk = points.Select(p => Kelvin.RadiusNanometres(p.RelativePressure, options.Branch, isotherm.TemperatureKelvin)).ToArray();
        var v = points.Select(p => p.LiquidVolumeCubicCentimetresPerGram).ToArray();
        var width = Enumerable.Range(0, n).Select(i => 2 * (t[i] + rk[i])).ToArray();

        var steps = new List<PsdStep>();
        double sumArea = 0, sumAreaOverRadius = 0, cumulativeVolume = 0, cumulativeArea = 0;
        for (var i = 0; i < n - 1; i++)
        {
            var dV = v[i] - v[i + 1];
            var dt = t[i] - t[i + 1];
            var avgT = (t[i] + t[i + 1]) / 2;
            var avgRk = (rk[i] + rk[i + 1]) / 2;
            double avgWidth, poreVolume;
            if (options.Method == PsdMethod.Bjh)
            {
                avgWidth = 2 * (avgT + avgRk);
                var ratio = Math.Pow(avgWidth / (2 * (avgRk + dt)), 2);
                poreVolume = (dV - dt * sumArea) * ratio;
            }
            else
            {
                avgWidth = (width[i] + width[i + 1]) / 2;
                var ratio = Math.Pow(avgWidth / (avgWidth - 2 * t[i + 1]), 2);
                poreVolume = (dV - dt * sumArea + dt * avgT * sumAreaOverRadius) * ratio;
            }

            // Area of the newly emptied pores (cylinders, A = 4 V / D) enters the thinning sum.
            var area = 4 * poreVolume / avgWidth;
            if (options.Method == PsdMethod.Bjh)
            {
                sumArea += (avgWidth - 2 * avgT) / avgWidth * area;
            }
            else
            {
                sumArea += area;
                sumAreaOverRadius += area / (avgWidth / 2);
            }

            cumulativeVolume += poreVolume;
            var areaSquareMetres = 4000 * poreVolume / avgWidth; // cm3 -> m3 (1e-6), nm -> m (1e-9)
            cumulativeArea += areaSquareMetres;
            var dWidth = width[i] - width[i + 1];
            var dLog = Math.Log10(width[i]) - Math.Log10(width[i + 1]);
            steps.Add(new PsdStep(width[i + 1], avgWidth, poreVolume, cumulativeVolume, areaSquareMetres, cumulativeArea,
                dWidth != 0 ? poreVolume / dWidth : 0, dLog != 0 ? poreVolume / dLog : 0));
        }

        return new PoreDistribution(steps, options, isotherm.Source);
    }
}
