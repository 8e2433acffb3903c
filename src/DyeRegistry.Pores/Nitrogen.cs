namespace DyeRegistry.Pores;

/// <summary>
/// Properties of nitrogen at its normal boiling point (77.355 K), the values BJH calculations use
/// (as pyGAPS and instrument software do).
/// </summary>
public static class Nitrogen
{
    public const double MolarMassGramsPerMole = 28.0134;

    /// <summary>Density of liquid nitrogen at 77 K.</summary>
    public const double LiquidDensityGramsPerCubicCentimetre = 0.806;

    /// <summary>Surface tension of liquid nitrogen at 77 K.</summary>
    public const double SurfaceTensionNewtonsPerMetre = 8.85e-3;

    public const double NormalBoilingPointKelvin = 77.355;

    public const double NormalBoilingPressureBar = 1.01325;

    /// <summary>Enthalpy of vaporization near the normal boiling point (Clausius-Clapeyron estimate of p0 off 77.355 K).</summary>
    public const double VaporizationEnthalpyJoulesPerMole = 5570;

    public const double GasConstantJoulesPerMoleKelvin = 8.314462618;

    /// <summary>Molar volume of an ideal gas at STP (273.15 K, 1 atm), for cm3(STP) loadings.</summary>
    public const double StpMolarVolumeCubicCentimetresPerMole = 22414.0;

    /// <summary>Liquid volume (cm3) of one millimole of adsorbed nitrogen.</summary>
    public static double LiquidVolumePerMillimole => MolarMassGramsPerMole / LiquidDensityGramsPerCubicCentimetre / 1000.0;

    /// <summary>Saturation pressure at <paramref name="kelvin"/>, by Clausius-Clapeyron from the
    /// normal boiling point (good to about 1 % within a few kelvin of 77 K).</summary>
    public static double SaturationPressureBar(double kelvin) =>
        NormalBoilingPressureBar * Math.Exp(-VaporizationEnthalpyJoulesPerMole / GasConstantJoulesPerMoleKelvin * (1.0 / kelvin - 1.0 / NormalBoilingPointKelvin));
}
