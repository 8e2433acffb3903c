using System.Diagnostics;
using System.Text.Json.Nodes;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests.Hostile;

/// <summary>Issue 13 point 5, on a real full disk (a 320 KiB tmpfs): import says which records were
/// stored and which were not, names the registry, and the registry stays sound.</summary>
public sealed class FullDiskTests
{
    [RootFact]
    public void ImportOnAFullDisk_SaysWhatWasStored_AndTheRegistryStaysSound()
    {
        using var temp = new TempFolder();
        var disk = Directory.CreateDirectory(temp.Combine("disk")).FullName;
        Shell("mount", "-t", "tmpfs", "-o", "size=320k", "tmpfs", disk);
        try
        {
            var records = new JsonArray(Enumerable.Range(0, 400).Select(i => (JsonNode?)new JsonObject
            {
                ["kind"] = "polymer", ["id"] = $"P-{i:D3}", ["name"] = new string('x', 2000),
            }).ToArray());
            var file = temp.File("many.json", records.ToJsonString());
            var registry = Path.Combine(disk, "r.db");
            var (exit, _, err) = CliRunner.Run("import", file, "--registry", registry);
            Assert.Equal(1, exit);
            Assert.Contains($"not stored: registry {registry}: the disk is full", err, StringComparison.Ordinal);
            Assert.Contains("import stopped at", err, StringComparison.Ordinal);
            Assert.DoesNotContain("cannot rollback", err, StringComparison.Ordinal);
            var created = int.Parse(System.Text.RegularExpressions.Regex.Match(err, @"(\d+) created").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(created, 1, 399);

            var list = CliRunner.Run("list", "--registry", registry);
            Assert.Equal(0, list.Exit);
            Assert.Equal(created, list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Equal(0, CliRunner.Run("check", "--registry", registry).Exit);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Shell("umount", "-l", disk);
        }
    }

    private static void Shell(string program, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, UseShellExecute = false })!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{program} {string.Join(' ', args)}: {err}");
    }
}
