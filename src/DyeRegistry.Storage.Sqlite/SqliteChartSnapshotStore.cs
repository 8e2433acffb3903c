using System.Globalization;
using DyeRegistry.Storage.Charts;
using Microsoft.Data.Sqlite;

namespace DyeRegistry.Storage.Sqlite;

/// <summary>
/// Issued claim charts in the registry file, in a table of their own (created when first needed,
/// like the accounts, beside the registry's schema, whose migrations they do not touch). Rows are
/// only ever added: an issued chart is never changed.
/// </summary>
/// <remarks>One instance per thread of use, as <see cref="SqliteRegistryStore"/>.</remarks>
public sealed class SqliteChartSnapshotStore : IChartSnapshotStore
{
    private const string Schema = Migrations.ChartSnapshotTables;

    private readonly SqliteConnection connection;

    static SqliteChartSnapshotStore() => SQLitePCL.Batteries.Init();

    private SqliteChartSnapshotStore(SqliteConnection connection) => this.connection = connection;

    /// <summary>Opens the issued charts of the registry at <paramref name="path"/>, which must exist.</summary>
    public static SqliteChartSnapshotStore Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new RegistryException($"no registry at '{path}' (create one with: dyereg init --registry {path})");
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        var store = new SqliteChartSnapshotStore(connection);
        try
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA busy_timeout=10000;" + Schema;
            cmd.ExecuteNonQuery();
            return store;
        }
        catch (SqliteException e)
        {
            store.Dispose();
            throw new RegistryException($"registry {path}: issued charts cannot be opened: {e.Message}", e);
        }
    }

    public ChartSnapshot Add(ChartSnapshot snapshot)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO chart_snapshots(medium_id, ink_id, versions, issued_by, issued, note, html, json) VALUES ($m, $i, $v, $u, $t, $n, $h, $j) RETURNING number";
        cmd.Parameters.AddWithValue("$m", snapshot.MediumId);
        cmd.Parameters.AddWithValue("$i", (object?)snapshot.InkId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$v", string.Join("\n", snapshot.Versions));
        cmd.Parameters.AddWithValue("$u", snapshot.IssuedBy);
        cmd.Parameters.AddWithValue("$t", snapshot.IssuedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$n", snapshot.Note);
        cmd.Parameters.AddWithValue("$h", snapshot.Html);
        cmd.Parameters.AddWithValue("$j", snapshot.Json);
        var number = (long)cmd.ExecuteScalar()!;
        return snapshot with { Number = number };
    }

    public ChartSnapshot? Get(long number) =>
        Rows("SELECT number, medium_id, ink_id, versions, issued_by, issued, note, html, json FROM chart_snapshots WHERE number = $n", ("$n", number)).FirstOrDefault();

    public IReadOnlyList<ChartSnapshot> List(string? mediumId = null, string? inkId = null)
    {
        var where = new List<string>();
        var parameters = new List<(string, object)>();
        if (mediumId is not null)
        {
            where.Add("medium_id = $m");
            parameters.Add(("$m", mediumId));
            where.Add(inkId is null ? "ink_id IS NULL" : "ink_id = $i");
            if (inkId is not null)
            {
                parameters.Add(("$i", inkId));
            }
        }

        return Rows("SELECT number, medium_id, ink_id, versions, issued_by, issued, note, '', '' FROM chart_snapshots"
            + (where.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", where)) + " ORDER BY number DESC", [.. parameters]);
    }

    public void Dispose() => connection.Dispose();

    private List<ChartSnapshot> Rows(string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        using var r = cmd.ExecuteReader();
        var list = new List<ChartSnapshot>();
        while (r.Read())
        {
            list.Add(new ChartSnapshot(
                r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                r.GetString(3).Split('\n', StringSplitOptions.RemoveEmptyEntries), r.GetString(4),
                DateTimeOffset.Parse(r.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                r.GetString(6), r.GetString(7), r.GetString(8)));
        }

        return list;
    }
}
