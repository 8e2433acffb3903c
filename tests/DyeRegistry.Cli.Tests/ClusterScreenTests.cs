using System.Diagnostics;
using System.Text;
using DyeRegistry.Cluster;
using DyeRegistry.TestSupport;
using Xunit.Abstractions;

namespace DyeRegistry.Cli.Tests;

/// <summary>
/// <c>dyereg screen --cluster</c> on real node processes on 127.0.0.1 with the Redis that test.sh
/// starts (DYEREG_TEST_REDIS; a test starts its own redis-server when that is not set): a node
/// killed with SIGKILL while it holds a lease, and the coordinating screen killed and resumed,
/// still give the single-machine screen's output and errors byte for byte, and the ledger holds
/// exactly one completion per shard. The note prints the time from the kill to the reassignment.
/// </summary>
public sealed class ClusterScreenTests(ITestOutputHelper log) : IDisposable
{
    private static int nextDatabase;
    private readonly TempFolder dir = new("dyereg-cluster-");
    private readonly List<Process> processes = [];
    private TestRedis? redis;

    public void Dispose()
    {
        foreach (var p in processes)
        {
            try
            {
                if (!p.HasExited)
                {
                    p.Kill(entireProcessTree: true);
                    p.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
            }

            p.Dispose();
        }

        redis?.Dispose();
        dir.Dispose();
    }

    [Fact]
    public void NodeKilledWhileHoldingALease_JobFinishes_WithTheSingleMachineBytes()
    {
        var catalogue = dir.File("cat.smi", string.Join('\n', Enumerable.Range(0, 9000).Select(Line)) + "\n");
        KillANodeMidJob([catalogue], perShard: 750, nodes: 3);
    }

    /// <summary>The acceptance run: the real catalogue given 8 times (229,800 records), shards of 20,000.</summary>
    [ValidationFact]
    [Trait("Category", "Validation")]
    public void RealCatalogueEightTimes_NodeKilled_JobFinishes_WithTheSingleMachineBytes()
    {
        KillANodeMidJob(Enumerable.Repeat(SharedData.Catalogue, 8).ToArray(), perShard: 20_000, nodes: 3);
    }

    [Fact]
    public void CoordinatorKilledMidJob_Resume_FinishesWithTheSameOutput()
    {
        var catalogue = dir.File("cat.smi", string.Join('\n', Enumerable.Range(0, 6000).Select(Line)) + "\n");
        var reference = Reference([catalogue]);
        var uri = Redis();
        StartNodes(uri, 2);
        var output = dir.Combine("resumed.jsonl");
        var coordinator = Dyereg(["screen", catalogue, "--cluster", uri, "-o", output, "--errors", output + ".errors", "--shard-records", "400"], out _);
        var ledger = JobLedger.Connect(MembershipAddress.Parse(uri));
        var id = WaitFor(() => File.Exists(Path.Combine(output + ".job", "cluster-job")) ? File.ReadAllText(Path.Combine(output + ".job", "cluster-job")).Trim() : null, "the job to be submitted");
        WaitFor(() => ledger.Completed(id).Count >= 2 ? "yes" : null, "two shards to complete");
        coordinator.Kill(); // SIGKILL
        coordinator.WaitForExit();
        Assert.False(File.Exists(output), "a killed coordinator has merged nothing");

        var resumed = Dyereg(["screen", catalogue, "--cluster", uri, "-o", output, "--errors", output + ".errors", "--shard-records", "400", "--resume"], out var err);
        Assert.True(resumed.WaitForExit(TimeSpan.FromMinutes(5)), "the resumed job did not finish in 5 minutes");
        resumed.WaitForExit(); // its standard error read to the end
        Assert.True(resumed.ExitCode == 0, Text(err));
        Assert.Equal(File.ReadAllBytes(reference), File.ReadAllBytes(output));
        Assert.Equal(File.ReadAllBytes(reference + ".errors"), File.ReadAllBytes(output + ".errors"));
        Assert.Equal(15, ledger.Completed(id).Count);
        Assert.True(ledger.IsFinished(id));
    }

    private void KillANodeMidJob(string[] catalogues, int perShard, int nodes)
    {
        var reference = Reference(catalogues);
        var uri = Redis();
        var silos = StartNodes(uri, nodes);
        var output = dir.Combine("cluster.jsonl");
        var clock = Stopwatch.StartNew();
        var coordinator = Dyereg([.. new[] { "screen" }, .. catalogues, "--cluster", uri, "-o", output, "--errors", output + ".errors", "--shard-records", perShard.ToString(System.Globalization.CultureInfo.InvariantCulture)], out var err);
        var ledger = JobLedger.Connect(MembershipAddress.Parse(uri));
        var id = WaitFor(() => File.Exists(Path.Combine(output + ".job", "cluster-job")) ? File.ReadAllText(Path.Combine(output + ".job", "cluster-job")).Trim() : null, "the job to be submitted");

        // A lease that is not yet complete, held by one of our nodes: kill that node.
        var (shard, node) = WaitForValue(() =>
        {
            var done = ledger.Completed(id);
            return ledger.EventsOf(id).Select(e => e.Split(' ')).Where(e => e[1] == "lease" && !done.ContainsKey(int.Parse(e[2], System.Globalization.CultureInfo.InvariantCulture)))
                .Select(e => (Shard: int.Parse(e[2], System.Globalization.CultureInfo.InvariantCulture), Node: e[3])).LastOrDefault() is { Node: not null } l ? l : ((int, string)?)null;
        }, "a lease to be held");
        var victim = silos[node];
        victim.Kill(); // SIGKILL: no goodbye to the membership, no last renewal
        var killedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        victim.WaitForExit();

        Assert.True(coordinator.WaitForExit(TimeSpan.FromMinutes(8)), "the job did not finish in 8 minutes: " + Text(err));
        coordinator.WaitForExit();
        Assert.True(coordinator.ExitCode == 0, Text(err));
        log.WriteLine($"job of {catalogues.Length} file(s), {ledger.Completed(id).Count} shards, 3 nodes: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(File.ReadAllBytes(reference), File.ReadAllBytes(output));
        Assert.Equal(File.ReadAllBytes(reference + ".errors"), File.ReadAllBytes(output + ".errors"));

        // Exactly one completion per shard in the ledger's final state; a second run of a shard is a duplicate.
        var completed = ledger.Completed(id);
        var events = ledger.EventsOf(id).Select(e => e.Split(' ')).ToList();
        var shards = Directory.GetFiles(Path.Combine(output + ".job", "done")).Length;
        Assert.Equal(Enumerable.Range(0, shards), completed.Keys.Order());
        Assert.All(completed.Keys, k => Assert.Single(events, e => e[1] == "complete" && e[2] == k.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(completed.Values, d => d.Node == node && d.Shard == shard);

        var again = events.FirstOrDefault(e => e[1] == "lease" && e[2] == shard.ToString(System.Globalization.CultureInfo.InvariantCulture) && long.Parse(e[0], System.Globalization.CultureInfo.InvariantCulture) > killedAt);
        Assert.NotNull(again);
        var expiry = events.FirstOrDefault(e => e[1] == "expire" && e[2] == shard.ToString(System.Globalization.CultureInfo.InvariantCulture) && long.Parse(e[0], System.Globalization.CultureInfo.InvariantCulture) >= killedAt - 1000);
        log.WriteLine($"killed the node holding shard {shard}; the shard was leased again {long.Parse(again[0], System.Globalization.CultureInfo.InvariantCulture) - killedAt} ms after the kill ({(expiry is null ? "no expiry event" : "lease expired: " + expiry[4])}), to {again[3]}");
        log.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    // The single-machine screen of the same input.
    private string Reference(string[] catalogues)
    {
        var reference = dir.Combine("reference.jsonl");
        var p = Dyereg([.. new[] { "screen" }, .. catalogues, "-o", reference, "--errors", reference + ".errors", "--quiet"], out var err);
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(8)), "the single-machine screen did not finish");
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, Text(err));
        Assert.NotEmpty(File.ReadAllLines(reference));
        return reference;
    }

    private Dictionary<string, Process> StartNodes(string uri, int count)
    {
        var nodes = new Dictionary<string, Process>();
        for (var i = 0; i < count; i++)
        {
            var p = Dyereg(["cluster", "node", "--membership", uri, "--threads", "1"], out var err);
            var silo = WaitFor(() =>
            {
                Assert.False(p.HasExited, "a node exited: " + Text(err));
                var line = Text(err).Split('\n').FirstOrDefault(l => l.Contains("ready as ", StringComparison.Ordinal));
                return line?.Split("ready as ")[1].Split(' ')[0];
            }, "a node to start");
            nodes[silo] = p;
        }

        return nodes;
    }

    // What a process wrote to standard error so far: its reader thread appends under the same lock.
    private static string Text(StringBuilder err)
    {
        lock (err)
        {
            return err.ToString();
        }
    }

    private Process Dyereg(string[] args, out StringBuilder stderr)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "dyereg")) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        args.ToList().ForEach(info.ArgumentList.Add);
        var p = Process.Start(info)!;
        var err = new StringBuilder();
        p.ErrorDataReceived += (_, e) =>
        {
            lock (err)
            {
                err.AppendLine(e.Data);
            }
        };
        p.OutputDataReceived += (_, _) => { };
        p.BeginErrorReadLine();
        p.BeginOutputReadLine();
        processes.Add(p);
        stderr = err;
        return p;
    }

    private static T WaitFor<T>(Func<T?> probe, string what)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            try
            {
                if (probe() is { } value)
                {
                    return value;
                }
            }
            catch (StackExchange.Redis.RedisTimeoutException)
            {
                // A loaded machine (the suite's projects run side by side) answered late: ask again.
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException($"waited 3 minutes for {what}");
    }

    private static T WaitForValue<T>(Func<T?> probe, string what)
        where T : struct => (T)WaitFor<object>(() => probe(), what);

    // test.sh's Redis (a database of its own per test), or a server of this test's own.
    private string Redis()
    {
        redis ??= TestRedis.Start(dir.Path, "the cluster tests");
        return redis.CleanDatabase(1 + (Interlocked.Increment(ref nextDatabase) % 15));
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }

    // Azo dyes (some within Y-I), plain compounds, and now and then a record RDKit rejects.
    private static string Line(int i) => (i % 997) switch
    {
        13 => $"C1CC(N=N K-{i:D5}",
        _ when i % 3 == 0 => $"CC1=NN(c2ccccn2)C(O)=C1N=Nc1ccc({new string('C', 1 + (i % 7))})cn1 K-{i:D5}",
        _ => $"CCN({new string('C', 1 + (i % 40))})c1ccc(N=Nc2ccc(O{new string('C', 1 + (i / 40 % 30))})cc2)cc1 K-{i:D5}",
    };
}
