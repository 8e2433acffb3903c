using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DyeRegistry.TestSupport;
using Xunit.Abstractions;

namespace DyeRegistry.Server.Tests.Load;

/// <summary>
/// Issue 16's load and fault test, on the real <c>dyereg serve</c> process on a loopback port:
/// 32 chemists (one account each) read, search, make claim charts and write at once; halfway the
/// server is killed with SIGKILL and started again on the same registry. Afterwards every write that
/// got a 2xx is there at the acknowledged version with the document that was sent and its audit
/// entry, the registry's check passes (nothing half-written), no request got a 5xx, and every kind
/// of request was served again after the restart.
/// Bounded: it stops by itself after <c>DYEREG_LOAD_SECONDS</c> (20 in the suite;
/// benchmarks/serve-load.sh runs 60 and prints the figures). <c>DYEREG_LOAD_CLIENTS</c> sets the
/// number of clients, <c>DYEREG_LOAD_IMPORT</c> a file imported before the run (a catalogue, so
/// that searches have something to search), <c>DYEREG_LOAD_REPORT</c> where the figures go.
/// </summary>
public sealed class ServeLoadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ManyClients_ServerKilledAndRestarted_EveryAcknowledgedWriteIsThere()
    {
        var seconds = Setting("DYEREG_LOAD_SECONDS", 20);
        var clients = Setting("DYEREG_LOAD_CLIENTS", 32);
        using var temp = new TempFolder("dyereg-load-");
        var registry = temp.Combine("registry.db");
        Assert.Equal(0, ApiHost.Cli("import", ApiHost.Samples, "--registry", registry).Exit);
        if (Environment.GetEnvironmentVariable("DYEREG_LOAD_IMPORT") is { Length: > 0 } catalogue)
        {
            var imported = ApiHost.Cli("import", catalogue, "--registry", registry, "--no-estimates");
            Assert.True(imported.Exit is 0 or 1, imported.Err); // 1: some catalogue records refused, as import reports them
        }

        var tokens = Enumerable.Range(0, clients).Select(c =>
        {
            var added = ApiHost.Cli("users", "add", Account(c), "--role", "chemist", "--registry", registry);
            Assert.Equal(0, added.Exit);
            return added.Out.Trim();
        }).ToList();

        var port = ServeProcess.FreePort();
        var server = new Uri($"http://127.0.0.1:{port}");
        // Each account may make 200 requests/s: the limiter stays on, as in production, but a
        // fast client is not what this test measures.
        string[] serveArguments = ["--requests-per-second", "200"];
        var first = await ServeProcess.StartAsync(registry, port, temp.Combine("serve-1.log"), serveArguments);
        var samples = new ConcurrentQueue<LoadSample>();
        var acknowledged = new ConcurrentQueue<AcknowledgedWrite>();
        var start = DateTime.UtcNow;
        var deadline = start + TimeSpan.FromSeconds(seconds);
        var running = tokens.Select((token, c) => Task.Run(() => new LoadClient(c, token, server, samples, acknowledged).RunAsync(deadline))).ToList();

        await Task.Delay(TimeSpan.FromSeconds(seconds / 2.0));
        var killedAt = DateTime.UtcNow;
        await first.KillHardAsync();
        first.Dispose();
        using var second = await ServeProcess.StartAsync(registry, port, temp.Combine("serve-2.log"), serveArguments);
        var restartedAt = DateTime.UtcNow;
        await Task.WhenAll(running);
        var run = DateTime.UtcNow - start;

        var fault = FormattableString.Invariant($"SIGKILL at {(killedAt - start).TotalSeconds:F1} s, serving again {(restartedAt - killedAt).TotalSeconds:F1} s later");
        var report = LoadReport.Format(samples, run, restartedAt - killedAt, clients, fault) + FormattableString.Invariant($"acknowledged writes: {acknowledged.Count}\n");
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("DYEREG_LOAD_REPORT") is { Length: > 0 } reportFile)
        {
            File.WriteAllText(reportFile, report);
        }

        Assert.DoesNotContain(samples, s => s.Status >= 500);
        foreach (var kind in LoadClient.Kinds)
        {
            Assert.True(samples.Any(s => s.Kind == kind && s.Status is >= 200 and < 300 && s.AtUtc < killedAt), $"no '{kind}' was answered with a 2xx before the kill");
            Assert.True(samples.Any(s => s.Kind == kind && s.Status is >= 200 and < 300 && s.AtUtc > restartedAt), $"no '{kind}' was answered with a 2xx after the restart");
        }

        using var reader = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[0]);
        var missing = new List<string>();
        foreach (var write in acknowledged)
        {
            var answer = await reader.GetAsync(FormattableString.Invariant($"/api/v1/records/{write.Id}?version={write.Version}"));
            var name = answer.IsSuccessStatusCode ? (string?)JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["document"]?["name"] : null;
            if (name != write.Name)
            {
                missing.Add(FormattableString.Invariant($"{write.Id} version {write.Version}: {(int)answer.StatusCode}, name '{name}' instead of '{write.Name}'"));
            }
        }

        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged writes are not there as acknowledged: {string.Join("; ", missing.Take(10))}");
        var audited = new HashSet<(string, int)>();
        for (var c = 0; c < clients; c++)
        {
            foreach (var entry in JsonNode.Parse(await reader.GetStringAsync($"/api/v1/audit?user={Account(c)}&limit=10000"))!.AsArray())
            {
                audited.Add(((string)entry!["record"]!, (int)entry["version"]!));
            }
        }

        var unaudited = acknowledged.Where(w => !audited.Contains((w.Id, w.Version))).ToList();
        Assert.True(unaudited.Count == 0, $"{unaudited.Count} acknowledged writes have no audit entry: {string.Join(", ", unaudited.Take(10).Select(w => $"{w.Id} v{w.Version}"))}");

        var (exit, stderr) = await second.StopAsync();
        Assert.True(exit == 0, $"dyereg serve exited with {exit} on SIGTERM: {stderr}");
        var check = ApiHost.Cli("check", "--registry", registry);
        Assert.True(check.Exit == 0, $"dyereg check after the kill: {check.Out}{check.Err}");
    }

    private static string Account(int client) => string.Create(CultureInfo.InvariantCulture, $"load{client:00}");

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
