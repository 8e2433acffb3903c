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

    private static string Leases(string id) => $"dyereg:job:{id}:leases";

    private const string Nodes = "dyereg:nodes";

    /// <summary>A node that has not been seen for this long is not counted alive.</summary>
    public static readonly TimeSpan NodeSeenWithin = TimeSpan.FromSeconds(10);

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

    /// <summary>Cancels an active job: no shard of it is leased any more, and nodes stop the shards
    /// of it they run at their next renewal (their parts are not completed). False when the job is
    /// not active (unknown, finished or cancelled already). <c>--resume</c> reactivates it.</summary>
    public bool Cancel(string id) => CancelAsync(id).GetAwaiter().GetResult();

    public bool IsCancelled(string id) => db.HashExists(Job(id), "cancelled");

    /// <summary>A cancelled job made active again (<c>dyereg screen --cluster --resume</c>).</summary>
    public void Reactivate(string id)
    {
        db.HashDelete(Job(id), "cancelled");
        db.SetAdd(Active, id);
    }

    /// <summary>Records a shard's completion unless one is recorded already; true when this one was.</summary>
    public bool Complete(string id, int shard, ShardDone done) => db.HashSet(Done(id), shard, JsonSerializer.Serialize(done), When.NotExists);

    public Dictionary<int, ShardDone> Completed(string id) =>
        db.HashGetAll(Done(id)).ToDictionary(e => (int)e.Name, e => JsonSerializer.Deserialize<ShardDone>(e.Value.ToString())!);

    public void Event(string id, string what) => db.ListRightPush(Events(id), $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} {what}");

    public string[] EventsOf(string id) => db.ListRange(Events(id)).Select(v => v.ToString()).ToArray();

    // The grain's calls: asynchronous, so a grain call never blocks a scheduler thread on Redis.
    public async Task<(string Dir, int Shards)?> FindAsync(string id)
    {
        var entries = (await db.HashGetAllAsync(Job(id))).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());
        return entries.TryGetValue("dir", out var dir) && entries.TryGetValue("shards", out var n) ? (dir, int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>Finished, or cancelled: no more leases.</summary>
    public async Task<bool> IsStoppedAsync(string id) => (await db.HashGetAsync(Job(id), ["finished", "cancelled"])).Any(v => v.HasValue);

    public async Task<bool> CancelAsync(string id)
    {
        if (!await db.SetContainsAsync(Active, id))
        {
            return false;
        }

        // Marked cancelled before it leaves the active set: a grain asked for a lease meanwhile already says no.
        await db.HashSetAsync(Job(id), "cancelled", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await db.SetRemoveAsync(Active, id);
        await EventAsync(id, "cancel");
        return true;
    }

    public Task<bool> CompleteAsync(string id, int shard, ShardDone done) => db.HashSetAsync(Done(id), shard, JsonSerializer.Serialize(done), When.NotExists);

    public async Task<Dictionary<int, ShardDone>> CompletedAsync(string id) =>
        (await db.HashGetAllAsync(Done(id))).ToDictionary(e => (int)e.Name, e => JsonSerializer.Deserialize<ShardDone>(e.Value.ToString())!);

    public Task EventAsync(string id, string what) => db.ListRightPushAsync(Events(id), $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} {what}");

    /// <summary>The grain's lease table, mirrored for readers outside the cluster (dyereg serve):
    /// shard -> "NODE UNTIL-MS"; removed when the lease ends.</summary>
    public Task LeaseAsync(string id, int shard, string node, DateTime until) =>
        db.HashSetAsync(Leases(id), shard, $"{node} {new DateTimeOffset(until).ToUnixTimeMilliseconds()}");

    public Task EndLeaseAsync(string id, int shard) => db.HashDeleteAsync(Leases(id), shard);

    /// <summary>A node says it is alive (its workers, every loop and every lease renewal).</summary>
    public void Seen(string node) => db.HashSet(Nodes, node, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), flags: CommandFlags.FireAndForget);

    /// <summary>Where every job stands, read from the ledger alone (no cluster client): for dyereg serve.</summary>
    public async Task<IReadOnlyList<DyeRegistry.Application.Screening.Jobs.ClusterJobStatus>> StatusAsync(string? only = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var nodes = (await db.HashGetAllAsync(Nodes)).Count(e => now - (long)e.Value < NodeSeenWithin.TotalMilliseconds);
        var active = (await db.SetMembersAsync(Active)).Select(v => v.ToString()).ToHashSet(StringComparer.Ordinal);
        var ids = only is null ? (await db.SetMembersAsync(Jobs)).Select(v => v.ToString()).ToArray() : [only];
        var list = new List<DyeRegistry.Application.Screening.Jobs.ClusterJobStatus>();
        foreach (var id in ids)
        {
            var job = (await db.HashGetAllAsync(Job(id))).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());
            if (!job.TryGetValue("shards", out var shards))
            {
                continue;
            }

            var done = await CompletedAsync(id);
            var running = (await db.HashGetAllAsync(Leases(id))).Count(e => !done.ContainsKey((int)e.Name) && long.Parse(e.Value.ToString().Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture) > now);
            static DateTimeOffset? At(Dictionary<string, string> job, string key) => job.TryGetValue(key, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(ms, System.Globalization.CultureInfo.InvariantCulture)) : null;
            list.Add(new(id, job.GetValueOrDefault("output", string.Empty), active.Contains(id), int.Parse(shards, System.Globalization.CultureInfo.InvariantCulture), done.Count, running,
                done.Values.Sum(d => d.Records), done.Values.Sum(d => d.Hits), done.Values.Sum(d => d.Errors), nodes, At(job, "submitted"), At(job, "finished"), At(job, "cancelled")));
        }

        return [.. list.OrderByDescending(j => j.Submitted).ThenBy(j => j.Id, StringComparer.Ordinal)];
    }
}

/// <summary>The cluster's jobs as dyereg serve shows them (<c>dyereg serve --cluster URI</c>): read
/// from the ledger in Redis, the same one the nodes and the job grains write.</summary>
public sealed class LedgerJobs(MembershipAddress address) : DyeRegistry.Application.Screening.Jobs.IClusterJobs
{
    private readonly Lazy<JobLedger> ledger = new(() => JobLedger.Connect(address));

    public Task<IReadOnlyList<DyeRegistry.Application.Screening.Jobs.ClusterJobStatus>> ListAsync(CancellationToken cancel) => ledger.Value.StatusAsync();

    public async Task<DyeRegistry.Application.Screening.Jobs.ClusterJobStatus?> FindAsync(string id, CancellationToken cancel) =>
        (await ledger.Value.StatusAsync(id)).FirstOrDefault();

    public Task<bool> CancelAsync(string id, CancellationToken cancel) => ledger.Value.CancelAsync(id);
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
