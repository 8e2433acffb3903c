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
    private DyeRegistry.TestSupport.TestRedis? redis;

    public void Dispose()
    {
        redis?.Dispose();
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

    [Fact]
    public async Task A_registrar_cancels_a_cluster_job_through_the_api_and_resume_finishes_it()
    {
        var membership = MembershipAddress.Parse(Redis());
        await using var host = await ApiHost.StartAsync(o => o with { ClusterJobs = new LedgerJobs(membership) });
        var catalogue = dir.Combine("catalogue.smi");
        File.WriteAllText(catalogue, JobTests.Catalogue(6_000));
        var output = dir.Combine("hits.jsonl");
        var request = new ShardPlanRequest([catalogue], output, dir.Combine("errors.txt"), Markush.FormulaLibrary.DefaultFolder(), [], ScreenValidation.All, 150);

        using var node = ClusterHosting.Node(membership, new NodeOptions(1, 1));
        await node.StartAsync();
        try
        {
            var screen = Task.Factory.StartNew(() => new ClusterScreen(membership).Run(request, false, _ => { }, CancellationToken.None), TaskCreationOptions.LongRunning);
            var ledger = JobLedger.Connect(membership);
            var clock = Stopwatch.StartNew();
            string? id = null;
            while (id is null || ledger.Completed(id).Count < 1)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "no shard completed in 3 minutes");
                Assert.False(screen.IsCompleted, "the job ended before it was cancelled");
                id ??= ledger.ActiveJobs().FirstOrDefault();
                await Task.Delay(100);
            }

            var path = $"/api/v1/jobs/cluster:{id}/cancel";
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await host.As(Role.Chemist).PostAsync(path, null)).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await host.As(Role.Registrar).PostAsync("/api/v1/jobs/cluster:nope/cancel", null)).StatusCode);
            var cancelled = await host.As(Role.Registrar).PostAsync(path, null);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, cancelled.StatusCode);
            Assert.Equal("cancelled", JsonDocument.Parse(await cancelled.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString());
            Assert.Equal(System.Net.HttpStatusCode.Conflict, (await host.As(Role.Admin).PostAsync(path, null)).StatusCode);

            // The coordinator stops following it; the node stops its shard at the next renewal and leases no more.
            var stopped = await Assert.ThrowsAsync<ClusterJobCancelledException>(() => screen);
            Assert.Contains("--resume", stopped.Message, StringComparison.Ordinal);
            await Task.Delay(ShardWorker.RenewEvery * 2 + TimeSpan.FromSeconds(1));
            var doneAfterCancel = ledger.Completed(id).Count;
            await Task.Delay(ShardWorker.RenewEvery * 2);
            Assert.Equal(doneAfterCancel, ledger.Completed(id).Count);
            Assert.InRange(doneAfterCancel, 1, 39);
            Assert.False(File.Exists(output), "a cancelled job merges nothing");
            var shown = JsonDocument.Parse(await host.As(Role.Viewer).GetStringAsync($"/api/v1/jobs/cluster:{id}")).RootElement;
            Assert.Equal("cancelled", shown.GetProperty("state").GetString());
            Assert.Equal(doneAfterCancel, shown.GetProperty("shardsDone").GetInt32());

            // --resume makes it active again: the same job finishes, with dyereg screen's output.
            var totals = await Task.Factory.StartNew(() => new ClusterScreen(membership).Run(request, true, _ => { }, CancellationToken.None), TaskCreationOptions.LongRunning);
            Assert.Equal(6_000, totals.Records);
            Assert.Equal(40, ledger.Completed(id).Count);
            Assert.Equal("done", JsonDocument.Parse(await host.As(Role.Viewer).GetStringAsync($"/api/v1/jobs/cluster:{id}")).RootElement.GetProperty("state").GetString());
            var reference = dir.Combine("reference.jsonl");
            Assert.Equal(0, ApiHost.Cli("screen", catalogue, "-o", reference, "--errors", reference + ".errors", "--quiet").Exit);
            Assert.Equal(File.ReadAllBytes(reference), File.ReadAllBytes(output));
            Assert.Equal(File.ReadAllBytes(reference + ".errors"), File.ReadAllBytes(dir.Combine("errors.txt")));
        }
        finally
        {
            await node.StopAsync();
        }
    }

    // test.sh's Redis, database 0 (the cluster tests of the CLI use databases 1-15), or a server of this test's own.
    private string Redis()
    {
        redis ??= DyeRegistry.TestSupport.TestRedis.Start(dir.Path, "the cluster job test");
        return redis.CleanDatabase(0);
    }
}
