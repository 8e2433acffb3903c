using DyeRegistry.Pores.Isotherms;

namespace DyeRegistry.Pores.Distribution;

/// <summary>
/// The Kelvin radius of the liquid core, r_k (nm), with the meniscus that fits the branch in a
/// cylindrical pore: desorption from a hemispherical meniscus (r_k = -2 gamma Vm / (RT ln p)),
/// adsorption (condensation) at a cylindrical film (r_k = -gamma Vm / (RT ln p)).
/// </summary>
public static class Kelvin
{
    public static double RadiusNanometres(double relativePressure, Branch branch, double temperatureKelvin)
    {
        var molarVolume = Nitrogen.MolarMassGramsPerMole / Nitrogen.LiquidDensityGramsPerCubicCentimetre * 1e-6; // m3/mol
        var factor = branch == Branch.Desorption ? 2.0 : 1.0;
        var metres = -factor * Nitrogen.SurfaceTensionNewtonsPerMetre * molarVolume /
            (Nitrogen.GasConstantJoulesPerMoleKelvin * temperatureKelvin * Math.Log(relativePressure));
        return metres * 1e9;
    }
}
