using DyeRegistry.Storage.Sqlite;

namespace DyeRegistry.Registry.Tests;

public sealed class StoreTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dyereg-store-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Open_MigratesOnce_UsesWal_AndPassesIntegrityCheck()
    {
        var path = Path.Combine(folder, "r.db");
        using (var store = SqliteRegistryStore.Open(path, create: true))
        {
            Assert.Equal(7, store.SchemaVersion);
            Assert.Equal("ok", store.IntegrityCheck());
        }

        using (var again = SqliteRegistryStore.Open(path, create: false))
        {
            Assert.Equal(7, again.SchemaVersion);
        }

        Assert.True(File.Exists(path + "-wal") || File.Exists(path));
    }

    [Fact]
    public void Open_MigratesASchema2Registry_AndChecksumsItsDocuments()
    {
        var path = Path.Combine(folder, "old.db");
        using (var store = SqliteRegistryStore.Open(path, create: true))
        using (var tx = store.Begin())
        {
            tx.Put("P-1", Storage.Records.RecordKind.Polymer, new System.Text.Json.Nodes.JsonObject { ["kind"] = "polymer", ["id"] = "P-1" }, []);
            tx.Commit();
        }

        // What a registry written before checksums looks like.
        using (var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            raw.Open();
            using var cmd = raw.CreateCommand();
            cmd.CommandText = "ALTER TABLE records DROP COLUMN document_sha256; ALTER TABLE record_history DROP COLUMN changed_by; DROP TABLE dye_parents; DROP TABLE dye_formulas; DROP INDEX dyes_by_formula_stamp; ALTER TABLE computed_quantities DROP COLUMN source; ALTER TABLE computed_quantities DROP COLUMN low; ALTER TABLE computed_quantities DROP COLUMN high; ALTER TABLE computed_quantities DROP COLUMN stamp; DELETE FROM schema_version; INSERT INTO schema_version VALUES (2);";
            cmd.ExecuteNonQuery();
        }

        using (var migrated = SqliteRegistryStore.Open(path, create: false))
        {
            Assert.Equal(7, migrated.SchemaVersion);
            Assert.NotNull(migrated.Get("P-1"));
        }

        using (var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            raw.Open();
            using var cmd = raw.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM records WHERE document_sha256 IS NULL";
            Assert.Equal(0L, cmd.ExecuteScalar());
        }
    }

    [Fact]
    public void Open_WithoutCreate_SaysHowToCreate()
    {
        var e = Assert.Throws<Storage.RegistryException>(() => SqliteRegistryStore.Open(Path.Combine(folder, "none.db"), create: false));
        Assert.Contains("dyereg init", e.Message);
    }
}
