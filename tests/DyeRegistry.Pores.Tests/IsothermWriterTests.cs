using DyeRegistry.Pores.Isotherms;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Pores.Tests;

/// <summary>An isotherm saved into a medium record (pyGAPS JSON, relative pressure and liquid cm3/g)
/// reads back as the same isotherm, whatever unit the uploaded file used.</summary>
public sealed class IsothermWriterTests : IDisposable
{
    private readonly TempFolder dir = new("dyereg-isow-");

    public void Dispose() => dir.Dispose();

    [Fact]
    public void An_isotherm_read_from_mmol_per_g_reads_back_from_its_record_form_unchanged()
    {
        var read = IsothermReader.Read(dir.File("a.csv", "# material: test silica\n# temperature_k: 77.355\nrelative_pressure,amount_mmol_per_g,branch\n0.1,1.0,ads\n0.5,2.0,ads\n0.9,5.0,ads\n0.8,4.5,des\n0.4,1.9,des\n"));
        var json = IsothermWriter.ToPygapsJson(read);
        Assert.Equal("volume_liquid", json["loading_basis"]!.GetValue<string>());

        var back = IsothermReader.FromPygapsJson(json, "record");
        Assert.Equal(read.Material, back.Material);
        Assert.Equal(read.TemperatureKelvin, back.TemperatureKelvin);
        Assert.Equal(read.Adsorption, back.Adsorption);
        Assert.Equal(read.Desorption, back.Desorption);
    }

    [Fact]
    public void Both_branches_of_a_synthetic_isotherm_survive_in_measurement_order()
    {
        var ads = SyntheticIsotherm.Cylinders(Branch.Adsorption, 40, (20, 0.6));
        var des = SyntheticIsotherm.Cylinders(Branch.Desorption, 40, (20, 0.6));
        var isotherm = new Isotherm("20 nm pores", 77.355, ads, des, "volume_liquid cm3 per g", "synthetic") { SampleMassGrams = 0.1 };
        var back = IsothermReader.FromPygapsJson(IsothermWriter.ToPygapsJson(isotherm), "record");
        Assert.Equal(ads, back.Adsorption);
        Assert.Equal(des, back.Desorption);
        Assert.Equal(0.1, back.SampleMassGrams);
    }
}
