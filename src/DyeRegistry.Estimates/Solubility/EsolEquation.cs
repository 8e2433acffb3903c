namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// Delaney's ESOL equation (J. Chem. Inf. Comput. Sci. 44, 1000 (2004)), the baseline:
/// log S = 0.16 - 0.63 clogP - 0.0062 MW + 0.066 RB - 0.74 AP, with AP the aromatic proportion of
/// heavy atoms. Here clogP is Crippen's and RB RDKit's strict count (Delaney used Daylight's
/// clogP and his own count), so this is the equation as commonly re-implemented, not refitted.
/// </summary>
public static class EsolEquation
{
    public static double LogS(double crippenLogP, double molecularWeight, int rotatableBonds, double aromaticProportion) =>
        0.16 - 0.63 * crippenLogP - 0.0062 * molecularWeight + 0.066 * rotatableBonds - 0.74 * aromaticProportion;
}
