using DyeRegistry.Pores.Distribution;

namespace DyeRegistry.Pores;

/// <summary>Y and A read from a pore distribution curve given as points (a record's
/// <c>pore_distribution</c>), rather than computed from an isotherm.</summary>
public static class CurveQuantities
{
    /// <summary>The diameter of the curve's largest value.</summary>
    public static double PeakDiameter(IReadOnlyList<double> diametersNanometres, IReadOnlyList<double> values)
    {
        Check(diametersNanometres, values);
        var best = 0;
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return diametersNanometres[best];
    }

    /// <summary>The curve's value at <paramref name="diameterNanometres"/>, linear in log D between
    /// the nearest points; NaN outside the curve.</summary>
    public static double ValueAt(IReadOnlyList<double> diametersNanometres, IReadOnlyList<double> values, double diameterNanometres)
    {
        Check(diametersNanometres, values);
        var points = diametersNanometres.Zip(values).OrderBy(p => p.First).ToList();
        for (var i = 1; i < points.Count; i++)
        {
            var (d0, v0) = points[i - 1];
            var (d1, v1) = points[i];
            if (diameterNanometres >= d0 && diameterNanometres <= d1 && d0 > 0)
            {
                var f = d1 == d0 ? 0 : (Math.Log(diameterNanometres) - Math.Log(d0)) / (Math.Log(d1) - Math.Log(d0));
                return v0 + f * (v1 - v0);
            }
        }

        return double.NaN;
    }

    private static void Check(IReadOnlyList<double> d, IReadOnlyList<double> v)
    {
        if (d.Count != v.Count || d.Count < 2)
        {
            throw new Isotherms.IsothermFormatException($"pore_distribution: diameters_nm and values need the same number of points, at least 2 (got {d.Count} and {v.Count})");
        }
    }
}
