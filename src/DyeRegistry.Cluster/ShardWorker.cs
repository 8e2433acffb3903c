using DyeRegistry.Application.Screening;
using DyeRegistry.Application.Screening.Shards;
using DyeRegistry.Markush;
using DyeRegistry.Markush.Matching;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;

namespace DyeRegistry.Cluster;

/// <summary>
/// A node's workers: dedicated threads (never the thread pool, never inside a grain call) that
/// pull a shard lease from an active job's grain, renew it every <see cref="RenewEvery"/> while
/// the shard runs with the single-machine pipeline, and report the completion. The shard's
/// records are read from the job directory on shared storage: messages carry coordinates only.
/// </summary>
public sealed class ShardWorker(IGrainFactory grains, JobLedger ledger, ILocalSiloDetails silo, NodeOptions options) : IHostedService
{
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource stopping = new();
    private readonly List<Thread> threads = [];
    private readonly Dictionary<string, (FormulaLibrary Library, ScreenRunner Runner)> runners = [];
    private readonly Dictionary<string, ShardPlan> plans = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < Math.Max(1, options.Slots); i++)
        {
            var thread = new Thread(Loop) { IsBackground = true, Name = $"shard-worker-{i}" };
            threads.Add(thread);
            thread.Start();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        stopping.Cancel();
        foreach (var t in threads)
        {
            t.Join(TimeSpan.FromSeconds(5));
        }

        return Task.CompletedTask;
    }

    private string Node => silo.SiloAddress.ToParsableString();

    private void Loop()
    {
        while (!stopping.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                ledger.Seen(Node);
                foreach (var job in ledger.ActiveJobs())
                {
                    var grain = grains.GetGrain<IScreenJobGrain>(job);
                    if (grain.Lease(Node).GetAwaiter().GetResult() is { } lease)
                    {
                        Run(job, grain, lease);
                        worked = true;
                        break;
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A grain unreachable while the cluster settles after a node was lost: try again.
                Console.Error.WriteLine($"dyereg cluster node: {e.GetType().Name}: {e.Message}");
            }

            if (!worked)
            {
                stopping.Token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(500));
            }
        }
    }

    private void Run(string job, IScreenJobGrain grain, ShardLease lease)
    {
        var plan = PlanOf(job, lease.JobDir);
        using var shardRun = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        using var renewals = new Timer(_ =>
        {
            try
            {
                ledger.Seen(Node);
                if (ledger.IsCancelled(job))
                {
                    shardRun.Cancel(); // the job was cancelled: this shard's parts are not completed
                    return;
                }

                grain.Renew(lease.Shard, Node).GetAwaiter().GetResult();
            }
            catch (ObjectDisposedException)
            {
                // the shard ended while this renewal ran
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"dyereg cluster node: renewing shard {lease.Shard}: {e.Message}");
            }
        }, null, RenewEvery, RenewEvery);
        ShardRun.Outcome outcome;
        try
        {
            outcome = ShardRun.Run(plan, lease.Shard, RunnerFor(plan), options.Threads, shardRun.Token);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            Console.Error.WriteLine($"dyereg cluster node: job {job} was cancelled; shard {lease.Shard} stopped");
            return;
        }

        var c = outcome.Completion;
        grain.Complete(lease.Shard, Node, new ShardDone(c.Shard, c.Records, c.Hits, c.Errors, c.OutputSha256, c.ErrorsSha256, Node, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())).GetAwaiter().GetResult();
    }

    // The plan of a job, read once per job and node: a 1e9-record job's plan.json lists 50,000 shards.
    private ShardPlan PlanOf(string job, string dir)
    {
        lock (plans)
        {
            if (!plans.TryGetValue(job, out var plan))
            {
                plan = ShardPlan.Load(dir);
                plans[job] = plan;
            }

            return plan;
        }
    }

    private ScreenRunner RunnerFor(ShardPlan plan)
    {
        lock (runners)
        {
            if (!runners.TryGetValue(plan.Job, out var r))
            {
                var library = FormulaLibrary.Load(plan.FormulaFolder);
                r = (library, new ScreenRunner(new MarkushMatcher(library), new MatchOptions { Formulas = plan.Formulas }, null));
                runners[plan.Job] = r;
            }

            return r.Runner;
        }
    }
}

/// <summary>How a node runs shards: how many at once (slots) and with how many threads each.</summary>
public sealed record NodeOptions(int Slots, int Threads);
