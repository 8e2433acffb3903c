using DyeRegistry.Chemistry.IO;
using DyeRegistry.Application.Screening;
using DyeRegistry.Markush;
using DyeRegistry.Markush.Matching;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests;

public sealed class ScreenTests : IDisposable
{
    private readonly TempFolder dir = new("dyereg-screen-");
    private readonly FormulaLibrary library = FormulaLibrary.Load(FormulaLibrary.DefaultFolder());

    public void Dispose()
    {
        library.Dispose();
        dir.Dispose();
    }

    // 2,000 records: every 7th a (Y-I) hit, every 50th unreadable, the rest plain molecules.
    private string Catalogue()
    {
        var lines = Enumerable.Range(0, 2000).Select(i =>
            i % 50 == 49 ? $"C1CC( bad-{i}"
            : i % 7 == 0 ? $"c1ccc(nc1)N=Nc1nc({new string('C', 1 + (i % 9))})cs1 hit-{i}"
            : $"{new string('C', 1 + (i % 12))}O plain-{i}");
        return dir.File("cat.smi", string.Join('\n', lines) + "\n");
    }

    private ScreenSummary Run(string file, string output, bool resume = false, CancellationToken cancel = default, Action<ScreenProgress>? progress = null) =>
        new ScreenRunner(new MarkushMatcher(library), MatchOptions.Default, null)
            .Run(new ScreenRequest([file], output, dir.Combine("errors.txt"), All: false, Threads: 2, Resume: resume), TextWriter.Null, cancel, progress);

    [Fact]
    public void Hits_AreTheRecordsMatchFindsWithin_AndErrorsAreListed()
    {
        var file = Catalogue();
        var output = dir.Combine("hits.jsonl");
        var summary = Run(file, output);
        Assert.Equal(2000, summary.Progress.Records);
        Assert.Equal(40, summary.Progress.Errors);
        var expected = Enumerable.Range(0, 2000).Where(i => i % 7 == 0 && i % 50 != 49).Select(i => $"hit-{i}").ToList();
        var ids = File.ReadAllLines(output).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetString() ?? string.Empty).ToList();
        Assert.Equal(expected, ids);
        var errors = File.ReadAllLines(dir.Combine("errors.txt"));
        Assert.Equal(40, errors.Length);
        Assert.Contains("line 50 (bad-49): SMILES Parse Error", errors[0]);
        Assert.False(File.Exists(ScreenCheckpoint.PathFor(output)), "a finished run leaves no checkpoint");
    }

    [Fact]
    public void InterruptedThenResumed_GivesTheSameOutputAsOneRun()
    {
        var file = Catalogue();
        var whole = dir.Combine("whole.csv");
        Run(file, whole);

        var parts = dir.Combine("parts.csv");
        using (var cancel = new CancellationTokenSource())
        {
            var stopped = Run(file, parts, cancel: cancel.Token, progress: _ => cancel.Cancel());
            Assert.True(stopped.Stopped);
            Assert.InRange(stopped.Progress.Records, 1, 1999);
        }

        // A killed run may also leave half a record after the checkpoint: resume drops it.
        File.AppendAllText(ScreenCheckpoint.PartialPath(parts), "hit-999,half a line wri");
        var resumed = Run(file, parts, resume: true);
        Assert.False(resumed.Stopped);
        Assert.Equal(File.ReadAllText(whole), File.ReadAllText(parts));
        var wholeErrors = File.ReadAllLines(dir.Combine("errors.txt"));
        Assert.Equal(40, wholeErrors.Length); // the resumed run's errors file is whole as well
    }

    [Fact]
    public void Sdf_OutputReadsBackWithItsFields()
    {
        var output = dir.Combine("hits.sdf");
        Run(Catalogue(), output);
        var records = SdfReader.Read(new StringReader(File.ReadAllText(output))).ToList();
        Assert.Equal(280, records.Count); // 286 multiples of 7, less the 6 that are unreadable lines
        Assert.All(records, r => Assert.Equal("Y-I", r.Fields["WITHIN"]));
        Assert.True(records[0].Parse().Success);
        Assert.StartsWith("hit-0", records[0].Fields["ID"]);
    }

    [Fact]
    public void Resume_WithoutACheckpoint_IsAClearError()
    {
        var e = Assert.Throws<IOException>(() => Run(Catalogue(), dir.Combine("none.csv"), resume: true));
        Assert.Contains("nothing to resume", e.Message);
    }

    [Fact]
    public void MarkKnown_NamesTheRegisteredParent()
    {
        var db = dir.Combine("reg.db");
        Assert.Equal(0, CliRunner.Run("import", dir.File("known.smi", "c1ccc(nc1)N=Nc1nc(C)cs1 KNOWN-1\n"), "--registry", db).Exit);
        var hits = dir.Combine("hits.jsonl");
        var (exit, _, stderr) = CliRunner.Run("screen", dir.File("cat2.smi", "c1ccc(nc1)N=Nc1nc(C)cs1.[Na+].[Cl-] salt-form\nc1ccc(nc1)N=Nc1nc(CC)cs1 new-one\n"),
            "--out", hits, "--registry", db, "--mark-known", "--quiet");
        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(hits).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("KNOWN-1", lines[0].GetProperty("known").GetString());
        Assert.False(lines[1].TryGetProperty("known", out _));
        Assert.Contains("2 records: 2 hits", stderr);
    }

    /// <summary>Over the real catalogue the hits are exactly what dyereg match finds within.</summary>
    [ValidationFact]
    [Trait("Category", "Validation")]
    public void Catalogue_HitsEqualMatch()
    {
        var output = dir.Combine("cat.csv");
        var summary = Run(SharedData.Catalogue, output);
        Assert.Equal(28_725, summary.Progress.Records);
        Assert.Equal(134, summary.Progress.HitsPerFormula["Y-I"]); // 133 before aqsol-A-5996 (issue 12)
        Assert.Equal(37, summary.Progress.HitsPerFormula["I"]); // 35 before nci-1146 and d4c-9736 (issue 12)
    }
}
