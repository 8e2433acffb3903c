using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests;

public sealed class InspectCommandTests : IDisposable
{
    private readonly TempFolder dir = new("dyereg-cli-");

    public void Dispose() => dir.Dispose();

    private string File(string name, string text) => dir.File(name, text);

    [Fact]
    public void Inspect_GoodRecords_PrintIdSmilesFormulaMassLogP()
    {
        var path = File("dyes.smi", "c1ccccc1N=Nc1ccccc1 azobenzene\nCC(=O)Oc1ccccc1C(=O)O aspirin\n");
        var (exit, stdout, stderr) = CliRunner.Run("inspect", path);
        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Commands.InspectCommand.Header, lines[0]);
        Assert.Equal("azobenzene\tc1ccc(N=Nc2ccccc2)cc1\tC12H10N2\t182.226\t4.102", lines[1]);
        Assert.Equal("aspirin\tCC(=O)Oc1ccccc1C(=O)O\tC9H8O4\t180.159\t1.310", lines[2]);
        Assert.Contains("2 records: 2 read, 0 failed", stderr);
    }

    [Fact]
    public void Inspect_BadRecords_OneLineEachWithLineNumberAndReason_ExitOne()
    {
        var path = File("mixed.smi", "CCO ethanol\nC1CC( broken\n\nCN(C)(C)(C)C pentavalent\n");
        var (exit, stdout, stderr) = CliRunner.Run("inspect", path);
        Assert.Equal(1, exit);
        Assert.Contains("line 2 (broken): SMILES Parse Error", stderr);
        Assert.Contains("line 4 (pentavalent): Explicit valence for atom # 1 N", stderr);
        Assert.Contains("3 records: 1 read, 2 failed", stderr);
        Assert.Contains("ethanol\tCCO", stdout);
    }

    [Fact]
    public void Inspect_KeepGoing_ExitsZeroDespiteFailures()
    {
        var path = File("mixed.smi", "CCO ethanol\nC1CC( broken\n");
        var (exit, _, stderr) = CliRunner.Run("inspect", path, "--keep-going");
        Assert.Equal(0, exit);
        Assert.Contains("1 failed", stderr);
    }

    [Fact]
    public void Inspect_MissingFile_ExitTwoNamingTheFile()
    {
        var (exit, _, stderr) = CliRunner.Run("inspect", dir.Combine("absent.smi"));
        Assert.Equal(2, exit);
        Assert.Contains("absent.smi", stderr);
    }

    [Fact]
    public void Inspect_Sdf_UsesTitleAsIdAndRecordNumbersInErrors()
    {
        var block = "ethanol\n  test\n\n  3  2  0  0  0  0  0  0  0  0999 V2000\n" +
                    "    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n" +
                    "    1.5000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n" +
                    "    2.2500    1.2990    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0\n" +
                    "  1  2  1  0\n  2  3  1  0\nM  END\n";
        var path = File("two.sdf", block + "$$$$\nbroken\n\n\n 1\nM  END\n$$$$\n");
        var (exit, stdout, stderr) = CliRunner.Run("inspect", path);
        Assert.Equal(1, exit);
        Assert.Contains("ethanol\tCCO\tC2H6O", stdout);
        Assert.Contains("record 2 (line 12) (broken): Counts line too short", stderr);
    }

    [Fact]
    public void Inspect_ThreadCountDoesNotChangeOutput()
    {
        var text = string.Join('\n', Enumerable.Range(0, 2000).Select(i => $"{new string('C', 1 + (i % 30))}O m{i}"));
        var path = File("many.smi", text + "\nC1CC( bad\n");
        var one = CliRunner.Run("inspect", path, "--threads", "1");
        var four = CliRunner.Run("inspect", path, "--threads", "4");
        Assert.Equal(one.Out, four.Out);
        Assert.Equal(one.Err.Split('\n')[0], four.Err.Split('\n')[0]);
    }

    [Fact]
    public void Version_NamesProgramAndRDKit()
    {
        var (exit, stdout, _) = CliRunner.Run("version");
        Assert.Equal(0, exit);
        Assert.StartsWith("dyereg ", stdout);
        Assert.Contains("RDKit 2022.09.3", stdout);
    }

    [Fact]
    public void Version_NamesEveryDataFolderInUse()
    {
        var (exit, stdout, _) = CliRunner.Run("version");
        Assert.Equal(0, exit);
        var lines = stdout.Split('\n');
        foreach (var (label, marker) in new[] { ("formulas", "substituent-classes.yaml"), ("claims", "readings.yaml"), ("models", "solubility.zip") })
        {
            var line = Assert.Single(lines, l => l.StartsWith(label + ": ", StringComparison.Ordinal));
            var folder = line[(label.Length + 2)..].Trim();
            Assert.True(System.IO.File.Exists(Path.Combine(folder, marker)), $"{label} folder '{folder}' has no {marker}");
        }
    }

    /// <summary>The acceptance run: all 28,725 catalogue records, no crash, rejects reported.</summary>
    [ValidationFact]
    [Trait("Category", "Validation")]
    public void Inspect_WholeCatalogue_ProcessesEveryRecord()
    {
        var (exit, stdout, stderr) = CliRunner.Run("inspect", SharedData.Catalogue, "--keep-going");
        Assert.Equal(0, exit);
        Assert.Contains("28725 records:", stderr);
        var printed = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        var failedLines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        Assert.Equal(28_725, printed + failedLines);
    }
}
