using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests;

/// <summary>dyereg check on a registry whose stored parent key an older standardization rule
/// computed: the dye is named, --fix rewrites it, and the registry then checks clean.</summary>
public sealed class CheckStaleKeysTests
{
    // The 1:2 chromium complex, sodium salt.
    private const string OneToTwo = "[O-]c1ccc([N+](=O)[O-])cc1N=Nc1c([O-])ccc2ccccc12.[O-]c1ccc([N+](=O)[O-])cc1N=Nc1c([O-])ccc2ccccc12.[Cr+3].[Na+]";

    [Fact]
    public void StaleParentKey_IsReported_AndFixRewritesIt()
    {
        using var temp = new TempFolder();
        var registry = temp.Combine("r.db");
        var smi = temp.Combine("cr.smi");
        File.WriteAllText(smi, OneToTwo + " CR-12\n");
        Assert.Equal(0, CliRunner.Run("import", smi, "--registry", registry).Exit);
        Assert.Equal(0, CliRunner.Run("check", "--registry", registry).Exit);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        string key;
        using (var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={registry};Pooling=False"))
        {
            raw.Open();
            using var read = raw.CreateCommand();
            read.CommandText = "SELECT parent_key FROM dye_structures WHERE id = 'CR-12'";
            key = (string)read.ExecuteScalar()!;
            using var cmd = raw.CreateCommand();
            // As a registry from before metal complexes were registered whole stored it.
            cmd.CommandText = "UPDATE dye_structures SET parent_key = 'older-rule-key' WHERE id = 'CR-12'";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        var stale = CliRunner.Run("check", "--registry", registry);
        Assert.Equal(1, stale.Exit);
        Assert.StartsWith("CR-12: parent stored under an older standardization rule (key older-rule-key, today " + key + ")", stale.Out, StringComparison.Ordinal);

        var fix = CliRunner.Run("check", "--registry", registry, "--fix");
        Assert.True(fix.Exit == 0, fix.Out + fix.Err);
        Assert.Contains("rewritten", fix.Out, StringComparison.Ordinal);
        var again = CliRunner.Run("check", "--registry", registry);
        Assert.True(again.Exit == 0, again.Out + again.Err);
        Assert.Contains("no problems found", again.Err, StringComparison.Ordinal);
    }
}
