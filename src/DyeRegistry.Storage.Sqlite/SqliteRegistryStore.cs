using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DyeRegistry.Storage.Records;
using Microsoft.Data.Sqlite;

namespace DyeRegistry.Storage.Sqlite;

/// <summary>
/// The registry in one SQLite file: write-ahead logging, foreign keys on, migrations run on open,
/// every change in one transaction (a killed process leaves each record whole or absent).
/// </summary>
/// <remarks>One instance per thread of use (a SQLite connection is not shared between threads).</remarks>
public sealed partial class SqliteRegistryStore : IRegistryStore
{
    private readonly SqliteConnection connection;

    static SqliteRegistryStore() => SQLitePCL.Batteries.Init();

    private SqliteRegistryStore(string path, SqliteConnection connection)
    {
        Location = path;
        this.connection = connection;
    }

    public string Location { get; }

    public int SchemaVersion { get; private set; }

    /// <summary>Opens (creating when <paramref name="create"/>) the registry file and migrates it.</summary>
    public static SqliteRegistryStore Open(string path, bool create)
    {
        if (!create && !File.Exists(path))
        {
            throw new RegistryException($"no registry at '{path}' (create one with: dyereg init --registry {path})");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        connection.Open();
        var store = new SqliteRegistryStore(path, connection);
        try
        {
            store.Execute("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;");
            store.Migrate();
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    public void Dispose() => connection.Dispose();

    public string IntegrityCheck() => (string)Scalar("PRAGMA integrity_check")!;

    public IRegistryTransaction Begin() => new SqliteRegistryTransaction(this, connection.BeginTransaction());

    private void Migrate()
    {
        Execute("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)");
        var current = Convert.ToInt32(Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version"), CultureInfo.InvariantCulture);
        var latest = Migrations.Steps[^1].Version;
        if (current > latest)
        {
            throw new RegistryException($"registry '{Location}' has schema version {current}, newer than this dyereg ({latest}): update dyereg");
        }

        foreach (var (version, _, sql) in Migrations.Steps.Where(s => s.Version > current))
        {
            using var tx = connection.BeginTransaction();
            Execute(sql, tx);
            Execute($"DELETE FROM schema_version; INSERT INTO schema_version VALUES ({version})", tx);
            tx.Commit();
        }

        SchemaVersion = latest;
    }

    internal void Execute(string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, tx, parameters);
        cmd.ExecuteNonQuery();
    }

    internal object? Scalar(string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, tx, parameters);
        return cmd.ExecuteScalar();
    }

    internal SqliteCommand Command(string sql, SqliteTransaction? tx, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    internal static string Json(JsonNode node) => node.ToJsonString();

    internal static string Json(IReadOnlyList<string> list) => JsonSerializer.Serialize(list);

    internal static string[] Strings(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    internal static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
}
