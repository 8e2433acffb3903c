using System.Diagnostics;
using System.Text.Json;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Application.Screening;
using DyeRegistry.Cluster;
using Microsoft.Extensions.Hosting;

namespace DyeRegistry.Server.Tests;

/// <summary>
/// A cluster job's progress through dyereg serve's jobs API: the server reads the same Redis
/// ledger as a node (in process here) and the coordinating <c>dyereg screen --cluster</c>; while the
/// job runs and when it is done, /api/v1/jobs shows its shards done, running and left, its counts
/// and the nodes alive. Uses test.sh's Redis (DYEREG_TEST_REDIS, database 0) or starts its own.
/// </summary>
public sealed class ClusterJobTests : IDisposable
{
    private readonly DyeRegistry.TestSupport.TempFolder dir = new("dyereg-clusterjobs-");
    private Process? ownRedis;

    public void Dispose()
    {
        if (ownRedis is { HasExited: false })
        {
            ownRedis.Kill();
            ownRedis.WaitForExit();
        }

        ownRedis?.Dispose();
        dir.Dispose();
    }

    [Fact]
    public async Task A_cluster_jobs_progress_shows_through_the_api()
    {
        var membership = MembershipAddress.Parse(Redis());
        await using var host = await ApiHost.StartAsync(o => o with { ClusterJobs = new LedgerJobs(membership) });
        var catalogue = dir.Combine("catalogue.smi");
        File.WriteAllText(catalogue, JobTests.Catalogue(3_000));

        using var node = ClusterHosting.Node(membership, new NodeOptions(1, 1));
        await node.StartAsync();
        try
        {
            var output = dir.Combine("hits.jsonl");
            var request = new ShardPlanRequest([catalogue], output, dir.Combine("errors.txt"), Markush.FormulaLibrary.DefaultFolder(), [], ScreenValidation.All, 500);
            var screen = Task.Factory.StartNew(() => new ClusterScreen(membership).Run(request, false, _ => { }, CancellationToken.None), TaskCreationOptions.LongRunning);

            var seen = new List<JsonElement>();
            var clock = Stopwatch.StartNew();
            while (!screen.IsCompleted || seen.Count == 0 || seen[^1].GetProperty("state").GetString() != "done")
            {
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), $"the cluster job did not finish in 5 minutes; seen: {string.Join(" | ", seen.TakeLast(3))}");
                var list = JsonDocument.Parse(await host.As(Role.Viewer).GetStringAsync("/api/v1/jobs")).RootElement;
                Assert.Equal(JsonValueKind.Null, list.GetProperty("clusterError").ValueKind);
                if (list.GetProperty("cluster").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } job)
                {
                    seen.Add(job.Clone());
                }

                if (screen.IsFaulted)
                {
                    await screen; // its exception
                }

                await Task.Delay(200);
            }

            var totals = await screen;
            var last = seen[^1];
            Assert.Equal(6, last.GetProperty("shards").GetInt32());
            Assert.Equal(6, last.GetProperty("shardsDone").GetInt32());
            Assert.Equal(0, last.GetProperty("shardsLeft").GetInt32());
            Assert.Equal(3_000, last.GetProperty("records").GetInt64());
            Assert.Equal(totals.Hits, last.GetProperty("hits").GetInt64());
            Assert.Equal(File.ReadAllLines(output).Length, last.GetProperty("hits").GetInt64());
            Assert.True(last.GetProperty("nodesAlive").GetInt32() >= 1);
            // Seen on the way: part of the shards done, and a shard running on the node.
            Assert.Contains(seen, j => j.GetProperty("shardsDone").GetInt32() < 6);
            Assert.Contains(seen, j => j.GetProperty("shardsRunning").GetInt32() >= 1);

            var id = last.GetProperty("id").GetString()!;
            Assert.StartsWith("cluster:", id, StringComparison.Ordinal);
            var one = JsonDocument.Parse(await host.As(Role.Viewer).GetStringAsync($"/api/v1/jobs/{id}")).RootElement;
            Assert.Equal("done", one.GetProperty("state").GetString());
            Assert.Equal(1.0, one.GetProperty("fraction").GetDouble());
        }
        finally
        {
            await node.StopAsync();
        }
    }

    private string Redis()
    {
        var given = Environment.GetEnvironmentVariable("DYEREG_TEST_REDIS");
        string address;
        if (!string.IsNullOrEmpty(given))
        {
            address = given.TrimEnd('/') + "/0"; // the cluster tests of the CLI use databases 1-15
        }
        else
        {
            using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            l.Start();
            var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            var info = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true };
            foreach (var a in new[] { "--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--dir", dir.Path })
            {
                info.ArgumentList.Add(a);
            }

            try
            {
                ownRedis = Process.Start(info)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("redis-server is not installed (scripts/bootstrap.sh installs it; test.sh starts it): the cluster job test cannot run", e);
            }

            ownRedis.OutputDataReceived += (_, _) => { };
            ownRedis.BeginOutputReadLine();
            address = $"redis://127.0.0.1:{port}";
        }

        // A clean database: an earlier run's jobs must not be listed.
        var m = MembershipAddress.Parse(address);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var flush = Process.Start(new ProcessStartInfo("redis-cli", ["-h", m.Host, "-p", m.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-n", m.Database.ToString(System.Globalization.CultureInfo.InvariantCulture), "flushdb"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            flush.WaitForExit();
            if (flush.StandardOutput.ReadToEnd().Contains("OK", StringComparison.Ordinal))
            {
                return address;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Redis at {address} did not answer in 30 s");
            Thread.Sleep(200);
        }
    }
}
