using DyeRegistry.Cluster;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests;

/// <summary>
/// <c>dyereg cluster cancel URI JOB</c> against the ledger in Redis (test.sh's, DYEREG_TEST_REDIS,
/// or a redis-server of the test's own): a running job is cancelled (exit 0, the ledger marks it,
/// it leaves the active jobs, its shards done are kept); an unknown job, a finished one and one
/// cancelled already are refused with exit 2 and the reason; the API's <c>cluster:ID</c> form is
/// accepted; an unreachable or malformed URI is a clear error.
/// </summary>
public sealed class ClusterCancelCommandTests : IDisposable
{
    private readonly TempFolder dir = new("dyereg-clustercancel-");
    private TestRedis? redis;

    public void Dispose()
    {
        redis?.Dispose();
        dir.Dispose();
    }

    [Fact]
    public void ARunningJob_IsCancelled_AndUnknownFinishedOrCancelledJobs_AreRefusedWithTheReason()
    {
        redis = TestRedis.Start(dir.Path, "the cluster cancel tests");
        var uri = redis.CleanDatabase(14);
        var ledger = JobLedger.Connect(MembershipAddress.Parse(uri));
        ledger.Create("running", dir.Combine("a.jsonl.job"), 4, dir.Combine("a.jsonl"));
        ledger.Complete("running", 0, new ShardDone(0, 100, 3, 0, "x", "y", "node", 0));
        ledger.Create("viaapi", dir.Combine("b.jsonl.job"), 2, dir.Combine("b.jsonl"));
        ledger.Create("finished", dir.Combine("c.jsonl.job"), 2, dir.Combine("c.jsonl"));
        ledger.Finish("finished");

        var (exit, output, error) = CliRunner.Run("cluster", "cancel", uri, "running");
        Assert.True(exit == 0, error);
        Assert.Contains("job running cancelled: 1/4 shards done", output, StringComparison.Ordinal);
        Assert.Contains("--resume", output, StringComparison.Ordinal);
        Assert.True(ledger.IsCancelled("running"));
        Assert.DoesNotContain("running", ledger.ActiveJobs());
        Assert.Single(ledger.Completed("running"));

        // The jobs API's name of a cluster job works too.
        (exit, _, error) = CliRunner.Run("cluster", "cancel", uri, "cluster:viaapi");
        Assert.True(exit == 0, error);
        Assert.True(ledger.IsCancelled("viaapi"));

        (exit, output, error) = CliRunner.Run("cluster", "cancel", uri, "running");
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains("job running was cancelled already at", error, StringComparison.Ordinal);
        Assert.Contains("--resume makes it active again", error, StringComparison.Ordinal);

        (exit, output, error) = CliRunner.Run("cluster", "cancel", uri, "finished");
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains("job finished finished at", error, StringComparison.Ordinal);
        Assert.Contains("only a running job can be cancelled", error, StringComparison.Ordinal);
        Assert.False(ledger.IsCancelled("finished"));

        (exit, output, error) = CliRunner.Run("cluster", "cancel", uri, "nosuchjob");
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains($"no job 'nosuchjob' in the ledger of {uri}", error, StringComparison.Ordinal);
        Assert.Contains("dyereg cluster status", error, StringComparison.Ordinal);

        // A resumed job is running again, and can be cancelled again.
        ledger.Reactivate("running");
        Assert.Equal(0, CliRunner.Run("cluster", "cancel", uri, "running").Exit);

        (exit, _, error) = CliRunner.Run("cluster", "cancel", "http://localhost:1", "running");
        Assert.Equal(2, exit);
        Assert.StartsWith("dyereg cluster cancel: ", error, StringComparison.Ordinal);
    }
}
