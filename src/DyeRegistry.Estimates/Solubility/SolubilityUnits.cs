namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// log S (S in mol per litre of solution) to grams per 100 g of water at 25 degC.
/// </summary>
/// <remarks>
/// The dilute-solution approximation: a litre of saturated solution is taken as a litre of water,
/// and a litre of water as 1000 g (0.997 kg at 25 degC: under 0.3 % off), so
/// g/100 g = 10^logS * M / 10. It is within about 10 % up to roughly 10 g/100 g and overstates
/// the solubility of very soluble substances (the solution's volume then holds less water); the
/// claims' thresholds (1 and 4 g/100 g) lie where it holds.
/// </remarks>
public static class SolubilityUnits
{
    /// <summary>Grams of solute per 100 g water for a molar solubility 10^<paramref name="logS"/>.</summary>
    public static double GramsPer100GramsWater(double logS, double molarMassGramsPerMole)
    {
        if (!(molarMassGramsPerMole > 0) || double.IsInfinity(molarMassGramsPerMole))
        {
            throw new ArgumentOutOfRangeException(nameof(molarMassGramsPerMole), molarMassGramsPerMole, "a molar mass is a positive number of g/mol");
        }

        return Math.Pow(10, logS) * molarMassGramsPerMole / 10.0;
    }

    /// <summary>The inverse: log S (mol/L) for grams per 100 g water.</summary>
    public static double LogS(double gramsPer100GramsWater, double molarMassGramsPerMole)
    {
        if (!(gramsPer100GramsWater > 0) || !(molarMassGramsPerMole > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(gramsPer100GramsWater), "both the solubility and the molar mass must be positive");
        }

        return Math.Log10(gramsPer100GramsWater * 10.0 / molarMassGramsPerMole);
    }
}
