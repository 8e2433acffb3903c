using System.IO.Compression;
using System.Text.Json;

namespace DyeRegistry.Cli.Tests;

/// <summary><c>dyereg model train solubility</c> and <c>dyereg estimate solubility</c> on the
/// synthetic fixture (structures and log S made here, see DyeRegistry.Estimates.Tests/Fixtures).</summary>
public sealed class SolubilityCommandTests : IDisposable
{
    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "Fixtures", "synthetic-solubility.csv");
    private static readonly Lazy<string> TrainedModel = new(() =>
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("dyereg-solmodel-").FullName, "m.zip");
        var (exit, _, err) = CliRunner.Run("model", "train", "solubility", "--data", Data, "-o", path, "--trees", "80");
        Assert.True(exit == 0, err);
        return path;
    });

    private readonly string dir = Directory.CreateTempSubdirectory("dyereg-sol-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Train_IsReproducible_SameVersionAndMetadata()
    {
        var again = Path.Combine(dir, "again.zip");
        var (exit, stdout, err) = CliRunner.Run("model", "train", "solubility", "--data", Data, "-o", again, "--trees", "80");
        Assert.True(exit == 0, err);
        Assert.Contains("calibration RMSE", stdout);
        Assert.Equal(Entry(TrainedModel.Value, "metadata.json"), Entry(again, "metadata.json"));
        Assert.Equal(Entry(TrainedModel.Value, "domain.fp"), Entry(again, "domain.fp"));
        Assert.Equal(File.ReadAllBytes(TrainedModel.Value), File.ReadAllBytes(again));
    }

    [Fact]
    public void Train_OnABadFile_NamesTheFileLineAndColumn()
    {
        var bad = Path.Combine(dir, "bad.csv");
        File.WriteAllText(bad, "SMILES,Solubility\nCCO,0.1\nCCC,n/a\n");
        var (exit, _, err) = CliRunner.Run("model", "train", "solubility", "--data", bad, "-o", Path.Combine(dir, "x.zip"));
        Assert.Equal(2, exit);
        Assert.Contains($"{bad}: line 3, column 'Solubility'", err);
        Assert.False(File.Exists(Path.Combine(dir, "x.zip")));
    }

    [Fact]
    public void Estimate_JsonLines_InInputOrder_WithIntervalsDomainAndVersion_AndErrorsPerRecord()
    {
        var input = Path.Combine(dir, "in.smi");
        File.WriteAllLines(input, ["c1ccccc1O phenol", "not-a-smiles broken", "CCCCCCCCO octanol", "FC(F)(F)C(F)(F)OC(F)(F)C(F)(F)F ether"]);
        var (exit, stdout, err) = CliRunner.Run("estimate", "solubility", input, "--model", TrainedModel.Value, "-j", "2");
        Assert.Equal(1, exit); // one record failed
        Assert.Contains("4 records: 3 estimated, 1 failed", err);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["phenol", "broken", "octanol", "ether"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.True(lines[1].TryGetProperty("error", out _));
        var phenol = lines[0];
        var logS = phenol.GetProperty("logS").GetDouble();
        var interval = phenol.GetProperty("logSInterval").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.True(interval[0] < logS && logS < interval[1]);
        var grams = phenol.GetProperty("gPer100gWaterInterval").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.True(grams[0] < phenol.GetProperty("gPer100gWater").GetDouble() && phenol.GetProperty("gPer100gWater").GetDouble() < grams[1]);
        Assert.StartsWith("2.0.0+", phenol.GetProperty("modelVersion").GetString());
        Assert.True(phenol.GetProperty("inDomain").GetBoolean());
        Assert.Equal("outside the model's domain", lines[3].GetProperty("domain").GetString());
        Assert.Contains("\"domain\":\"outside the model's domain\"", stdout); // readable, not \u0027

        var keepGoing = CliRunner.Run("estimate", "solubility", input, "--model", TrainedModel.Value, "-k", "-j", "1");
        Assert.Equal(0, keepGoing.Exit);
        Assert.Equal(stdout, keepGoing.Out); // one thread or two: the same output
    }

    [Fact]
    public void Estimate_Csv_HasAHeaderAndOneRowPerRecord()
    {
        var input = Path.Combine(dir, "in.smi");
        File.WriteAllLines(input, ["c1ccccc1O a", "CCO b"]);
        var output = Path.Combine(dir, "out.csv");
        var (exit, _, err) = CliRunner.Run("estimate", "solubility", input, "--model", TrainedModel.Value, "-o", output, "-q");
        Assert.True(exit == 0, err);
        var rows = File.ReadAllLines(output);
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("record,line,id,log_s,log_s_low,log_s_high,coverage,g_per_100g_water", rows[0]);
        Assert.Contains(",b,", rows[2]);
    }

    [Fact]
    public void Estimate_WithoutAModelFile_SaysWhereModelsAreLooked()
    {
        var (exit, _, err) = CliRunner.Run("estimate", "solubility", "-", "--model", Path.Combine(dir, "none.zip"));
        Assert.Equal(2, exit);
        Assert.Contains("no model file", err);
    }

    [Fact]
    public void Estimate_WithTheShippedModel_FindsItByTheDataFolderRule()
    {
        var shipped = Path.Combine(RepositoryRoot(), "models", "solubility.zip");
        Assert.True(File.Exists(shipped), "models/solubility.zip is missing from the checkout");
        var input = Path.Combine(dir, "in.smi");
        File.WriteAllLines(input, ["c1ccccc1 benzene"]);
        var (exit, stdout, err) = CliRunner.Run("estimate", "solubility", input);
        Assert.True(exit == 0, err);
        using var metadata = JsonDocument.Parse(Entry(shipped, "metadata.json"));
        var line = JsonDocument.Parse(stdout.Trim()).RootElement;
        Assert.Equal(metadata.RootElement.GetProperty("version").GetString(), line.GetProperty("modelVersion").GetString());
        var interval = line.GetProperty("logSInterval").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.InRange(-1.64, interval[0], interval[1]); // benzene's measured log S (Yalkowsky), well inside the training data
    }

    private static byte[] Entry(string zipPath, string name)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        using var s = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        s.CopyTo(copy);
        return copy.ToArray();
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "DyeRegistry.sln")))
            {
                return d.FullName;
            }
        }

        throw new DirectoryNotFoundException("DyeRegistry.sln not found above the tests");
    }
}
