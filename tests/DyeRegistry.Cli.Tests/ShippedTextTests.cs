using System.CommandLine;
using System.Text.RegularExpressions;
using DyeRegistry.Registry;
using DyeRegistry.Storage.Records;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests;

/// <summary>
/// The product carries what it cites: no shipped file (formulas/, claims/, docs/, README.md,
/// samples/, the program's embedded resources) and no output of the common commands (the help of
/// every command, version, formulas, template, schema, match, a claim chart in each format)
/// points at ../shared, which an installation or a clone does not have, or names a patent by an
/// internal seed file name such as 001_e871c018c470feec.txt.
/// </summary>
public sealed partial class ShippedTextTests
{
    // ../shared, shared/spec, shared/seeds; and the seed files' names (NNN_ then 16 hex digits).
    [GeneratedRegex(@"\.\./shared|shared/spec|shared/seeds|\b\d{3}_[0-9a-f]{16}(\.txt)?\b")]
    private static partial Regex Outside();

    public static IEnumerable<object[]> ShippedFiles()
    {
        var root = RepositoryFiles.Root;
        var files = new[] { "formulas", "claims", "docs", "samples" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*", SearchOption.AllDirectories))
            .Append(Path.Combine(root, "README.md"))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src"), "*.json", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)));
        return files.Select(f => new object[] { Path.GetRelativePath(root, f) });
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void ShippedFile_CitesNothingOutsideTheProduct(string file)
    {
        AssertClean(file, File.ReadAllText(RepositoryFiles.Path(file)));
    }

    [Fact]
    public void ShippedFiles_IncludeEveryFolderTheTestPromises()
    {
        var files = ShippedFiles().Select(f => (string)f[0]).ToList();
        foreach (var expected in new[] { "formulas/I.yaml", "claims/001.yaml", "claims/README.md", "docs/records.md", "docs/formulas.md", "docs/claims.md", "docs/claim-chart.md", "docs/schema/records.schema.json", "README.md", "samples/records.json", "src/DyeRegistry.Registry/Templates/ink.json" })
        {
            Assert.Contains(expected, files);
        }
    }

    [Fact]
    public void EmbeddedResources_CiteNothingOutsideTheProduct()
    {
        AssertClean("the embedded record schema", RecordSchema.Text);
        foreach (var name in RecordTemplates.Names)
        {
            AssertClean($"the embedded template {name}", RecordTemplates.Text(name));
        }
    }

    public static IEnumerable<object[]> Commands()
    {
        var all = new List<string[]>();
        Walk(Program.BuildRoot(), [], all);
        return all.Select(path => new object[] { string.Join(' ', path) });
    }

    private static void Walk(Command command, string[] path, List<string[]> all)
    {
        all.Add(path);
        foreach (var sub in command.Subcommands)
        {
            Walk(sub, [.. path, sub.Name], all);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void HelpOfEveryCommand_CitesNothingOutsideTheProduct(string command)
    {
        var args = command.Length == 0 ? new[] { "--help" } : [.. command.Split(' '), "--help"];
        var (exit, stdout, stderr) = CliRunner.Run(args);
        Assert.True(exit == 0, $"dyereg {command} --help: {stderr}");
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
        AssertClean($"dyereg {command} --help", stdout + stderr);
    }

    [Fact]
    public void EveryCommandIsWalked()
    {
        var commands = Commands().Select(c => (string)c[0]).ToList();
        Assert.Contains("schema", commands);
        Assert.Contains("formulas check", commands);
        Assert.Contains("scope", commands);
        Assert.True(commands.Count > 15, string.Join(", ", commands));
    }

    [Fact]
    public void OutputOfTheCommonCommands_CitesNothingOutsideTheProduct()
    {
        using var temp = new TempFolder();
        var samples = RepositoryFiles.Path("samples/records.json");
        var runs = new List<string[]>
        {
            new[] { "version" },
            new[] { "formulas" },
            new[] { "formulas", "check" },
            new[] { "schema" },
            new[] { "match", RepositoryFiles.Path("samples/dyes.smi") },
            new[] { "scope", "--readings" },
        };
        runs.AddRange(RecordTemplates.Names.Select(n => new[] { "template", n }));
        foreach (var format in new[] { "text", "json", "html" })
        {
            runs.Add(["scope", "--medium-file", samples, "--medium", "MED-1", "--ink-file", samples, "--ink", "INK-M1", "--format", format]);
            runs.Add(["scope", "--medium-file", samples, "--medium", "SHEET-1", "--format", format]);
        }

        foreach (var args in runs)
        {
            var (_, stdout, stderr) = CliRunner.Run(args);
            Assert.False(string.IsNullOrWhiteSpace(stdout), $"dyereg {string.Join(' ', args)} printed nothing: {stderr}");
            AssertClean($"dyereg {string.Join(' ', args)}", stdout + stderr);
        }

        // The charts name the patent documents in the reader's words.
        var chart = CliRunner.Run("scope", "--medium-file", samples, "--medium", "SHEET-1").Out;
        Assert.Contains("from the patent document \"An ink-jet recording sheet; a method for producing an ink-jet recording sheet\" (20 claims; publication not recorded; applicant not recorded)", chart, StringComparison.Ordinal);
        Assert.Contains("claim 2 of \"An ink jet recording method\" (15 claims; publication not recorded; applicant not recorded)", CliRunner.Run("formulas").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCheck_CatchesWhatItLooksFor()
    {
        Assert.Matches(Outside(), "see ../shared/spec/records.md");
        Assert.Matches(Outside(), "seed 001 (001_e871c018c470feec.txt)");
        Assert.Matches(Outside(), "000_a69ec1a5a3a1f02c");
        Assert.DoesNotMatch(Outside(), "claim 001:2 of \"An ink jet recording method\"; data in shared/data");
    }

    private static void AssertClean(string where, string text)
    {
        var hits = Outside().Matches(text).Select(m => Line(text, m.Index)).Distinct().Take(5).ToList();
        Assert.True(hits.Count == 0, $"{where} cites something outside the product:\n{string.Join('\n', hits)}");
    }

    private static string Line(string text, int index)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var end = text.IndexOf('\n', index);
        return text[start..(end < 0 ? text.Length : end)].Trim();
    }
}
