namespace DyeRegistry.Pores.Distribution;

/// <summary>
/// One step of a pore size distribution, from the larger pores down (per gram of material).
/// </summary>
/// <param name="DiameterNanometres">Pore diameter at the step's lower pressure point (pyGAPS reports the distribution here).</param>
/// <param name="AverageDiameterNanometres">Mean pore diameter of the step's interval.</param>
/// <param name="IncrementalVolumeCubicCentimetresPerGram">Volume of the pores emptied (or filled) in this step.</param>
/// <param name="CumulativeVolumeCubicCentimetresPerGram">Sum from the largest pores down to this step.</param>
/// <param name="IncrementalAreaSquareMetresPerGram">Wall area of those pores (cylinders: 4 V / D).</param>
/// <param name="CumulativeAreaSquareMetresPerGram">Sum from the largest pores down.</param>
/// <param name="DvDdCubicCentimetresPerGramNanometre">dV/dD: incremental volume over the step's diameter width.</param>
/// <param name="DvDlogDCubicCentimetresPerGram">dV/dlogD: incremental volume over the step's width in log10 D.</param>
public sealed record PsdStep(
    double DiameterNanometres,
    double AverageDiameterNanometres,
    double IncrementalVolumeCubicCentimetresPerGram,
    double CumulativeVolumeCubicCentimetresPerGram,
    double IncrementalAreaSquareMetresPerGram,
    double CumulativeAreaSquareMetresPerGram,
    double DvDdCubicCentimetresPerGramNanometre,
    double DvDlogDCubicCentimetresPerGram);
