using DyeRegistry.Storage.Stores;
using Microsoft.Data.Sqlite;

namespace DyeRegistry.Storage.Tests;

/// <summary>A fresh, empty registry location of one kind of store, for one test.</summary>
public interface IStoreFixture : IDisposable
{
    /// <summary>What <c>--registry</c> would be given.</summary>
    string Location { get; }

    /// <summary>Opens the store through the factory the CLI uses.</summary>
    IRegistryStore Open(bool create = true) => RegistryStores.Open(Location, create);

    /// <summary>Changes a stored document behind the store's back (what a damaged page or a
    /// hand edit does), keeping its checksum.</summary>
    void DamageDocument(string id);
}

public sealed class SqliteFixture : IStoreFixture
{
    private readonly string folder = Directory.CreateTempSubdirectory("dyereg-contract-").FullName;

    public string Location => Path.Combine(folder, "registry.db");

    public void DamageDocument(string id)
    {
        using var connection = new SqliteConnection($"Data Source={Location};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE records SET document = replace(document, 'polymer', 'polymeR') WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

public sealed class PostgresFixture : IStoreFixture
{
    private readonly TestDatabase database = TestPostgres.Database();

    public string Location => database.Url;

    internal TestDatabase Database => database;

    public void DamageDocument(string id) =>
        database.Scalar($"UPDATE records SET document = replace(document, 'polymer', 'polymeR') WHERE id = '{id.Replace("'", "''", StringComparison.Ordinal)}'");

    public void Dispose() => database.Dispose();
}
