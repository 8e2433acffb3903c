using DyeRegistry.Pores.Isotherms;

using DyeRegistry.TestSupport;

namespace DyeRegistry.Pores.Tests;

public sealed class IsothermReaderTests : IDisposable
{
    private readonly TempFolder dir = new("dyereg-iso-");

    public void Dispose() => dir.Dispose();

    private string File(string name, string text) => dir.File(name, text);

    [Fact]
    public void PlainCsv_WithUnitsInTheHeader_SeparatesBranches()
    {
        var iso = IsothermReader.Read(File("a.csv", "# material: test silica\n# temperature_k: 77.355\nrelative_pressure,amount_mmol_per_g,branch\n0.1,1.0,ads\n0.5,2.0,ads\n0.9,5.0,ads\n0.8,4.5,des\n0.4,1.9,des\n"));
        Assert.Equal("test silica", iso.Material);
        Assert.Equal(3, iso.Adsorption.Count);
        Assert.Equal(2, iso.Desorption.Count);
        Assert.Equal(1.0 * Nitrogen.LiquidVolumePerMillimole, iso.Adsorption[0].LiquidVolumeCubicCentimetresPerGram, 12);
    }

    [Fact]
    public void PlainCsv_WithoutAUnit_IsRefused()
    {
        var e = Assert.Throws<IsothermFormatException>(() => IsothermReader.Read(File("b.csv", "relative_pressure,amount,branch\n0.1,1,ads\n")));
        Assert.Contains("unit", e.Message);
    }

    [Fact]
    public void NonMonotonicPressure_NamesThePoint()
    {
        var e = Assert.Throws<IsothermFormatException>(() => IsothermReader.Read(File("c.csv", "relative_pressure,volume_cm3_liquid_per_g,branch\n0.1,0.1,ads\n0.3,0.2,ads\n0.2,0.3,ads\n")));
        Assert.Contains("adsorption branch point 3", e.Message);
        Assert.Contains("does not rise", e.Message);
    }

    [Fact]
    public void RelativePressureAboveOne_IsRefusedWithItsLine()
    {
        var e = Assert.Throws<IsothermFormatException>(() => IsothermReader.Read(File("d.csv", "relative_pressure,volume_cm3_stp_per_g,branch\n0.1,10,ads\n1.2,30,ads\n")));
        Assert.Contains("line 3", e.Message);
        Assert.Contains("outside (0, 1]", e.Message);
    }

    [Fact]
    public void NegativeAmount_IsRefused()
    {
        var e = Assert.Throws<IsothermFormatException>(() => IsothermReader.Read(File("e.csv", "relative_pressure,volume_cm3_stp_per_g,branch\n0.1,-3,ads\n")));
        Assert.Contains("negative", e.Message);
    }

    [Fact]
    public void PygapsJson_AbsolutePressureInBar_BecomesRelative()
    {
        var json = """
            {"file_version": "3.0", "adsorbate": "nitrogen", "temperature": 77.355, "pressure_mode": "absolute", "pressure_unit": "bar",
             "loading_basis": "molar", "loading_unit": "mmol", "material_unit": "g", "material": "S",
             "isotherm_data": [{"pressure": 0.101325, "loading": 1.0}, {"pressure": 0.5066, "loading": 2.0}, {"pressure": 0.81, "loading": 3.0, "branch": "des"}]}
            """;
        var iso = IsothermReader.Read(File("f.json", json));
        Assert.Equal(0.1, iso.Adsorption[0].RelativePressure, 4);
        Assert.Single(iso.Desorption);
    }

    [Fact]
    public void OtherAdsorbate_IsRefused()
    {
        var json = """{"adsorbate": "argon", "temperature": 87.3, "pressure_mode": "relative", "isotherm_data": []}""";
        Assert.Contains("nitrogen", Assert.Throws<IsothermFormatException>(() => IsothermReader.Read(File("g.json", json))).Message);
    }
}
