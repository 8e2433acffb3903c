using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

namespace DyeRegistry.Cluster;

/// <summary>Builds a worker silo and a client of the same cluster: membership in Redis, loopback
/// or the given address, ports chosen free when not given (several nodes per machine).</summary>
public static class ClusterHosting
{
    public const string ClusterId = "dyereg";

    public static IHost Node(MembershipAddress membership, NodeOptions options, int siloPort = 0, int gatewayPort = 0, IPAddress? address = null)
    {
        var ip = address ?? IPAddress.Loopback;
        return Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(silo =>
            {
                silo.UseRedisClustering(o => o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(membership.RedisConfiguration));
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId));
                silo.ConfigureEndpoints(ip, siloPort == 0 ? FreePort() : siloPort, gatewayPort == 0 ? FreePort() : gatewayPort);
                silo.ConfigureServices(s =>
                {
                    s.AddSingleton(JobLedger.Connect(membership));
                    s.AddSingleton(options);
                    s.AddHostedService<ShardWorker>();
                });
            })
            .Build();
    }

    public static IHost Client(MembershipAddress membership) =>
        Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Error))
            .UseOrleansClient(client =>
            {
                client.UseRedisClustering(o => o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(membership.RedisConfiguration));
                client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId));
            })
            .Build();

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
