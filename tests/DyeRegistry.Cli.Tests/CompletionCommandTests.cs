using System.Diagnostics;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests;

/// <summary>dyereg completion bash: a script generated from the command tree that bash accepts and
/// that completes subcommands, options and the words an option or argument takes.</summary>
public sealed class CompletionCommandTests
{
    [Theory]
    [InlineData("dyereg sc", "schema scope screen")]
    [InlineData("dyereg scope --format ", "csv docx html json jsonl pdf text xlsx")]
    [InlineData("dyereg scope --format json --med", "--medium --medium-file")]
    [InlineData("dyereg template medium", "medium medium-layers")]
    [InlineData("dyereg formulas ", "check")]
    [InlineData("dyereg match --format js", "json jsonl")]
    [InlineData("dyereg completion ", "bash")]
    public void Bash_CompletesFromTheCommandTree(string line, string expected)
    {
        using var temp = new TempFolder();
        var (exit, script, err) = CliRunner.Run("completion", "bash");
        Assert.True(exit == 0, err);
        var file = temp.File("dyereg.bash", script);
        // Complete the last word of the line as bash would, in an empty folder (no file names).
        var words = line.EndsWith(' ') ? [.. line.TrimEnd().Split(' '), string.Empty] : line.Split(' ');
        var array = string.Join(' ', words.Select(w => $"'{w}'"));
        var probe = $"source '{file}'; COMP_WORDS=({array}); COMP_CWORD={words.Length - 1}; _dyereg; printf '%s\\n' \"${{COMPREPLY[@]}}\" | sort | tr '\\n' ' '";
        Directory.CreateDirectory(temp.Combine("empty"));
        var start = new ProcessStartInfo("bash", ["-c", probe]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = temp.Combine("empty") };
        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEnd();
        var error = bash.StandardError.ReadToEnd();
        bash.WaitForExit();
        Assert.True(bash.ExitCode == 0, error);
        Assert.Equal(expected, output.Trim());
    }

    [Fact]
    public void Bash_NamesEveryCommand()
    {
        var script = CliRunner.Run("completion", "bash").Out;
        foreach (var command in Program.BuildRoot().Subcommands)
        {
            Assert.Contains($"\"{command.Name}\") echo", script, StringComparison.Ordinal);
        }
    }
}
