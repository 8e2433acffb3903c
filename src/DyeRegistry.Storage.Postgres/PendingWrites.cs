using Npgsql;

namespace DyeRegistry.Storage.Postgres;

/// <summary>
/// The writes of a transaction not yet sent to the server, sent together as one batch (one round
/// trip) before the transaction next reads, checks or commits: a dye's import is then six round
/// trips instead of about twenty, which on loopback was most of its time.
/// </summary>
/// <remarks>A check runs when its batch has come back (an insert that found the id taken, a
/// parent key owned by another dye) and throws there, so the caller sees the same exceptions as
/// when each statement went alone; PostgreSQL aborts the transaction at a failed statement, and
/// the rest of the batch is not applied.</remarks>
internal sealed class PendingWrites(NpgsqlConnection connection, NpgsqlTransaction tx)
{
    private readonly List<NpgsqlBatchCommand> commands = [];
    private readonly List<(NpgsqlBatchCommand Command, Action<int> Check)> affectedChecks = [];
    private readonly List<(NpgsqlBatchCommand Command, Action<List<object?[]>> Check)> rowChecks = [];

    // A transaction that writes without reading (a registry copied whole) sends its writes in
    // batches of this many, so what is queued stays bounded.
    private const int MaxBatch = 500;

    public bool IsEmpty => commands.Count == 0;

    /// <summary>Queues a statement (first sending what is queued when the batch is full).</summary>
    public NpgsqlBatchCommand Add(string sql, params (string Name, object? Value)[] parameters)
    {
        if (commands.Count >= MaxBatch)
        {
            Flush();
        }

        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        commands.Add(command);
        return command;
    }

    /// <summary>Queues a statement whose count of rows written <paramref name="check"/> decides on.</summary>
    public void Add(string sql, Action<int> check, params (string Name, object? Value)[] parameters) =>
        affectedChecks.Add((Add(sql, parameters), check));

    /// <summary>Queues a query whose rows <paramref name="check"/> decides on.</summary>
    public void AddQuery(string sql, Action<List<object?[]>> check, params (string Name, object? Value)[] parameters) =>
        rowChecks.Add((Add(sql, parameters), check));

    /// <summary>Sends what is queued, then runs the checks in the order they were queued.</summary>
    public void Flush()
    {
        if (commands.Count == 0)
        {
            return;
        }

        var rows = new Dictionary<NpgsqlBatchCommand, List<object?[]>>();
        using (var batch = new NpgsqlBatch(connection, tx))
        {
            foreach (var command in commands)
            {
                batch.BatchCommands.Add(command);
            }

            var queries = rowChecks.Select(c => c.Command).ToList();
            using var reader = batch.ExecuteReader();
            var next = 0;
            do
            {
                // Only queries return columns; they come back in the order queued.
                if (reader.FieldCount == 0)
                {
                    continue;
                }

                var list = new List<object?[]>();
                while (reader.Read())
                {
                    var values = new object?[reader.FieldCount];
                    reader.GetValues(values!);
                    list.Add(values.Select(v => v is DBNull ? null : v).ToArray());
                }

                rows[queries[next++]] = list;
            }
            while (reader.NextResult());
        }

        var affected = affectedChecks.ToList();
        var queried = rowChecks.ToList();
        commands.Clear();
        affectedChecks.Clear();
        rowChecks.Clear();
        foreach (var (command, check) in affected)
        {
            check(command.RecordsAffected);
        }

        foreach (var (command, check) in queried)
        {
            check(rows.TryGetValue(command, out var list) ? list : []);
        }
    }
}
