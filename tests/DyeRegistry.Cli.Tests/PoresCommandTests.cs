using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DyeRegistry.Cli.Tests;

public sealed class PoresCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("dyereg-pores-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    // A plain CSV desorption isotherm of 6 nm cylinders (0.4 cm3/g of liquid nitrogen).
    private string Csv()
    {
        var text = new StringBuilder("# material: six-nanometre test\n# temperature_k: 77.355\nrelative_pressure,volume_cm3_liquid_per_g,branch\n");
        for (var i = 299; i >= 0; i--)
        {
            var p = 0.05 + (0.99 - 0.05) * i / 299.0;
            var t = Math.Sqrt(0.1399 / (0.034 - Math.Log10(p)));
            var rk = -2 * 8.85e-3 * (28.0134 / 0.806 * 1e-6) / (8.314462618 * 77.355 * Math.Log(p)) * 1e9;
            var v = rk + t >= 3.0 ? 0.4 : 0.4 * (1 - Math.Pow(1 - t / 3.0, 2));
            text.Append(CultureInfo.InvariantCulture, $"{p},{v},des\n");
        }

        var path = Path.Combine(dir, "six.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public void Json_HasPeakTotalsAndTable_AndTheSvgIsWritten()
    {
        var svg = Path.Combine(dir, "plot.svg");
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
        var path = Path.Combine(dir, "bad.csv");
        File.WriteAllText(path, "relative_pressure,volume_cm3_liquid_per_g,branch\n0.5,0.1,ads\n0.4,0.2,ads\n");
        var (exit, _, stderr) = CliRunner.Run("pores", path);
        Assert.Equal(2, exit);
        Assert.Contains("does not rise", stderr);
    }
}
