namespace DyeRegistry.Application.Screening.Jobs;

/// <summary>A screening job on the cluster, as its ledger records it: shards done, running and
/// left, the counts of the shards done, and the nodes alive now.</summary>
public sealed record ClusterJobStatus(string Id, string Output, bool Active, int Shards, int Done, int Running, long Records, long Hits, long Errors, int NodesAlive, DateTimeOffset? Submitted, DateTimeOffset? Finished, DateTimeOffset? Cancelled = null)
{
    public int Left => Math.Max(0, Shards - Done - Running);
}

/// <summary>What the service reads of a cluster's job ledger (<c>dyereg serve --cluster URI</c>);
/// the cluster project implements it, so the server needs no cluster client of its own.</summary>
public interface IClusterJobs
{
    Task<IReadOnlyList<ClusterJobStatus>> ListAsync(CancellationToken cancel);

    Task<ClusterJobStatus?> FindAsync(string id, CancellationToken cancel);

    /// <summary>Cancels an active job in the ledger (the nodes stop its shards); false when it is not active.</summary>
    Task<bool> CancelAsync(string id, CancellationToken cancel);
}
