using DyeRegistry.Storage.Charts;

namespace DyeRegistry.Storage.Postgres;

/// <summary>
/// Issued claim charts in a PostgreSQL registry (schema step 5), as
/// <see cref="IChartSnapshotStore"/> keeps them in a SQLite file: rows are only ever added.
/// </summary>
/// <remarks>Safe to share between threads (each call takes a pooled connection).</remarks>
public sealed class PostgresChartSnapshotStore : IChartSnapshotStore
{
    private const string Select = "SELECT number, medium_id, ink_id, versions, issued_by, issued, note";

    private readonly PostgresRegistryStore store;

    private PostgresChartSnapshotStore(PostgresRegistryStore store) => this.store = store;

    /// <summary>Opens the issued charts of the registry in the database a location names; the registry must exist.</summary>
    public static PostgresChartSnapshotStore Open(string location) => new(PostgresRegistryStore.Open(location, create: false));

    public ChartSnapshot Add(ChartSnapshot snapshot) => store.Guard(() =>
    {
        using var connection = store.OpenConnection();
        var number = Convert.ToInt64(PostgresRegistryStore.Scalar(connection, null,
            "INSERT INTO chart_snapshots(medium_id, ink_id, versions, issued_by, issued, note, html, json) VALUES (@m, @i, @v, @u, @t, @n, @h, @j) RETURNING number",
            ("m", snapshot.MediumId), ("i", snapshot.InkId), ("v", string.Join("\n", snapshot.Versions)), ("u", snapshot.IssuedBy),
            ("t", PostgresAccountStore.Time(snapshot.IssuedUtc)), ("n", snapshot.Note), ("h", snapshot.Html), ("j", snapshot.Json)), System.Globalization.CultureInfo.InvariantCulture);
        return snapshot with { Number = number };
    });

    public ChartSnapshot? Get(long number) => Rows(Select + ", html, json FROM chart_snapshots WHERE number = @n", ("n", number)).FirstOrDefault();

    public IReadOnlyList<ChartSnapshot> List(string? mediumId = null, string? inkId = null)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (mediumId is not null)
        {
            where.Add("medium_id = @m");
            parameters.Add(("m", mediumId));
            where.Add(inkId is null ? "ink_id IS NULL" : "ink_id = @i");
            if (inkId is not null)
            {
                parameters.Add(("i", inkId));
            }
        }

        return Rows(Select + ", '', '' FROM chart_snapshots" + (where.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", where)) + " ORDER BY number DESC", [.. parameters]);
    }

    public void Dispose() => store.Dispose();

    private List<ChartSnapshot> Rows(string sql, params (string Name, object? Value)[] parameters) => store.Guard(() =>
    {
        using var connection = store.OpenConnection();
        return PostgresRegistryStore.Rows(connection, null, sql, r => new ChartSnapshot(
            r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
            r.GetString(3).Split('\n', StringSplitOptions.RemoveEmptyEntries), r.GetString(4),
            PostgresAccountStore.ParseTime(r.GetString(5)), r.GetString(6), r.GetString(7), r.GetString(8)), parameters);
    });
}
