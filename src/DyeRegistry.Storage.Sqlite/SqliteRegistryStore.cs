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

    /// <summary>Opens (creating when <paramref name="create"/>) the registry file and migrates it.
    /// With <paramref name="readOnly"/> the file is only read: no migration, no journal change, and
    /// a registry on read-only storage (or without write permission) serves every read.</summary>
    public static SqliteRegistryStore Open(string path, bool create, bool readOnly = false)
    {
        if (!create && !File.Exists(path))
        {
            throw new RegistryException($"no registry at '{path}' (create one with: dyereg init --registry {path})");
        }

        if (Directory.Exists(path))
        {
            throw new RegistryException($"registry {path} is a directory, not a registry file");
        }

        if (readOnly)
        {
            return OpenReadOnly(path);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        var store = new SqliteRegistryStore(path, connection);
        try
        {
            store.Guard(() =>
            {
                connection.Open();
                AddFunctions(connection);
                // Wait for a lock held by another process before anything else: two first uses of a
                // new registry must not race on switching the journal or creating the schema.
                store.Execute("PRAGMA busy_timeout=10000;");
                store.Execute("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
                store.Migrate();
                return 0;
            });
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    // A registry that is only read: SQLite's read-only mode; when the write-ahead log's shared
    // memory cannot be created beside a read-only file, as an immutable file (nothing else may
    // write it meanwhile, which read-only storage guarantees).
    private static SqliteRegistryStore OpenReadOnly(string path)
    {
        SqliteRegistryStore Try(string dataSource)
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dataSource, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            var store = new SqliteRegistryStore(path, connection);
            try
            {
                connection.Open();
                AddFunctions(connection);
                store.Execute("PRAGMA busy_timeout=10000;");
                store.CheckSchemaReadable();
                return store;
            }
            catch
            {
                store.Dispose();
                throw;
            }
        }

        try
        {
            return Try(path);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 8 or 14) // SQLITE_READONLY, SQLITE_CANTOPEN (the -shm file)
        {
            try
            {
                return Try($"file:{Uri.EscapeDataString(Path.GetFullPath(path)).Replace("%2F", "/", StringComparison.Ordinal)}?immutable=1");
            }
            catch (SqliteException inner)
            {
                throw Named(path, inner);
            }
        }
        catch (SqliteException e)
        {
            throw Named(path, e);
        }
    }

    public void Dispose()
    {
        try
        {
            connection.Dispose();
        }
        catch (SqliteException)
        {
            // closing rolls back a transaction SQLite already ended itself (after a full disk):
            // nothing of it was stored, and the error that ended it has been reported
        }
    }

    public string IntegrityCheck() => Guard(() => string.Join("; ", Rows("PRAGMA integrity_check", r => r.GetString(0))));

    // BEGIN IMMEDIATE: the write lock first (waiting up to the busy timeout for another writer),
    // so what the transaction reads stays true until it commits; a deferred one that read before
    // another process committed could not write afterwards (SQLITE_BUSY, without waiting).
    public IRegistryTransaction Begin() => Guard(() => new SqliteRegistryTransaction(this, connection.BeginTransaction(deferred: false)));

    // Each step runs in its own write transaction (BEGIN IMMEDIATE: the write lock first), and
    // the version is read inside it, so a second process that opened the same new registry at the
    // same moment waits, then finds the step done and skips it.
    private void Migrate()
    {
        var latest = Migrations.Steps[^1].Version;
        var hasTable = Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'") is long n && n > 0;
        if (hasTable && CurrentVersion(null) is var found && found >= latest)
        {
            // Up to date (or newer, refused below): nothing is written, so a registry this process
            // may not write still opens for reading.
            if (found > latest)
            {
                throw new RegistryException($"registry '{Location}' has schema version {found}, newer than this dyereg ({latest}): update dyereg");
            }

            SchemaVersion = latest;
            return;
        }

        using (var create = connection.BeginTransaction(deferred: false))
        {
            Execute("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)", create);
            create.Commit();
        }

        foreach (var step in Migrations.Steps)
        {
            using var tx = connection.BeginTransaction(deferred: false);
            var current = CurrentVersion(tx);
            if (current > latest)
            {
                throw new RegistryException($"registry '{Location}' has schema version {current}, newer than this dyereg ({latest}): update dyereg");
            }

            if (step.Version <= current)
            {
                continue;
            }

            Execute(step.Sql, tx);
            step.Fill?.Invoke(this, tx);
            Execute($"DELETE FROM schema_version; INSERT INTO schema_version VALUES ({step.Version})", tx);
            tx.Commit();
        }

        SchemaVersion = latest;
    }

    private void CheckSchemaReadable()
    {
        var latest = Migrations.Steps[^1].Version;
        var hasTable = Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'") is long n && n > 0;
        var current = hasTable ? CurrentVersion(null) : 0;
        if (current != latest)
        {
            throw new RegistryException(current > latest
                ? $"registry '{Location}' has schema version {current}, newer than this dyereg ({latest}): update dyereg"
                : $"registry '{Location}' has schema version {current}; this dyereg needs {latest}: open it once with write access (dyereg init --registry {Location}) to migrate it");
        }

        SchemaVersion = latest;
    }

    private int CurrentVersion(SqliteTransaction? tx) =>
        Convert.ToInt32(Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version", tx), CultureInfo.InvariantCulture);

    /// <summary>Runs a storage operation; a SQLite failure becomes a <see cref="RegistryException"/>
    /// that names this registry and says what the failure means.</summary>
    internal T Guard<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (SqliteException e)
        {
            throw Named(Location, e);
        }
    }

    internal void Guard(Action operation) => Guard(() =>
    {
        operation();
        return 0;
    });

    private static RegistryException Named(string location, SqliteException e) => new(e.SqliteErrorCode switch
    {
        13 => $"registry {location}: the disk is full (SQLite: {e.Message})",
        8 => $"registry {location}: the registry is read-only here; this command needs to write it (SQLite: {e.Message})",
        5 or 6 => $"registry {location}: locked by another process for more than 10 s; try again (SQLite: {e.Message})",
        11 or 26 => $"registry {location}: the file is damaged or is not a registry; run dyereg check --registry {location} (SQLite: {e.Message})",
        14 => $"registry {location}: cannot be opened (SQLite: {e.Message})",
        10 => $"registry {location}: input/output error (SQLite: {e.Message})",
        _ => $"registry {location}: {e.Message}",
    }, e);

    internal int Execute(string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, tx, parameters);
        return cmd.ExecuteNonQuery();
    }

    internal List<T> Rows<T>(string sql, Func<SqliteDataReader, T> read, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, tx, parameters);
        using var reader = cmd.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
        {
            list.Add(read(reader));
        }

        return list;
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

    // Cut to microseconds, as PostgreSQL keeps them: a registry copied there and back is identical.
    internal static string Now()
    {
        var now = DateTimeOffset.UtcNow;
        return Time(now.AddTicks(-(now.Ticks % 10)));
    }

    internal static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
