using System.Diagnostics;
using DyeRegistry.Cli.Hosting;

namespace DyeRegistry.Cli.Tests;

/// <summary>
/// The program re-executes itself on jemalloc when it is installed (<see cref="NativeAllocator"/>):
/// the real binary is run, since the switch happens before the program proper starts.
/// </summary>
public sealed class AllocatorTests
{
    [Fact]
    public void Version_NamesTheAllocator_JemallocWhenInstalled_GlibcWhenSwitchedOff()
    {
        var (exit, output, _) = Run(["version"], null);
        Assert.Equal(0, exit);
        Assert.Contains(NativeAllocator.JemallocPath is null ? "allocator: glibc malloc" : "allocator: jemalloc", output);

        var (exitSystem, outputSystem, _) = Run(["version"], null, ("DYEREG_MALLOC", "system"));
        Assert.Equal(0, exitSystem);
        Assert.Contains("allocator: glibc malloc", outputSystem);
    }

    [Fact]
    public void ReExecution_KeepsArguments_StandardInput_AndExitCode()
    {
        // An argument with spaces and non-ASCII text, a record on standard input, and an exit code
        // that is not 0 must all come through the switch unchanged.
        var (exit, output, _) = Run(["inspect", "--keep-going"], "CCO ethanol\nC1CC broken ring\n");
        Assert.Equal(0, exit);
        Assert.Contains("C2H6O", output);

        var missing = Path.Combine(Path.GetTempPath(), "no such dir é", "x.smi");
        var (exitMissing, _, error) = Run(["screen", missing], null);
        Assert.Equal(2, exitMissing);
        Assert.Contains("no such dir é", error);
    }

    [Theory]
    [InlineData(true, "search", "--formula", "Y-I")]
    [InlineData(true, "--registry", "r.db", "search", "--exact", "CCO")]
    [InlineData(true, "--registry", "search", "show", "DR1")] // a registry file named "search"
    [InlineData(true, "list")]
    [InlineData(true, "--version")]
    [InlineData(true, "screen", "--help")]
    [InlineData(true, "cluster", "cancel", "redis://h:1", "J")]
    [InlineData(false, "search", "--smarts", "c1ccccc1")]
    [InlineData(false, "--registry", "list", "import", "dyes.smi")] // a registry file named "list"
    [InlineData(false, "version")]
    [InlineData(false, "screen", "cat.smi")]
    [InlineData(false, "cluster", "node", "--membership", "redis://h:1")]
    [InlineData(false)]
    public void OnlyCommandsWithoutBulkChemistry_SkipTheReExecution(bool light, params string[] args) =>
        Assert.Equal(light, NativeAllocator.IsLight(args));

    private static (int Exit, string Output, string Error) Run(string[] args, string? input, params (string Name, string Value)[] env)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "dyereg"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("DYEREG_MALLOC");
        foreach (var (name, value) in env)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input ?? string.Empty);
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(60_000), "dyereg did not finish");
        return (process.ExitCode, output.Result, error.Result);
    }
}
