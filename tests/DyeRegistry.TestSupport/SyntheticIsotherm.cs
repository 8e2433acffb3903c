using DyeRegistry.Pores.Distribution;
using DyeRegistry.Pores.Isotherms;

namespace DyeRegistry.TestSupport;

/// <summary>
/// Nitrogen isotherms whose pore distribution is known in closed form: cylindrical pores of given
/// diameters and volumes at 77.355 K. A pore of radius r0 is full of liquid until the pressure
/// where r_k + t = r0 (the Kelvin and Harkins-Jura relations BJH inverts); below it only the film
/// of thickness t remains, a fraction 1 - (1 - t/r0)^2 of its volume.
/// </summary>
public static class SyntheticIsotherm
{
    /// <summary>Liquid volume (cm3/g) at each of <paramref name="count"/> relative pressures from 0.05
    /// to 0.99, in measurement order for the branch (rising for adsorption, falling for desorption).</summary>
    public static IReadOnlyList<IsothermPoint> Cylinders(Branch branch, int count, params (double DiameterNm, double VolumeCm3PerG)[] populations)
    {
        var points = Enumerable.Range(0, count)
            .Select(i => 0.05 + (0.99 - 0.05) * i / (count - 1.0))
            .Select(p => new IsothermPoint(p, populations.Sum(pop => Volume(p, pop.DiameterNm, pop.VolumeCm3PerG, branch))))
            .ToList();
        return branch == Branch.Adsorption ? points : points.AsEnumerable().Reverse().ToList();
    }

    private static double Volume(double p, double diameter, double volume, Branch branch)
    {
        var r0 = diameter / 2;
        var t = Thickness.Nanometres(ThicknessModel.HarkinsJura, p);
        var critical = Kelvin.RadiusNanometres(p, branch, DyeRegistry.Pores.Nitrogen.NormalBoilingPointKelvin) + t;
        return critical >= r0 || t >= r0 ? volume : volume * (1 - Math.Pow(1 - t / r0, 2));
    }
}
