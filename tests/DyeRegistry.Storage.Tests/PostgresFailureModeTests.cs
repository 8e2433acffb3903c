using System.Diagnostics;
using System.Text.Json.Nodes;
using DyeRegistry.Storage.Accounts;
using DyeRegistry.Storage.Records;
using DyeRegistry.Storage.Stores;
using DyeRegistry.TestSupport;
using Npgsql;

namespace DyeRegistry.Storage.Tests;

/// <summary>
/// How a PostgreSQL registry fails, against the throw-away cluster: a server without the RDKit
/// cartridge, a database owner who may not create it, a user who may only read, and a registry
/// whose database is dropped and created again under a running store. Each failure is a
/// <see cref="RegistryException"/> that says what is wrong and what to do.
/// </summary>
public sealed class PostgresFailureModeTests
{
    private static JsonObject Polymer(string id) => new() { ["kind"] = "polymer", ["id"] = id, ["name"] = id };

    [Fact]
    public void AServerWithoutTheCartridge_IsReportedWithHowToInstallIt()
    {
        // A second cluster whose server has no rdkit.control (scripts/test-postgres.sh).
        var script = RepositoryFiles.Path("scripts/test-postgres.sh");
        var connection = Run(script, "start-without-cartridge");
        try
        {
            var location = new NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ConnectionString;
            var e = Assert.Throws<RegistryException>(() => RegistryStores.Open(location, create: true));
            Assert.Contains("RDKit cartridge is not installed", e.Message, StringComparison.Ordinal);
            Assert.Contains("apt-get install postgresql-15-rdkit", e.Message, StringComparison.Ordinal);

            // Nothing half-made: the steps before the cartridge's are kept (each is whole), and the
            // same error comes again on the next open, not another one.
            var again = Assert.Throws<RegistryException>(() => RegistryStores.Open(location, create: true));
            Assert.Equal(e.Message, again.Message);
        }
        finally
        {
            Run(script, "stop-without-cartridge");
        }
    }

    [Fact]
    public void AnOwnerWhoMayNotCreateTheCartridge_IsToldWhoMust()
    {
        using var role = new TestRole("owner", "LOGIN");
        using var database = TestPostgres.Database();
        database.Scalar($"ALTER DATABASE {database.Name} OWNER TO {role.Name}; GRANT ALL ON SCHEMA public TO {role.Name}");
        var e = Assert.Throws<RegistryException>(() => RegistryStores.Open(role.Location(database), create: true));
        Assert.Contains("may not create the RDKit cartridge extension", e.Message, StringComparison.Ordinal);
        Assert.Contains("CREATE EXTENSION rdkit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AReadOnlyUser_ReadsAndSearches_AndIsRefusedEveryWriteWithNothingWritten()
    {
        using var role = new TestRole("reader", "LOGIN");
        using var database = TestPostgres.Database();
        using (var store = RegistryStores.Open(database.Url, create: true))
        using (var tx = store.Begin())
        {
            tx.Put("P-1", RecordKind.Polymer, Polymer("P-1"), []);
            tx.Commit();
        }

        database.Scalar($"GRANT USAGE ON SCHEMA public TO {role.Name}; GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role.Name}");
        using var reader = RegistryStores.OpenForReading(role.Location(database));
        Assert.Equal("P-1", reader.Get("P-1")!.Id);
        Assert.Equal(["P-1"], reader.Records().Select(r => r.Id));
        Assert.Empty(reader.SubstructureCandidates("N=N"));
        Assert.Equal("ok", reader.IntegrityCheck());

        var refused = Assert.Throws<RegistryException>(() =>
        {
            using var tx = reader.Begin();
            tx.Put("P-2", RecordKind.Polymer, Polymer("P-2"), []);
            tx.Commit();
        });
        Assert.Contains("may not write the registry", refused.Message, StringComparison.Ordinal);
        var update = Assert.Throws<RegistryException>(() =>
        {
            using var tx = reader.Begin();
            tx.Put("P-1", RecordKind.Polymer, new JsonObject { ["kind"] = "polymer", ["id"] = "P-1", ["name"] = "changed" }, []);
            tx.Commit();
        });
        Assert.Contains("may not write the registry", update.Message, StringComparison.Ordinal);
        using (var accounts = RegistryStores.OpenAccounts(role.Location(database)))
        {
            var account = Assert.Throws<RegistryException>(() => accounts.Add(new Account("anna", "viewer", "h", null, 0, null, null, DateTimeOffset.UtcNow)));
            Assert.Contains("may not write the registry", account.Message, StringComparison.Ordinal);
        }

        Assert.Equal(["P-1"], reader.Records().Select(r => r.Id));
        Assert.Equal(1, reader.HistoryCount());
    }

    [Fact]
    public void ARegistryDroppedAndCreatedAgain_IsEmptyOrMissing_AndARunningStoreSaysSo()
    {
        using var database = TestPostgres.Database();
        using var running = RegistryStores.Open(database.Url, create: true);
        using (var tx = running.Begin())
        {
            tx.Put("P-1", RecordKind.Polymer, Polymer("P-1"), []);
            tx.Commit();
        }

        database.Recreate();

        // Without create: no registry there, and how to make one.
        var missing = Assert.Throws<RegistryException>(() => RegistryStores.Open(database.Url, create: false));
        Assert.Contains("no registry in", missing.Message, StringComparison.Ordinal);
        Assert.Contains("dyereg init", missing.Message, StringComparison.Ordinal);

        // The store opened before: its connections were ended; once it reconnects it finds no
        // tables, and says so (never an empty answer as if the registry were empty).
        var messages = new List<string>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            messages.Add(Assert.Throws<RegistryException>(() => running.Get("P-1")).Message);
        }

        Assert.Contains(messages, m => m.Contains("has no registry tables", StringComparison.Ordinal));

        // Created again: empty, at the latest schema, and writable.
        using var fresh = RegistryStores.Open(database.Url, create: true);
        Assert.Equal(running.SchemaVersion, fresh.SchemaVersion);
        Assert.Empty(fresh.Records());
        using (var tx = fresh.Begin())
        {
            tx.Put("P-2", RecordKind.Polymer, Polymer("P-2"), []);
            tx.Commit();
        }

        Assert.Equal(["P-2"], fresh.Records().Select(r => r.Id));
        Assert.Null(running.Get("P-1"));
    }

    private static string Run(string script, string command)
    {
        var start = new ProcessStartInfo("bash", [script, command]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryFiles.Root };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{script} {command} failed: {error.Result}");
        return output.Trim();
    }

    /// <summary>A login role on the test server, dropped after (with what it owns).</summary>
    private sealed class TestRole : IDisposable
    {
        private readonly string server = TestPostgres.ServerConnection;

        public TestRole(string what, string options)
        {
            Name = $"dyereg_{what}_{Guid.NewGuid():N}";
            Password = Guid.NewGuid().ToString("N");
            Execute($"CREATE ROLE {Name} {options} PASSWORD '{Password}'");
        }

        public string Name { get; }

        private string Password { get; }

        public string Location(TestDatabase database) =>
            new NpgsqlConnectionStringBuilder(database.Connection) { Username = Name, Password = Password }.ConnectionString;

        public void Dispose()
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var database in Databases())
            {
                Execute($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }

            Execute($"DROP ROLE IF EXISTS {Name}");
        }

        // A role cannot be dropped while it owns a database or holds grants in one: the test's
        // databases are dropped by their own dispose first; what is left is revoked here.
        private List<string> Databases()
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var cmd = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = '{Name}')", connection);
            using var reader = cmd.ExecuteReader();
            var names = new List<string>();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }

            return names;
        }

        private void Execute(string sql)
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var cmd = new NpgsqlCommand(sql, connection);
            cmd.ExecuteNonQuery();
        }
    }
}
