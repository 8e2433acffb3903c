using DyeRegistry.Pores.Distribution;
using DyeRegistry.Pores.Isotherms;
using DyeRegistry.TestSupport;
using Xunit.Abstractions;

namespace DyeRegistry.Pores.Tests;

/// <summary>The acceptance values on the real isotherms of ../shared/data/isotherms.</summary>
[Trait("Category", "Validation")]
public class ReferenceIsothermTests(ITestOutputHelper output)
{
    [ValidationFact]
    public void MCM41_DesorptionHarkinsJuraKelvin_PeakIs3Point3NmWithin5Percent()
    {
        var iso = IsothermReader.Read(SharedData.Path("data/isotherms/MCM-41 N2 77K.json"));
        var d = PsdCalculator.Compute(iso, new PsdOptions { Branch = Branch.Desorption, Thickness = ThicknessModel.HarkinsJura });
        var peak = d.PeakDiameterNanometres(DistributionConvention.DvDd);
        output.WriteLine($"MCM-41 peak {peak:F3} nm (pyGAPS reference 3.3 nm)");
        Assert.InRange(peak, 3.3 * 0.95, 3.3 * 1.05);
    }

    [ValidationFact]
    public void MCM41_PygapsCsv_ReadsTheSameIsotherm()
    {
        var csv = IsothermReader.Read(SharedData.Path("data/isotherms/MCM-41 N2 77K.csv"));
        var json = IsothermReader.Read(SharedData.Path("data/isotherms/MCM-41 N2 77K.json"));
        Assert.Equal(json.Adsorption.Count, csv.Adsorption.Count);
        Assert.Equal(json.Desorption.Count, csv.Desorption.Count);
    }

    [ValidationFact]
    public void SURF_BjhCumulativeVolume_IsWithin15PercentOfTheInstrument()
    {
        var iso = IsothermReader.Read(SharedData.Path("data/isotherms/SURF N2 77K.json"));
        var ads = PsdCalculator.Compute(iso, new PsdOptions { Branch = Branch.Adsorption }).TotalPoreVolumeCubicCentimetresPerGram;
        var des = PsdCalculator.Compute(iso, new PsdOptions { Branch = Branch.Desorption }).TotalPoreVolumeCubicCentimetresPerGram;
        output.WriteLine($"SURF BJH cumulative pore volume: adsorption {ads:F4} (instrument 0.6417), desorption {des:F4} (instrument 0.6998) cm3/g");
        Assert.InRange(ads, 0.6417 * 0.85, 0.6417 * 1.15);
        Assert.InRange(des, 0.6998 * 0.85, 0.6998 * 1.15);
    }

    [ValidationFact]
    public void SiO2_AbsolutePressures_ReadAndGiveADistribution()
    {
        var iso = IsothermReader.Read(SharedData.Path("data/isotherms/SiO2 N2 77K.json"));
        var d = PsdCalculator.Compute(iso, new PsdOptions());
        Assert.True(d.TotalPoreVolumeCubicCentimetresPerGram > 0);
    }
}
