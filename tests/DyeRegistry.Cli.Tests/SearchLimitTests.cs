using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests;

/// <summary>
/// `search --limit N`: the first N hits in the search's own order (by id; similarity best first),
/// and a line saying more exist, so a million-dye registry answers without listing every hit.
/// </summary>
public sealed class SearchLimitTests : IDisposable
{
    // Five azo dyes: the azo SMARTS finds all five; similarity ranks them against the first.
    private const string Dyes =
        "CN(C)c1ccc(N=Nc2ccc(S(=O)(=O)O)cc2)cc1 AZ-1\n" +
        "CCN(CC)c1ccc(N=Nc2ccc(S(=O)(=O)O)cc2)cc1 AZ-2\n" +
        "CCN(CCO)c1ccc(N=Nc2ccc([N+](=O)[O-])cc2)cc1 AZ-3\n" +
        "Oc1ccc(N=Nc2ccccc2)cc1 AZ-4\n" +
        "Nc1ccc(N=Nc2ccccc2)cc1 AZ-5\n";

    private readonly TempFolder dir = new("dyereg-limit-");

    public SearchLimitTests() =>
        Assert.Equal(0, CliRunner.Run("import", dir.File("azo.smi", Dyes), "--registry", Registry).Exit);

    public void Dispose() => dir.Dispose();

    private string Registry => dir.Combine("r.db");

    private static string[] Ids(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0])];

    [Fact]
    public void Limit_GivesTheFirstHitsOfTheWholeSearch_AndSaysMoreExist()
    {
        var all = CliRunner.Run("search", "--smarts", "cN=Nc", "--registry", Registry);
        Assert.True(all.Exit == 0, all.Err);
        Assert.Equal(5, Ids(all.Out).Length);

        var some = CliRunner.Run("search", "--smarts", "cN=Nc", "--limit", "2", "--registry", Registry);
        Assert.True(some.Exit == 0, some.Err);
        Assert.Equal(Ids(all.Out)[..2], Ids(some.Out));
        Assert.Contains("2 hits shown (--limit 2); more exist", some.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Limit_AtOrAboveTheHitCount_IsTheWholeSearch_WithoutMoreSaid()
    {
        var exact = CliRunner.Run("search", "--smarts", "cN=Nc", "--limit", "5", "--registry", Registry);
        Assert.True(exact.Exit == 0, exact.Err);
        Assert.Equal(5, Ids(exact.Out).Length);
        Assert.DoesNotContain("more exist", exact.Err, StringComparison.Ordinal);
        Assert.Contains("5 hits", exact.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Limit_OnSimilarity_KeepsTheBestFirst()
    {
        var all = CliRunner.Run("search", "--similar", "CN(C)c1ccc(N=Nc2ccc(S(=O)(=O)O)cc2)cc1", "--min-tanimoto", "0.1", "--registry", Registry);
        Assert.True(all.Exit == 0, all.Err);
        Assert.True(Ids(all.Out).Length >= 3, all.Out);
        var top = CliRunner.Run("search", "--similar", "CN(C)c1ccc(N=Nc2ccc(S(=O)(=O)O)cc2)cc1", "--min-tanimoto", "0.1", "--limit", "1", "--registry", Registry);
        Assert.Equal(["AZ-1"], Ids(top.Out));
        Assert.Equal(Ids(all.Out)[0], Ids(top.Out)[0]);
    }

    [Fact]
    public void NegativeLimit_IsRefused_NamingTheOption()
    {
        var (exit, _, err) = CliRunner.Run("search", "--smarts", "cN=Nc", "--limit", "-1", "--registry", Registry);
        Assert.NotEqual(0, exit);
        Assert.Contains("--limit", err, StringComparison.Ordinal);
    }
}
