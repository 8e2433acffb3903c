using System.CommandLine;
using DyeRegistry.Cli.Output;
using DyeRegistry.Storage.Sqlite;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests.Hostile;

/// <summary>Issue 13 point 4: an output that is an input, the registry or another output is
/// refused before anything is written; outputs are renamed into place only when complete; a
/// directory is a clear error.</summary>
public sealed class OutputFileTests
{
    [Fact]
    public void ExportOntoTheRegistry_IsRefused_AndTheRegistryKeepsItsHistory()
    {
        using var temp = new TempFolder();
        var registry = temp.Combine("r.db");
        Assert.Equal(0, CliRunner.Run("import", HostileRecords.Samples, "--registry", registry).Exit);
        var before = File.ReadAllBytes(registry);
        foreach (var target in new[] { registry, registry + "-wal", Link(temp, registry) })
        {
            var (exit, _, err) = CliRunner.Run("export", "--registry", registry, "-o", target);
            Assert.Equal(2, exit);
            Assert.Contains("is the same file as the registry", err, StringComparison.Ordinal);
        }

        Assert.Equal(before, File.ReadAllBytes(registry));
        using var store = SqliteRegistryStore.Open(registry, create: false);
        Assert.Single(store.History("MED-1"));
    }

    [Fact]
    public void ScreenOntoItsCatalogue_OrErrorsOntoOutput_IsRefused_AndNothingIsTouched()
    {
        using var temp = new TempFolder();
        var catalogue = temp.File("cat.smi", "c1ccc(nc1)N=Nc1nc(C)cs1 hit-1\nCCO plain-1\n");
        var text = File.ReadAllText(catalogue);
        var same = CliRunner.Run("screen", catalogue, "-o", catalogue, "--quiet");
        Assert.Equal(2, same.Exit);
        Assert.Contains("is the same file as the catalogue", same.Err, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(catalogue));

        var out1 = temp.Combine("out.jsonl");
        var mixed = CliRunner.Run("screen", catalogue, "-o", out1, "--errors", out1, "--quiet");
        Assert.Equal(2, mixed.Exit);
        Assert.Contains("--errors", mixed.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(out1));
    }

    [Fact]
    public void DirectoryAsOutput_IsAClearError_ForEveryCommandThatWritesOne()
    {
        using var temp = new TempFolder();
        var registry = temp.Combine("r.db");
        Assert.Equal(0, CliRunner.Run("import", HostileRecords.Samples, "--registry", registry).Exit);
        var folder = Directory.CreateDirectory(temp.Combine("folder")).FullName;
        var catalogue = temp.File("cat.smi", "CCO x\n");
        foreach (var args in new[]
        {
            new[] { "export", "--registry", registry, "-o", folder },
            ["scope", "--medium", "MED-1", "--registry", registry, "-o", folder],
            ["screen", catalogue, "-o", folder, "--quiet"],
        })
        {
            var (exit, _, err) = CliRunner.Run(args);
            Assert.Equal(2, exit);
            Assert.Contains($"{folder} is a directory", err, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AFailedWrite_LeavesThePreviousFileAsItWas()
    {
        using var temp = new TempFolder();
        var path = temp.File("chart.html", "previous chart");
        var e = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half of a new ch"u8);
            throw new InvalidOperationException("the disk filled up");
        }));
        Assert.Equal("the disk filled up", e.Message);
        Assert.Equal("previous chart", File.ReadAllText(path));
        Assert.Equal(["chart.html"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void ExportIntoAMissingFolder_SaysSo_AndWritesNothing()
    {
        using var temp = new TempFolder();
        var registry = temp.Combine("r.db");
        Assert.Equal(0, CliRunner.Run("import", HostileRecords.Samples, "--registry", registry).Exit);
        var (exit, _, err) = CliRunner.Run("export", "--registry", registry, "-o", temp.Combine("no/such/out.json"));
        Assert.Equal(2, exit);
        Assert.Contains("does not exist", err, StringComparison.Ordinal);
    }

    private static string Link(TempFolder temp, string target)
    {
        var link = temp.Combine("link-to-registry.db");
        File.CreateSymbolicLink(link, target);
        return link;
    }
}
