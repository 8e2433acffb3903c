using System.CommandLine;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests.Hostile;

/// <summary>Issue 13 point 8: no stack trace reaches a user. An exception no command expected
/// becomes one line with exit code 2 and a log file holding the details; --debug prints them.</summary>
public sealed class UnexpectedErrorTests
{
    [Fact]
    public void AnUnexpectedException_IsOneLine_WithTheLogFile_AndExitCode2()
    {
        using var temp = new TempFolder();
        var (exit, err) = RunFailing(temp, []);
        Assert.Equal(2, exit);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("dyereg explode: unexpected error: the bridge gave way (InvalidOperationException); details in ", lines[0], StringComparison.Ordinal);
        var log = lines[0][(lines[0].IndexOf("details in ", StringComparison.Ordinal) + "details in ".Length)..].Trim();
        Assert.StartsWith(temp.Path, log, StringComparison.Ordinal);
        var details = File.ReadAllText(log);
        Assert.Contains("at DyeRegistry.Cli.Tests.Hostile.UnexpectedErrorTests", details, StringComparison.Ordinal);
        Assert.Contains("arguments: explode", details, StringComparison.Ordinal);
    }

    [Fact]
    public void Debug_PrintsTheDetails()
    {
        using var temp = new TempFolder();
        var (exit, err) = RunFailing(temp, ["--debug"]);
        Assert.Equal(2, exit);
        Assert.Contains("unexpected error: the bridge gave way", err, StringComparison.Ordinal);
        Assert.Contains("   at DyeRegistry.Cli.Tests.Hostile.UnexpectedErrorTests", err, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRealCommandTree_AcceptsDebugOnEveryCommand()
    {
        var (exit, output, _) = CliRunner.Run("version", "--debug");
        Assert.Equal(0, exit);
        Assert.Contains("dyereg", output, StringComparison.Ordinal);
    }

    // Runs a command that throws, with crash logs going to the test's folder.
    private static (int Exit, string Err) RunFailing(TempFolder logs, string[] extra)
    {
        var err = new StringWriter();
        RootCommand Build()
        {
            var root = Program.BuildRoot();
            var explode = new Command("explode");
            explode.SetAction(_ => Throw());
            root.Subcommands.Add(explode);
            return root;
        }

        Environment.SetEnvironmentVariable("DYEREG_LOG_DIR", logs.Path);
        try
        {
            var exit = Program.Run(["explode", .. extra], new InvocationConfiguration { Output = TextWriter.Null, Error = err }, Build);
            return (exit, err.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("DYEREG_LOG_DIR", null);
        }
    }

    private static int Throw() => throw new InvalidOperationException("the bridge gave way");
}
