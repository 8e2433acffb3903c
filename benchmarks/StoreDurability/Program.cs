using LiteDB;
using Microsoft.Data.Sqlite;

// One store, one job: insert N records, one commit each, printing each id once its commit
// returned (so a killer knows what was acknowledged), or count what a file holds.
//   StoreDurability litedb|litedb-shared|sqlite|sqlite-full insert FILE PREFIX N
//   StoreDurability litedb|litedb-shared|sqlite|sqlite-full count FILE
// "sqlite" opens the file as DyeRegistry's store does (WAL, synchronous=NORMAL, busy timeout);
// "sqlite-full" the same with synchronous=FULL.
var (store, job, file) = (args[0], args[1], args[2]);
SQLitePCL.Batteries.Init();
using IStore db = store switch
{
    "litedb" => new Lite(file, shared: false),
    "litedb-shared" => new Lite(file, shared: true),
    "sqlite" => new Sql(file, full: false),
    "sqlite-full" => new Sql(file, full: true),
    _ => throw new ArgumentException($"unknown store {store}"),
};
if (job == "insert")
{
    var (prefix, n) = (args[3], int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture));
    var stdout = Console.Out;
    for (var i = 0; i < n; i++)
    {
        var id = $"{prefix}-{i:D6}";
        db.Insert(id, new string('x', 500));
        stdout.WriteLine(id);
        stdout.Flush();
    }
}
else
{
    foreach (var id in db.Ids())
    {
        Console.WriteLine(id);
    }
}

internal interface IStore : IDisposable
{
    void Insert(string id, string text);

    IEnumerable<string> Ids();
}

internal sealed class Lite(string file, bool shared) : IStore
{
    private readonly LiteDatabase db = new($"Filename={file};Connection={(shared ? "shared" : "direct")}");

    public void Insert(string id, string text) => db.GetCollection("records").Insert(new BsonDocument { ["_id"] = id, ["text"] = text });

    public IEnumerable<string> Ids() => db.GetCollection("records").FindAll().Select(d => d["_id"].AsString).ToList();

    public void Dispose() => db.Dispose();
}

internal sealed class Sql : IStore
{
    private readonly SqliteConnection connection;

    public Sql(string file, bool full)
    {
        connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        Run($"PRAGMA busy_timeout=10000; PRAGMA journal_mode=WAL; PRAGMA synchronous={(full ? "FULL" : "NORMAL")}; CREATE TABLE IF NOT EXISTS records(id TEXT PRIMARY KEY, text TEXT)");
    }

    public void Insert(string id, string text)
    {
        using var tx = connection.BeginTransaction();
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO records VALUES ($id, $text)";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$text", text);
        cmd.ExecuteNonQuery();
        tx.Commit();
    }

    public IEnumerable<string> Ids()
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT id FROM records";
        using var r = cmd.ExecuteReader();
        var ids = new List<string>();
        while (r.Read())
        {
            ids.Add(r.GetString(0));
        }

        return ids;
    }

    private void Run(string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => connection.Dispose();
}
