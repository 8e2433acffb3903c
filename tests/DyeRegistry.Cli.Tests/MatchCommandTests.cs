using System.Text.Json;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests;

public sealed class MatchCommandTests : IDisposable
{
    private const string YellowAzo = "c1ccc(nc1)N=Nc1nccs1";
    private readonly string dir = Directory.CreateTempSubdirectory("dyereg-match-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Input(string text)
    {
        var path = Path.Combine(dir, "in.smi");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Jsonl_OneObjectPerRecord_WithTheDocumentedFields()
    {
        var (exit, stdout, stderr) = CliRunner.Run("match", Input($"{YellowAzo} yellow\nC1CC( broken\nCCO ethanol\n"), "--format", "jsonl");
        Assert.Equal(1, exit); // one record could not be read
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(3, lines.Length);
        var yellow = lines[0];
        Assert.Equal("yellow", yellow.GetProperty("id").GetString());
        Assert.Equal(YellowAzo, yellow.GetProperty("smiles").GetString());
        Assert.Equal(new[] { "Y-I" }, yellow.GetProperty("within").EnumerateArray().Select(x => x.GetString() ?? "").ToArray());
        Assert.Equal(JsonValueKind.Null, yellow.GetProperty("error").ValueKind);
        var yi = yellow.GetProperty("formulas").GetProperty("Y-I");
        Assert.Equal("within", yi.GetProperty("verdict").GetString());
        Assert.Equal("read", yi.GetProperty("provenance").GetString());
        var a = yi.GetProperty("assignment").GetProperty("A");
        Assert.Equal("heterocyclic-carbon", a.GetProperty("class").GetString());
        Assert.StartsWith("*", a.GetProperty("smiles").GetString());
        Assert.Equal("reconstructed", yellow.GetProperty("formulas").GetProperty("I").GetProperty("provenance").GetString());
        var broken = lines[1];
        Assert.Contains("SMILES Parse Error", broken.GetProperty("error").GetString());
        Assert.Empty(broken.GetProperty("within").EnumerateArray());
        Assert.Empty(lines[2].GetProperty("within").EnumerateArray());
        Assert.Contains("3 records: 2 matched, 1 could not be read", stderr);
    }

    [Fact]
    public void Violations_AreListedInJsonForANearestMiss()
    {
        var (_, stdout, _) = CliRunner.Run("match", Input("c1ccc(cc1)N=Nc1ccccn1 phenyl\n"), "--format", "jsonl", "--formula", "Y-I");
        var yi = JsonDocument.Parse(stdout).RootElement.GetProperty("formulas").GetProperty("Y-I");
        Assert.Equal("not within", yi.GetProperty("verdict").GetString());
        Assert.Contains(yi.GetProperty("violations").EnumerateArray(), v => v.GetString()!.Contains("aromatic", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_ExplainsEachFormula()
    {
        var (exit, stdout, _) = CliRunner.Run("match", Input($"{YellowAzo} yellow\n"), "--keep-going");
        Assert.Equal(0, exit);
        Assert.Contains("yellow (line 1)", stdout);
        Assert.Contains("within (Y-I) [read]", stdout);
        Assert.Contains("(II) excluded", stdout);
    }

    [Fact]
    public void Svg_IsWrittenPerMatch()
    {
        var svgDir = Path.Combine(dir, "svg");
        CliRunner.Run("match", Input($"{YellowAzo} yellow\nCCO ethanol\n"), "--svg", svgDir, "--format", "csv");
        var file = Assert.Single(Directory.GetFiles(svgDir));
        Assert.EndsWith("yellow_Y-I.svg", file);
        Assert.Contains("<svg", File.ReadAllText(file));
    }

    [Fact]
    public void UnknownFormula_IsAUsageError()
    {
        var (exit, _, stderr) = CliRunner.Run("match", Input($"{YellowAzo}\n"), "--formula", "Z-9");
        Assert.Equal(2, exit);
        Assert.Contains("no formula 'Z-9'", stderr);
    }

    [Fact]
    public void Formulas_ListsProvenanceAndVersion_AndCheckPasses()
    {
        var (exit, stdout, _) = CliRunner.Run("formulas");
        Assert.Equal(0, exit);
        Assert.Contains("II\tmissing\t1", stdout);
        Assert.Contains("Y-I\tread\t1", stdout);
        Assert.Contains("I\treconstructed\t1", stdout);
        Assert.Equal(0, CliRunner.Run("formulas", "check").Exit);
    }

    /// <summary>The acceptance run: all 28,725 catalogue records through match --format jsonl.</summary>
    [ValidationFact]
    [Trait("Category", "Validation")]
    public void Match_WholeCatalogue_EveryRecordGetsALine()
    {
        var (exit, stdout, stderr) = CliRunner.Run("match", SharedData.Catalogue, "--format", "jsonl");
        Assert.Equal(0, exit);
        Assert.Equal(28_725, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("28725 records: 28725 matched, 0 could not be read", stderr);
    }
}
