using DyeRegistry.Application.Screening;
using DyeRegistry.Markush;
using DyeRegistry.Markush.Matching;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests;

/// <summary>
/// <c>--validate hits</c>: records that cannot hold a core are not proven valid, yet every hit and
/// every error among records that could be hits is what the default, complete validation gives.
/// The catalogue has bad records of both kinds: invalid structures that could never be hits
/// (pentavalent carbon, an aromatic ring that cannot be kekulized) and bad records with a core.
/// </summary>
public sealed class ScreenValidationModeTests : IDisposable
{
    private readonly TempFolder dir = new("dyereg-validate-");
    private readonly FormulaLibrary library = FormulaLibrary.Load(FormulaLibrary.DefaultFolder());

    public void Dispose()
    {
        library.Dispose();
        dir.Dispose();
    }

    private const string Core = "c1ccc(nc1)N=Nc1nc(C)cs1"; // a (Y-I) hit, as in ScreenTests

    private string Catalogue()
    {
        var lines = Enumerable.Range(0, 1500).Select(i => (i % 10) switch
        {
            0 => $"c1ccc(nc1)N=Nc1nc({new string('C', 1 + (i % 9))})cs1 hit-{i}",
            1 => $"c1ccc(nc1)N=Nc1nc(C(C)(C)(C)(C)C)cs1 badhit-{i}",       // a core, but a valence error
            2 => $"C(C)(C)(C)(C){new string('C', i % 5)} badplain-{i}",     // valence error, no core
            3 => $"c1cccc1{new string('C', i % 4)} badplain-{i}",           // cannot be kekulized, no core
            4 => $"C1CC( unreadable-{i}",                                   // not SMILES at all
            _ => $"{new string('C', 1 + (i % 12))}O plain-{i}",
        });
        return dir.File("cat.smi", string.Join('\n', lines) + "\n");
    }

    private ScreenSummary Run(string file, string name, ScreenValidation validation) =>
        new ScreenRunner(new MarkushMatcher(library), MatchOptions.Default, null)
            .Run(new ScreenRequest([file], dir.Combine(name), dir.Combine(name + ".errors"), All: false, Threads: 2, Resume: false) { Validation = validation }, TextWriter.Null, CancellationToken.None);

    [Theory]
    [InlineData("hits.jsonl")]
    [InlineData("hits.csv")]
    [InlineData("hits.sdf")]
    public void HitsOnly_KeepsEveryHitAndEveryErrorAmongHits_AndCountsWhatItDidNotValidate(string name)
    {
        var file = Catalogue();
        var full = Run(file, "full-" + name, ScreenValidation.All);
        var hitsOnly = Run(file, "fast-" + name, ScreenValidation.Hits);

        Assert.Equal(File.ReadAllBytes(dir.Combine("full-" + name)), File.ReadAllBytes(dir.Combine("fast-" + name)));
        Assert.Equal(150, full.Progress.Hits);
        Assert.Equal(full.Progress.Hits, hitsOnly.Progress.Hits);

        var fullErrors = File.ReadAllLines(dir.Combine("full-" + name + ".errors"));
        var fastErrors = File.ReadAllLines(dir.Combine("fast-" + name + ".errors"));
        Assert.Equal(600, fullErrors.Length); // badhit, both badplain kinds, unreadable: 150 each
        Assert.Equal(0, full.Progress.NotValidated);

        // Errors of records that could be hits (and of text that is not SMILES) are unchanged, in order;
        // the invalid records without a core are not validated, so not among the errors.
        Assert.Equal(fullErrors.Where(e => !e.Contains("(badplain-", StringComparison.Ordinal)), fastErrors);
        Assert.Equal(300, fastErrors.Length);
        Assert.Equal(1500 - 150 - 150 - 150, hitsOnly.Progress.NotValidated); // plain and badplain
        Assert.Equal(1500, hitsOnly.Progress.Records);
    }

    [Fact]
    public void Cli_SaysHowManyWereNotValidated_AndRefusesHitsWithAll()
    {
        var file = Catalogue();
        var (exit, _, err) = CliRunner.Run("screen", file, "-o", dir.Combine("out.jsonl"), "--validate", "hits", "--quiet");
        Assert.Equal(0, exit);
        Assert.Contains("1050 records could hold no formula core and were not validated (--validate hits)", err, StringComparison.Ordinal);

        var (exitAll, _, errAll) = CliRunner.Run("screen", file, "-o", dir.Combine("all.jsonl"), "--validate", "hits", "--all", "--quiet");
        Assert.NotEqual(0, exitAll);
        Assert.Contains("--validate hits cannot go with --all", errAll, StringComparison.Ordinal);

        var (exitBad, _, errBad) = CliRunner.Run("screen", file, "-o", dir.Combine("bad.jsonl"), "--validate", "some", "--quiet");
        Assert.NotEqual(0, exitBad);
        Assert.Contains("--validate: expected 'all' or 'hits', not 'some'", errBad, StringComparison.Ordinal);
    }
}
