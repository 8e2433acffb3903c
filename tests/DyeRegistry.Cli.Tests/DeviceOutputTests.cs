using System.Diagnostics;

namespace DyeRegistry.Cli.Tests;

/// <summary>An output that is a pipe or a device (-o /dev/stdout, a named pipe) is written into,
/// not replaced: the atomic temp-file-then-rename would swap the device for a regular file (as
/// root, /dev/null itself).</summary>
public sealed class DeviceOutputTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("dyereg-device-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task ExportToANamedPipe_WritesThroughIt_AndLeavesItAPipe()
    {
        var db = Path.Combine(dir, "r.db");
        Assert.Equal(0, CliRunner.Run("import", "--no-estimates", TestSupport.RepositoryFiles.Path("samples/records.json"), "--registry", db).Exit);
        var fifo = Path.Combine(dir, "out.json");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var reader = Task.Run(() => File.ReadAllText(fifo));
        var (exit, _, err) = CliRunner.Run("export", "-o", fifo, "--registry", db);
        Assert.True(exit == 0, err);
        var text = await reader.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains("\"MED-1\"", text);
        Assert.Equal("fifo", Kind(fifo));
        Assert.Empty(Directory.GetFiles(dir, ".*.tmp"));
    }

    private static string Kind(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%F", path]) { RedirectStandardOutput = true })!;
        var kind = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return kind;
    }
}
