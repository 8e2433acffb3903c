using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DyeRegistry.TestSupport;

/// <summary>
/// The Redis a cluster test uses: test.sh's (<c>DYEREG_TEST_REDIS</c>), or a redis-server of the
/// test's own on a free loopback port, stopped when disposed. <see cref="CleanDatabase"/> hands
/// out an emptied database, asking until the server answers (one just started may not listen yet).
/// </summary>
public sealed class TestRedis : IDisposable
{
    private readonly Process? own;

    private TestRedis(string address, Process? own)
    {
        Address = address;
        this.own = own;
    }

    /// <summary>redis://HOST:PORT, without a database.</summary>
    public string Address { get; }

    /// <param name="folder">Where a server of the test's own may write (it saves nothing).</param>
    /// <param name="who">The tests, for the message when redis-server is not installed.</param>
    public static TestRedis Start(string folder, string who)
    {
        if (Environment.GetEnvironmentVariable("DYEREG_TEST_REDIS") is { Length: > 0 } given)
        {
            return new TestRedis(given.TrimEnd('/'), null);
        }

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var info = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var a in new[] { "--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--dir", folder })
        {
            info.ArgumentList.Add(a);
        }

        Process server;
        try
        {
            server = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"redis-server is not installed (scripts/bootstrap.sh installs it; test.sh starts it): {who} cannot run", e);
        }

        server.OutputDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        return new TestRedis($"redis://127.0.0.1:{port}", server);
    }

    /// <summary>Empties database <paramref name="database"/> and returns its address (ADDRESS/DB),
    /// so an earlier run's jobs and members are gone.</summary>
    public string CleanDatabase(int database)
    {
        var uri = new Uri(Address);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var flush = Process.Start(new ProcessStartInfo("redis-cli", ["-h", uri.Host, "-p", uri.Port.ToString(CultureInfo.InvariantCulture), "-n", database.ToString(CultureInfo.InvariantCulture), "flushdb"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var answer = flush.StandardOutput.ReadToEnd();
            flush.WaitForExit();
            if (answer.Contains("OK", StringComparison.Ordinal))
            {
                return $"{Address}/{database}";
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new TimeoutException($"Redis at {Address} did not answer redis-cli flushdb in 90 s");
            }

            Thread.Sleep(200);
        }
    }

    public void Dispose()
    {
        if (own is { HasExited: false })
        {
            own.Kill();
            own.WaitForExit();
        }

        own?.Dispose();
    }
}
