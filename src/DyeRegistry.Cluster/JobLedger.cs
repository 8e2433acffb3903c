using System.Text.Json;
using StackExchange.Redis;

namespace DyeRegistry.Cluster;

/// <summary>
/// The job and shard ledger in Redis: which jobs exist and are active, where each job's
/// directory is, and one completion entry per shard, written with HSETNX so that a shard run
/// twice (a lease given out again after a node was lost) is completed exactly once. Lease and
/// completion events are kept in a list, with times, for progress and for measuring reassignment.
/// </summary>
public sealed class JobLedger(IDatabase db)
{
    private const string Jobs = "dyereg:jobs";
    private const string Active = "dyereg:jobs:active";

    private static string Job(string id) => $"dyereg:job:{id}";

    private static string Done(string id) => $"dyereg:job:{id}:done";

    private static string Events(string id) => $"dyereg:job:{id}:events";

    public static JobLedger Connect(MembershipAddress address) =>
        new(ConnectionMultiplexer.Connect(address.RedisConfiguration).GetDatabase());

    public void Create(string id, string jobDir, int shards, string output)
    {
        db.HashSet(Job(id), [new("dir", jobDir), new("shards", shards), new("output", output), new("submitted", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())]);
        db.SetAdd(Jobs, id);
        db.SetAdd(Active, id);
    }

    public (string Dir, int Shards)? Find(string id)
    {
        var entries = db.HashGetAll(Job(id)).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());
        return entries.TryGetValue("dir", out var dir) && entries.TryGetValue("shards", out var n) ? (dir, int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)) : null;
    }

    public string[] ActiveJobs() => db.SetMembers(Active).Select(v => v.ToString()).Order(StringComparer.Ordinal).ToArray();

    public string[] AllJobs() => db.SetMembers(Jobs).Select(v => v.ToString()).Order(StringComparer.Ordinal).ToArray();

    public void Finish(string id)
    {
        db.HashSet(Job(id), "finished", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        db.SetRemove(Active, id);
    }

    public bool IsFinished(string id) => db.HashExists(Job(id), "finished");

    /// <summary>Records a shard's completion unless one is recorded already; true when this one was.</summary>
    public bool Complete(string id, int shard, ShardDone done) => db.HashSet(Done(id), shard, JsonSerializer.Serialize(done), When.NotExists);

    public Dictionary<int, ShardDone> Completed(string id) =>
        db.HashGetAll(Done(id)).ToDictionary(e => (int)e.Name, e => JsonSerializer.Deserialize<ShardDone>(e.Value.ToString())!);

    public void Event(string id, string what) => db.ListRightPush(Events(id), $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} {what}");

    public string[] EventsOf(string id) => db.ListRange(Events(id)).Select(v => v.ToString()).ToArray();
}

/// <summary>A shard's entry in the ledger: its counts, its parts' checksums and the node that ran it.</summary>
[Orleans.GenerateSerializer]
[Orleans.Immutable]
public sealed record ShardDone(
    [property: Orleans.Id(0)] int Shard,
    [property: Orleans.Id(1)] long Records,
    [property: Orleans.Id(2)] long Hits,
    [property: Orleans.Id(3)] long Errors,
    [property: Orleans.Id(4)] string OutputSha256,
    [property: Orleans.Id(5)] string ErrorsSha256,
    [property: Orleans.Id(6)] string Node,
    [property: Orleans.Id(7)] long At);
