using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DyeRegistry.Server.Tests;

/// <summary>
/// The real <c>dyereg serve</c> process on a loopback port: started, waited for until /healthz
/// answers, stopped with SIGTERM or killed with SIGKILL. Its request log (standard output) goes to
/// a file, so a busy server never blocks on a full pipe.
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process process;
    private readonly Task copyLog;
    private readonly Task<string> stderr;

    private ServeProcess(Process process, string logFile)
    {
        this.process = process;
        var log = File.Create(logFile);
        copyLog = process.StandardOutput.BaseStream.CopyToAsync(log).ContinueWith(_ => log.Dispose(), TaskScheduler.Default);
        stderr = process.StandardError.ReadToEndAsync();
    }

    public int Id => process.Id;

    /// <summary>Starts <c>dyereg serve --registry R --urls http://127.0.0.1:PORT</c> with the extra
    /// arguments and returns once /healthz answers 200 (or fails the test after a minute).</summary>
    public static async Task<ServeProcess> StartAsync(string registry, int port, string logFile, params string[] extra)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "dyereg")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "serve", "--registry", registry, "--urls", $"http://127.0.0.1:{port}" }.Concat(extra))
        {
            info.ArgumentList.Add(arg);
        }

        var serve = new ServeProcess(Process.Start(info)!, logFile);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !serve.process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return serve;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        var why = serve.process.HasExited ? await serve.stderr : "(still running after a minute)";
        serve.Dispose();
        throw new InvalidOperationException($"dyereg serve on port {port} never answered /healthz; stderr: {why}");
    }

    /// <summary>SIGKILL: no shutdown code runs, as when the machine loses power or the OOM killer strikes.</summary>
    public async Task KillHardAsync()
    {
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
        await copyLog;
    }

    /// <summary>SIGTERM, then the exit code once the server has stopped (at most a minute).</summary>
    public async Task<(int Exit, string Stderr)> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(wait.Token);
        await copyLog;
        return (process.ExitCode, await stderr);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
