using System.Diagnostics;
using DyeRegistry.Application.Screening;
using DyeRegistry.Application.Screening.Shards;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;

namespace DyeRegistry.Cluster;

/// <summary>
/// <c>dyereg screen --cluster</c>: plans the shards into the job directory (<c>OUT.job</c>, on
/// storage the nodes share), records the job in the ledger, follows its progress, and when every
/// shard is complete merges the parts in shard order into the output: the single-machine
/// screen's bytes. <c>--resume</c> reattaches to the job the directory names.
/// </summary>
public sealed class ClusterScreen(MembershipAddress membership)
{
    /// <summary>What the progress display shows.</summary>
    public sealed record Status(JobProgress Progress, int Nodes, TimeSpan Elapsed, double RecordsPerSecond);

    public static string JobDirFor(string output) => output + ".job";

    public ShardMerge.Totals Run(ShardPlanRequest request, bool resume, Action<Status> progress, CancellationToken cancel)
    {
        var dir = JobDirFor(request.Output);
        var idFile = Path.Combine(dir, "cluster-job");
        var ledger = JobLedger.Connect(membership);
        string id;
        if (resume)
        {
            id = File.Exists(idFile) ? File.ReadAllText(idFile).Trim() : throw new IOException($"nothing to resume: no cluster job in {dir}");
            ShardPlan.Load(dir).RequireSameCatalogues();
            if (ledger.IsCancelled(id))
            {
                ledger.Reactivate(id); // resuming a cancelled job: its nodes take its shards again
            }
        }
        else
        {
            var plan = ShardPlanner.Plan(dir, request.Files, request.FormulaFolder, request.Formulas, request.Validation, ScreenWriter.FormatOf(request.Output), request.RecordsPerShard);
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true); // a new job: parts of an earlier one must not count
            }

            plan.Save();
            id = Guid.NewGuid().ToString("N");
            ledger.Create(id, Path.GetFullPath(dir), plan.Shards.Length, request.Output);
            JobFiles.WriteAtomically(idFile, id);
        }

        using var client = ClusterHosting.Client(membership);
        client.StartAsync(cancel).GetAwaiter().GetResult();
        var grains = client.Services.GetRequiredService<IClusterClient>();
        var job = grains.GetGrain<IScreenJobGrain>(id);
        var clock = Stopwatch.StartNew();
        long firstRecords = -1;
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            if (ledger.IsCancelled(id))
            {
                client.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
                throw new ClusterJobCancelledException($"job {id} was cancelled (dyereg serve's jobs API); its completed shards stay in {dir}: --resume goes on from there");
            }

            var p = Retry(() => job.Progress());
            var nodes = Retry(() => grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;
            firstRecords = firstRecords < 0 ? p.Records : firstRecords;
            progress(new Status(p, nodes, clock.Elapsed, clock.Elapsed.TotalSeconds > 0 ? (p.Records - firstRecords) / clock.Elapsed.TotalSeconds : 0));
            if (p.Shards > 0 && p.Done == p.Shards)
            {
                break;
            }

            Thread.Sleep(500);
        }

        client.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        var totals = ShardMerge.Merge(ShardPlan.Load(dir), request.Output, request.ErrorsFile);
        ledger.Finish(id);
        return totals;
    }

    // While the cluster settles after losing a node, a call may fail or time out: ask again.
    private static T Retry<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return call().GetAwaiter().GetResult();
            }
            catch (Exception e) when (attempt < 60 && e is not OperationCanceledException and not ArgumentException)
            {
                Thread.Sleep(1000);
            }
        }
    }

    /// <summary>Nodes alive and jobs in the ledger, for <c>dyereg cluster status</c>.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>();
        using var client = ClusterHosting.Client(membership);
        client.StartAsync().GetAwaiter().GetResult();
        var grains = client.Services.GetRequiredService<IClusterClient>();
        var hosts = grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: false).GetAwaiter().GetResult();
        lines.Add($"nodes: {hosts.Count(h => h.Value == SiloStatus.Active)} alive");
        lines.AddRange(hosts.OrderBy(h => h.Key.ToString(), StringComparer.Ordinal).Select(h => $"  {h.Key} {h.Value}"));
        var ledger = JobLedger.Connect(membership);
        var active = ledger.ActiveJobs().ToHashSet();
        lines.Add($"jobs: {ledger.AllJobs().Length} ({active.Count} active)");
        foreach (var id in ledger.AllJobs())
        {
            var (dir, shards) = ledger.Find(id) ?? (string.Empty, 0);
            var done = ledger.Completed(id);
            lines.Add($"  {id} {(active.Contains(id) ? "active" : "finished")} {done.Count}/{shards} shards, {done.Values.Sum(d => d.Records)} records, {done.Values.Sum(d => d.Hits)} hits: {dir}");
        }

        client.StopAsync().GetAwaiter().GetResult();
        return lines;
    }
}

/// <summary>The job was cancelled while the coordinator followed it.</summary>
public sealed class ClusterJobCancelledException(string message) : Exception(message);

/// <summary>What a cluster screen is asked to do.</summary>
public sealed record ShardPlanRequest(string[] Files, string Output, string? ErrorsFile, string FormulaFolder, string[] Formulas, ScreenValidation Validation, long RecordsPerShard);
