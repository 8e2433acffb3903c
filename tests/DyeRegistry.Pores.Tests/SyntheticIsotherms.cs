using DyeRegistry.Pores.Distribution;
using DyeRegistry.Pores.Isotherms;

namespace DyeRegistry.Pores.Tests;

/// <summary>
/// Isotherms whose pore distribution is known in closed form: cylindrical pores of given
/// diameters and volumes. A pore of radius r0 is full of liquid until the pressure where
/// 2 (r_k + t) = 2 r0 (the same Kelvin and Harkins-Jura relations BJH inverts); below it only
/// the film of thickness t remains, a fraction 1 - (1 - t/r0)^2 of the pore volume.
/// </summary>
internal static class SyntheticIsotherms
{
    public static Isotherm Cylinders(Branch branch, params (double DiameterNm, double VolumeCm3PerG)[] populations)
    {
        var pressures = Enumerable.Range(0, 400).Select(i => 0.05 + (0.99 - 0.05) * i / 399.0).ToArray();
        var points = pressures.Select(p => new IsothermPoint(p, populations.Sum(pop => Volume(p, pop.DiameterNm, pop.VolumeCm3PerG, branch)))).ToList();
        return branch == Branch.Adsorption
            ? new Isotherm("synthetic", Nitrogen.NormalBoilingPointKelvin, points, [], "volume_liquid cm3 per g", "synthetic")
            : new Isotherm("synthetic", Nitrogen.NormalBoilingPointKelvin, [], points.AsEnumerable().Reverse().ToList(), "volume_liquid cm3 per g", "synthetic");
    }

    private static double Volume(double p, double diameter, double volume, Branch branch)
    {
        var r0 = diameter / 2;
        var t = Thickness.Nanometres(ThicknessModel.HarkinsJura, p);
        var critical = Kelvin.RadiusNanometres(p, branch, Nitrogen.NormalBoilingPointKelvin) + t;
        if (critical >= r0 || t >= r0)
        {
            return volume; // filled
        }

        return volume * (1 - Math.Pow(1 - t / r0, 2));
    }
}
