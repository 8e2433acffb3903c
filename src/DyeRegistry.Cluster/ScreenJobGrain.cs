using Orleans;
using Orleans.Runtime;

namespace DyeRegistry.Cluster;

/// <summary>A lease on one shard: only the job's directory and the shard's index travel, never structures.</summary>
[GenerateSerializer]
[Immutable]
public sealed record ShardLease([property: Id(0)] string JobDir, [property: Id(1)] int Shard);

/// <summary>Where a job stands, for the progress display and <c>dyereg cluster status</c>.</summary>
[GenerateSerializer]
[Immutable]
public sealed record JobProgress(
    [property: Id(0)] int Shards,
    [property: Id(1)] int Done,
    [property: Id(2)] int Running,
    [property: Id(3)] long Records,
    [property: Id(4)] long Hits,
    [property: Id(5)] long Errors)
{
    public int Left => Shards - Done - Running;
}

/// <summary>One screening job on the cluster: hands out shard leases, takes renewals and completions.</summary>
public interface IScreenJobGrain : IGrainWithStringKey
{
    Task<ShardLease?> Lease(string node);

    Task<bool> Renew(int shard, string node);

    Task<bool> Complete(int shard, string node, ShardDone done);

    Task<JobProgress> Progress();
}

/// <summary>
/// The job's lease table. Completed shards are read from the ledger when the grain activates
/// (so a job survives the loss of the node that hosted its grain); leases live here only: a
/// lease expires when its node stops renewing (<see cref="LeaseTime"/>) or leaves the
/// membership, and its shard is offered again. The grain does no CPU work and never blocks: its ledger calls are
/// asynchronous; workers run shards on their own threads and only call in to lease, renew and complete.
/// </summary>
public sealed class ScreenJobGrain(JobLedger ledger, IClusterMembershipService membership) : Grain, IScreenJobGrain
{
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(10);

    private readonly Dictionary<int, (string Node, DateTime Until)> leases = [];

    // Shards neither done nor leased, lowest first: a lease costs O(log shards), not a scan of the
    // job (a 1e9-record job has 50,000 shards of 20,000).
    private readonly SortedSet<int> offered = [];
    private Dictionary<int, ShardDone> done = [];
    private string dir = string.Empty;
    private int shards;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        (dir, shards) = await ledger.FindAsync(id) ?? (string.Empty, 0);
        done = await ledger.CompletedAsync(id);
        offered.UnionWith(Enumerable.Range(0, shards).Where(k => !done.ContainsKey(k)));
    }

    public async Task<ShardLease?> Lease(string node)
    {
        var id = this.GetPrimaryKeyString();
        await ExpireLeases();
        if (offered.Count == 0 || await ledger.IsStoppedAsync(id))
        {
            return null;
        }

        var k = offered.Min;
        offered.Remove(k);
        var until = DateTime.UtcNow + LeaseTime;
        leases[k] = (node, until);
        await Task.WhenAll(ledger.EventAsync(id, $"lease {k} {node}"), ledger.LeaseAsync(id, k, node, until));
        return new ShardLease(dir, k);
    }

    public async Task<bool> Renew(int shard, string node)
    {
        if (done.ContainsKey(shard))
        {
            return false;
        }

        // A grain activated anew (its node was lost) knows no leases: a renewing node keeps its shard.
        if (!leases.TryGetValue(shard, out var lease) || lease.Node == node)
        {
            var until = DateTime.UtcNow + LeaseTime;
            leases[shard] = (node, until);
            offered.Remove(shard);
            await ledger.LeaseAsync(this.GetPrimaryKeyString(), shard, node, until);
            return true;
        }

        return false; // given to another node meanwhile: this run's result may still complete first
    }

    public async Task<bool> Complete(int shard, string node, ShardDone entry)
    {
        var id = this.GetPrimaryKeyString();
        var recorded = await ledger.CompleteAsync(id, shard, entry);
        if (recorded)
        {
            done[shard] = entry;
        }
        else
        {
            done = await ledger.CompletedAsync(id);
            offered.ExceptWith(done.Keys);
        }

        offered.Remove(shard);
        leases.Remove(shard);
        await Task.WhenAll(ledger.EventAsync(id, recorded ? $"complete {shard} {node}" : $"duplicate {shard} {node}"), ledger.EndLeaseAsync(id, shard));
        return recorded;
    }

    public async Task<JobProgress> Progress()
    {
        await ExpireLeases();
        return new JobProgress(shards, done.Count, leases.Count, done.Values.Sum(d => d.Records), done.Values.Sum(d => d.Hits), done.Values.Sum(d => d.Errors));
    }

    private async Task ExpireLeases()
    {
        var now = DateTime.UtcNow;
        var snapshot = membership.CurrentSnapshot;
        foreach (var (shard, lease) in leases.ToList())
        {
            var gone = snapshot.GetSiloStatus(SiloAddress.FromParsableString(lease.Node)) is SiloStatus.Dead or SiloStatus.ShuttingDown or SiloStatus.Stopping;
            if (lease.Until < now || gone)
            {
                leases.Remove(shard);
                if (!done.ContainsKey(shard))
                {
                    offered.Add(shard);
                }

                var id = this.GetPrimaryKeyString();
                await Task.WhenAll(ledger.EventAsync(id, $"expire {shard} {lease.Node} {(gone ? "left-membership" : "not-renewed")}"), ledger.EndLeaseAsync(id, shard));
            }
        }
    }
}
