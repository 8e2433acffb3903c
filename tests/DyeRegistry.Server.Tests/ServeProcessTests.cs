using System.Net;
using System.Net.Http.Headers;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Server.Tests;

/// <summary>The real <c>dyereg serve</c> process on a free loopback port: starts, answers
/// /healthz and an API call, limits an account to the requests per second it was given (a burst of
/// ten times that, then 429), and stops on SIGTERM with exit code 0.</summary>
public class ServeProcessTests
{
    [Fact]
    public async Task DyeregServe_StartsAnswersAndStops()
    {
        using var temp = new TempFolder("dyereg-serve-");
        var registry = temp.Combine("registry.db");
        Assert.Equal(0, ApiHost.Cli("import", ApiHost.Samples, "--registry", registry).Exit);
        var token = ApiHost.Cli("users", "add", "reader", "--role", "viewer", "--registry", registry).Out.Trim();
        var chemistToken = ApiHost.Cli("users", "add", "bench", "--role", "chemist", "--registry", registry).Out.Trim();
        var port = ServeProcess.FreePort();
        var logFile = temp.Combine("serve.log");
        using var serve = await ServeProcess.StartAsync(registry, port, logFile, "--requests-per-second", "2");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var records = await client.GetStringAsync("/api/v1/records?kind=medium");
        Assert.Contains("MED-1", records);
        // Kestrel's own body limit (4 MB by default) refuses a 20 MB body from its length, before
        // it is sent (the client asks with Expect: 100-continue, as curl does for large bodies).
        using var twentyMegabytes = new HttpRequestMessage(HttpMethod.Put, "/api/v1/records/INK-BIG") { Content = new StringContent(new string(' ', 20 * 1024 * 1024)) };
        twentyMegabytes.Headers.ExpectContinue = true;
        twentyMegabytes.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chemistToken);
        var tooLarge = await client.SendAsync(twentyMegabytes);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            statuses.Add((await client.GetAsync("/api/v1/records/MED-1")).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses); // a burst of 20 at 2 per second
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= 18, string.Join(", ", statuses));

        var (exit, stderr) = await serve.StopAsync();
        Assert.Equal(0, exit);
        var log = await File.ReadAllTextAsync(logFile);
        Assert.Contains("/api/v1/records", log); // the request log (JSON, with its request id)
        Assert.Contains("RequestId", log);
        Assert.Contains("stopping", stderr);
    }
}
