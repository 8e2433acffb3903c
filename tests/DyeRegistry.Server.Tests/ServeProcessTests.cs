using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Server.Tests;

/// <summary>The real <c>dyereg serve</c> process on a free loopback port: starts, answers
/// /healthz and an API call, and stops on SIGTERM with exit code 0.</summary>
public class ServeProcessTests
{
    [Fact]
    public async Task DyeregServe_StartsAnswersAndStops()
    {
        using var temp = new TempFolder("dyereg-serve-");
        var registry = temp.Combine("registry.db");
        Assert.Equal(0, ApiHost.Cli("import", ApiHost.Samples, "--registry", registry).Exit);
        var token = ApiHost.Cli("users", "add", "reader", "--role", "viewer", "--registry", registry).Out.Trim();
        var port = FreePort();
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "dyereg")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "serve", "--registry", registry, "--urls", $"http://127.0.0.1:{port}" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            HttpResponseMessage? health = null;
            while (health is null && DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    health = await client.GetAsync("/healthz");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }

            Assert.True(health is { StatusCode: HttpStatusCode.OK }, $"no /healthz answer; stderr: {(process.HasExited ? await stderr : "(running)")}");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var records = await client.GetStringAsync("/api/v1/records?kind=medium");
            Assert.Contains("MED-1", records);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(wait.Token);
            Assert.Equal(0, process.ExitCode);
            var log = await stdout;
            Assert.Contains("/api/v1/records", log); // the request log (JSON, with its request id)
            Assert.Contains("RequestId", log);
            Assert.Contains("stopping", await stderr);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
