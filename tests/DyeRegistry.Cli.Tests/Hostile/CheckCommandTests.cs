using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests.Hostile;

/// <summary>dyereg check: a sound registry passes; a damaged record is reported by id with exit 1,
/// and export rescues every other record.</summary>
public sealed class CheckCommandTests
{
    [Fact]
    public void Check_PassesASoundRegistry_AndNamesADamagedRecord()
    {
        using var temp = new TempFolder();
        var registry = temp.Combine("r.db");
        Assert.Equal(0, CliRunner.Run("import", HostileRecords.Samples, "--registry", registry).Exit);
        var sound = CliRunner.Run("check", "--registry", registry);
        Assert.True(sound.Exit == 0, sound.Out + sound.Err);
        Assert.Contains("no problems found", sound.Err, StringComparison.Ordinal);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={registry};Pooling=False"))
        {
            raw.Open();
            using var cmd = raw.CreateCommand();
            // Damage one document without its checksum knowing (as flipped bits would).
            cmd.CommandText = "UPDATE records SET document = replace(document, 'glossy', 'glossx') WHERE id = 'MED-1'";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        var damaged = CliRunner.Run("check", "--registry", registry);
        Assert.Equal(1, damaged.Exit);
        Assert.StartsWith("MED-1: ", damaged.Out, StringComparison.Ordinal);
        Assert.Contains("does not match its checksum", damaged.Out, StringComparison.Ordinal);

        var export = CliRunner.Run("export", "--registry", registry);
        Assert.Equal(1, export.Exit);
        Assert.Contains("not exported: ", export.Err, StringComparison.Ordinal);
        Assert.Contains("SHEET-1", export.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\"MED-1\"", export.Out, StringComparison.Ordinal);
    }
}
