using Npgsql;

namespace DyeRegistry.Storage.Tests;

/// <summary>
/// The PostgreSQL server the tests use: the connection string in DYEREG_TEST_POSTGRES (test.sh
/// starts a throw-away cluster and sets it). Without it a PostgreSQL test fails saying so: these
/// tests are never skipped silently. Each <see cref="Database"/> is a fresh database, dropped after.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "DYEREG_TEST_POSTGRES";

    public static string ServerConnection =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL store's tests cannot run (they fail rather than skip): run ./test.sh, which starts a " +
                $"throw-away cluster, or start one with `scripts/test-postgres.sh start` and export {Variable} to the connection string it prints");

    /// <summary>Creates an empty database; its connection string is <see cref="TestDatabase.Connection"/>.</summary>
    public static TestDatabase Database() => new();
}

/// <summary>A fresh, empty database on the test server, dropped on dispose.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly string server = TestPostgres.ServerConnection;

    public TestDatabase()
    {
        Name = "dyereg_" + Guid.NewGuid().ToString("N");
        Run($"CREATE DATABASE {Name}");
        Connection = new NpgsqlConnectionStringBuilder(server) { Database = Name, Pooling = true }.ConnectionString;
        var b = new NpgsqlConnectionStringBuilder(Connection);
        Url = $"postgresql://{Uri.EscapeDataString(b.Username!)}:{Uri.EscapeDataString(b.Password!)}@{b.Host}:{b.Port}/{Name}";
    }

    public string Name { get; }

    /// <summary>Npgsql key=value connection string of this database.</summary>
    public string Connection { get; }

    /// <summary>The same database as a postgresql:// URL.</summary>
    public string Url { get; }

    /// <summary>Runs SQL in this database (what a test does behind the store's back).</summary>
    public object? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(Connection);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        var value = cmd.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Drops the database (ending its connections) and creates an empty one of the same name.</summary>
    public void Recreate()
    {
        Run($"DROP DATABASE {Name} WITH (FORCE)");
        Run($"CREATE DATABASE {Name}");
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Run($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private void Run(string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }
}
