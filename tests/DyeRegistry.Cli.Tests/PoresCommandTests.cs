using System.Globalization;
using System.Text;
using System.Text.Json;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests;

public sealed class PoresCommandTests : IDisposable
{
    private readonly TempFolder dir = new("dyereg-pores-");

    public void Dispose() => dir.Dispose();

    // A plain CSV desorption isotherm of 6 nm cylinders (0.4 cm3/g of liquid nitrogen).
    private string Csv()
    {
        var text = new StringBuilder("# material: six-nanometre test\n# temperature_k: 77.355\nrelative_pressure,volume_cm3_liquid_per_g,branch\n");
        foreach (var p in SyntheticIsotherm.Cylinders(Pores.Isotherms.Branch.Desorption, 300, (6.0, 0.4)))
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.RelativePressure},{p.LiquidVolumeCubicCentimetresPerGram},des\n");
        }

        return dir.File("six.csv", text.ToString());
    }

    [Fact]
    public void Json_HasPeakTotalsAndTable_AndTheSvgIsWritten()
    {
        var svg = dir.Combine("plot.svg");
        var (exit, stdout, _) = CliRunner.Run("pores", Csv(), "--format", "json", "--x-nm", "6", "--coat-weight", "20", "--p-max", "0.99", "--svg", svg);
        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.InRange(json.GetProperty("peak_diameter_nm").GetDouble(), 5.7, 6.3);
        Assert.InRange(json.GetProperty("total_pore_volume_cm3_per_g").GetDouble(), 0.38, 0.44);
        Assert.True(json.GetProperty("total_pore_area_m2_per_g").GetDouble() > 0);
        Assert.True(json.GetProperty("distribution").GetArrayLength() > 50);
        Assert.True(json.GetProperty("value_at_x_per_cm2").GetDouble() > 0);
        Assert.Contains("BJH, desorption branch", json.GetProperty("method").GetString());
        var plot = File.ReadAllText(svg);
        Assert.Contains("Y = ", plot);
        Assert.Contains("X = 6 nm", plot);
    }

    [Fact]
    public void BadIsotherm_IsAClearError()
    {
        var path = dir.File("bad.csv", "relative_pressure,volume_cm3_liquid_per_g,branch\n0.5,0.1,ads\n0.4,0.2,ads\n");
        var (exit, _, stderr) = CliRunner.Run("pores", path);
        Assert.Equal(2, exit);
        Assert.Contains("does not rise", stderr);
    }
}
