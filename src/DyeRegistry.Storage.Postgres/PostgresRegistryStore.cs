using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace DyeRegistry.Storage.Postgres;

/// <summary>
/// The registry in a PostgreSQL 15 database with the RDKit cartridge: the team store, many
/// writers at once. Migrations run on open; every change in one transaction with its history
/// row and who made it; duplicates decided by a unique parent key.
/// </summary>
/// <remarks>Each read takes a pooled connection of its own (so a streamed <see cref="Dyes"/> and
/// reads of single records may overlap); a transaction holds one connection until it ends.</remarks>
public sealed partial class PostgresRegistryStore : IRegistryStore
{
    // Serializes schema steps between processes opening the same database (any fixed number).
    private const long MigrationLock = 0x4479655265670001;

    // Data sources (connection pools) a long-running process shares between the stores it opens
    // for each request (OpenShared), by connection string, with the schema version found once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(NpgsqlDataSource Source, string Location, int Version)>> Shared = new(StringComparer.Ordinal);

    private readonly NpgsqlDataSource dataSource;
    private readonly bool ownsDataSource;

    private PostgresRegistryStore(string location, NpgsqlDataSource dataSource, bool ownsDataSource = true)
    {
        Location = location;
        this.dataSource = dataSource;
        this.ownsDataSource = ownsDataSource;
    }

    public string Location { get; }

    public int SchemaVersion { get; private set; }

    /// <summary>Opens the registry in the database a URL or connection string names, and migrates
    /// it. Without <paramref name="create"/> a database without a registry is an error saying how
    /// to create one.</summary>
    public static PostgresRegistryStore Open(string location, bool create)
    {
        var builder = PostgresLocation.Parse(location);
        builder.ApplicationName ??= "dyereg";
        if (builder.MaxAutoPrepare == 0)
        {
            // The same few statements run for every record written or read: prepared on each
            // connection after their second use, the server parses and plans each once, not per dye.
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        // A connection back in the pool is otherwise reset before its next use (with prepared
        // statements: CLOSE ALL, RESET ALL, UNLISTEN, advisory unlock, DISCARD SEQUENCES and TEMP,
        // parsed and run by the server each time): an import takes a pooled connection per record,
        // and the reset was about a tenth of the server's CPU per dye. This store leaves no session
        // state to reset: its settings are SET LOCAL, its cursors end with their transaction, its
        // advisory lock is a transaction's, it makes no temporary tables and listens to nothing.
        builder.NoResetOnClose = true;

        var store = new PostgresRegistryStore(PostgresLocation.Describe(builder), NpgsqlDataSource.Create(builder));
        try
        {
            store.Guard(() => store.Migrate(create));
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    /// <summary>As <see cref="Open"/> (without creating), for a process that opens the registry
    /// again and again (the server, per request): the first open migrates and keeps its connection
    /// pool for the process; later ones reuse it (no new pool, no new connection, no schema
    /// queries), and disposing such a store leaves the pool to the next.</summary>
    public static PostgresRegistryStore OpenShared(string location)
    {
        var entry = Shared.GetOrAdd(location, key => new Lazy<(NpgsqlDataSource, string, int)>(() =>
        {
            var first = Open(key, create: false);
            return (first.dataSource, first.Location, first.SchemaVersion);
        }));
        try
        {
            var (source, described, version) = entry.Value;
            return new PostgresRegistryStore(described, source, ownsDataSource: false) { SchemaVersion = version };
        }
        catch
        {
            // a failed first open (server down, no registry) is tried again by the next caller
            Shared.TryRemove(new KeyValuePair<string, Lazy<(NpgsqlDataSource, string, int)>>(location, entry));
            throw;
        }
    }

    public void Dispose()
    {
        if (ownsDataSource)
        {
            dataSource.Dispose();
        }
    }

    public IRegistryTransaction Begin() => Guard(() =>
    {
        var connection = dataSource.OpenConnection();
        try
        {
            return new PostgresRegistryTransaction(this, connection, connection.BeginTransaction(System.Data.IsolationLevel.ReadCommitted));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    });

    /// <summary>PostgreSQL keeps its own consistency (constraints, checksummed pages when enabled);
    /// this checks what it cannot: every dye has a record, every parent key owner is a dye.</summary>
    public string IntegrityCheck() => Guard(() =>
    {
        using var connection = dataSource.OpenConnection();
        var orphans = Convert.ToInt64(Scalar(connection, null,
            "SELECT (SELECT count(*) FROM dye_structures d WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.id = d.id)) + " +
            "(SELECT count(*) FROM dye_parents p WHERE NOT EXISTS (SELECT 1 FROM dye_structures d WHERE d.id = p.id))"), CultureInfo.InvariantCulture);
        return orphans == 0 ? "ok" : $"{orphans} rows without their record";
    });

    private int Migrate(bool create)
    {
        var latest = Migrations.Steps[^1].Version;
        using var connection = OpenConnection();
        var found = Scalar(connection, null, "SELECT to_regclass('schema_version') IS NOT NULL") is true ? CurrentVersion(connection, null) : 0;
        if (found > latest)
        {
            throw new RegistryException($"registry {Location} has schema version {found}, newer than this dyereg ({latest}): update dyereg");
        }

        if (found == latest)
        {
            // Up to date: nothing is written, so a user who may only read still opens it.
            return SchemaVersion = latest;
        }

        if (found == 0 && !create)
        {
            throw new RegistryException($"no registry in {Location} (create one with: dyereg init --registry <the same URL>)");
        }

        foreach (var step in Migrations.Steps)
        {
            using var tx = connection.BeginTransaction();
            Execute(connection, tx, $"SELECT pg_advisory_xact_lock({MigrationLock}); CREATE TABLE IF NOT EXISTS schema_version(version integer NOT NULL)");
            var current = CurrentVersion(connection, tx);
            if (current > latest)
            {
                throw new RegistryException($"registry {Location} has schema version {current}, newer than this dyereg ({latest}): update dyereg");
            }

            if (step.Version <= current)
            {
                continue;
            }

            try
            {
                Execute(connection, tx, step.Sql);
            }
            catch (PostgresException e) when (e.SqlState is "58P01" or "0A000" && step.Sql.Contains("CREATE EXTENSION", StringComparison.Ordinal))
            {
                throw new RegistryException($"registry {Location}: the RDKit cartridge is not installed on the database server (Debian: apt-get install postgresql-15-rdkit), needed for schema step {step.Version} ({e.MessageText})", e);
            }
            catch (PostgresException e) when (e.SqlState == "42501" && step.Sql.Contains("CREATE EXTENSION", StringComparison.Ordinal))
            {
                throw new RegistryException($"registry {Location}: this user may not create the RDKit cartridge extension; a database owner or superuser must run once: CREATE EXTENSION rdkit; ({e.MessageText})", e);
            }

            Execute(connection, tx, $"DELETE FROM schema_version; INSERT INTO schema_version VALUES ({step.Version})");
            tx.Commit();
        }

        return SchemaVersion = latest;
    }

    private static int CurrentVersion(NpgsqlConnection connection, NpgsqlTransaction? tx) =>
        Convert.ToInt32(Scalar(connection, tx, "SELECT COALESCE(MAX(version), 0) FROM schema_version"), CultureInfo.InvariantCulture);

    internal NpgsqlConnection OpenConnection() => dataSource.OpenConnection();

    /// <summary>Runs a storage operation; a PostgreSQL failure becomes a <see cref="RegistryException"/>
    /// that names this registry and says what the failure means.</summary>
    internal T Guard<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (PostgresException e)
        {
            throw Named(Location, e);
        }
        catch (NpgsqlException e)
        {
            throw new RegistryException($"registry {Location}: cannot reach the database server ({e.Message})", e);
        }
    }

    internal void Guard(Action operation) => Guard(() =>
    {
        operation();
        return 0;
    });

    private static RegistryException Named(string location, PostgresException e) => e.SqlState switch
    {
        // Another writer got there first: the transaction was refused whole and may be applied again.
        "40P01" or "40001" or "23505" => new ConcurrentWriteException($"registry {location}: another writer changed the same records at the same time; nothing of this change was written ({e.MessageText})", e),
        "28P01" or "28000" => new RegistryException($"registry {location}: the server refused the login ({e.MessageText})", e),
        "3D000" => new RegistryException($"registry {location}: the database does not exist; create it first (createdb) ({e.MessageText})", e),
        "53100" => new RegistryException($"registry {location}: the database server's disk is full ({e.MessageText})", e),
        "25006" or "42501" => new RegistryException($"registry {location}: this user may not write the registry; this command needs to write it ({e.MessageText})", e),
        // A table of the schema is missing: the database was dropped and created again (or is
        // another database) under a store that had opened it.
        "42P01" => new RegistryException($"registry {location} has no registry tables (the database was dropped and created again, or is not a registry): create it with dyereg init --registry <the same URL>, or restore it from a backup ({e.MessageText})", e),
        "57P01" or "57P02" or "57P03" => new RegistryException($"registry {location}: the database server is shutting down or starting; try again ({e.MessageText})", e),
        _ => new RegistryException($"registry {location}: {e.MessageText} (PostgreSQL {e.SqlState})", e),
    };

    internal static int Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(connection, tx, sql, parameters);
        return cmd.ExecuteNonQuery();
    }

    internal static List<T> Rows<T>(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, Func<NpgsqlDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(connection, tx, sql, parameters);
        using var reader = cmd.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
        {
            list.Add(read(reader));
        }

        return list;
    }

    internal static object? Scalar(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(connection, tx, sql, parameters);
        var value = cmd.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    internal static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, connection, tx);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    /// <summary>The SHA-256 of a stored document's text, as hex (as the SQLite store computes it).</summary>
    internal static string Checksum(string document) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    internal static string Json(JsonNode node) => node.ToJsonString();

    internal static string Json(IReadOnlyList<string> list) => JsonSerializer.Serialize(list);

    internal static string[] Strings(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    // PostgreSQL keeps microseconds: the time is cut to them here, so what is read back equals what was written.
    internal static DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow;
        return now.AddTicks(-(now.Ticks % 10));
    }
}
