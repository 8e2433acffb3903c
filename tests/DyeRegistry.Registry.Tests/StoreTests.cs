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
            Assert.Equal(2, store.SchemaVersion);
            Assert.Equal("ok", store.IntegrityCheck());
        }

        using (var again = SqliteRegistryStore.Open(path, create: false))
        {
            Assert.Equal(2, again.SchemaVersion);
        }

        Assert.True(File.Exists(path + "-wal") || File.Exists(path));
    }

    [Fact]
    public void Open_WithoutCreate_SaysHowToCreate()
    {
        var e = Assert.Throws<Storage.RegistryException>(() => SqliteRegistryStore.Open(Path.Combine(folder, "none.db"), create: false));
        Assert.Contains("dyereg init", e.Message);
    }
}
