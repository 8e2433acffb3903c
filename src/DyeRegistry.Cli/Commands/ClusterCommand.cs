using System.CommandLine;
using DyeRegistry.Application.Screening;
using DyeRegistry.Application.Screening.Shards;
using DyeRegistry.Cluster;
using Microsoft.Extensions.Hosting;

namespace DyeRegistry.Cli.Commands;

/// <summary>
/// <c>dyereg cluster node --membership URI</c> (a worker silo; several per machine, each on its
/// own ports), <c>dyereg cluster status URI</c> (nodes and jobs) and <c>dyereg cluster cancel URI
/// JOB</c>; <c>dyereg screen --cluster</c> submits and follows a job (<see cref="ScreenClusterOption"/>).
/// </summary>
internal static class ClusterCommand
{
    public static Command Create()
    {
        var command = new Command("cluster", "Screening on a cluster of dyereg nodes (Orleans; membership and job ledger in Redis).");
        command.Subcommands.Add(Node());
        command.Subcommands.Add(Status());
        command.Subcommands.Add(Cancel());
        return command;
    }

    private static Command Node()
    {
        var membership = new Option<string>("--membership") { Description = "The cluster's Redis: redis://HOST:PORT.", Required = true };
        var port = new Option<int>("--port") { Description = "Silo port (default: a free one)." };
        var gateway = new Option<int>("--gateway-port") { Description = "Client gateway port (default: a free one)." };
        var slots = new Option<int>("--slots") { Description = "Shards run at once (default 1).", DefaultValueFactory = _ => 1 };
        var threads = CommonOptions.Threads();
        var command = new Command("node", "Run a worker node until stopped (Ctrl-C or SIGTERM): it takes shard leases from active jobs.") { membership, port, gateway, slots, threads };
        command.SetAction(parse =>
        {
            try
            {
                var address = MembershipAddress.Parse(parse.GetValue(membership)!);
                using var host = ClusterHosting.Node(address, new NodeOptions(parse.GetValue(slots), parse.GetValue(threads)), parse.GetValue(port), parse.GetValue(gateway));
                host.Start();
                var silo = ((Orleans.Runtime.ILocalSiloDetails)host.Services.GetService(typeof(Orleans.Runtime.ILocalSiloDetails))!).SiloAddress;
                parse.InvocationConfiguration.Error.WriteLine($"dyereg cluster node: ready as {silo.ToParsableString()} (process {Environment.ProcessId}), member of {address}");
                parse.InvocationConfiguration.Error.Flush();
                host.WaitForShutdown();
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is ArgumentException or IOException or StackExchange.Redis.RedisException or Orleans.Runtime.OrleansException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"dyereg cluster node: {e.Message}");
                return ExitCodes.UsageOrInputError;
            }
        });
        return command;
    }

    private static Command Status()
    {
        var uri = new Argument<string>("URI") { Description = "The cluster's Redis: redis://HOST:PORT." };
        var command = new Command("status", "List the cluster's nodes and its jobs with their progress.") { uri };
        command.SetAction(parse =>
        {
            try
            {
                foreach (var line in new ClusterScreen(MembershipAddress.Parse(parse.GetValue(uri)!)).Describe())
                {
                    parse.InvocationConfiguration.Output.WriteLine(line);
                }

                return ExitCodes.Success;
            }
            catch (Exception e) when (e is ArgumentException or IOException or StackExchange.Redis.RedisException or Orleans.Runtime.OrleansException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"dyereg cluster status: {e.Message}");
                return ExitCodes.UsageOrInputError;
            }
        });
        return command;
    }

    // As the jobs API's cancel (POST /api/v1/jobs/cluster:ID/cancel), read and written in the
    // ledger alone (no cluster client): whoever reaches the cluster's Redis runs the cluster, as
    // the nodes and the coordinating screen do, so no account is asked for (docs/roles.md).
    private static Command Cancel()
    {
        var uri = new Argument<string>("URI") { Description = "The cluster's Redis: redis://HOST:PORT." };
        var job = new Argument<string>("JOB") { Description = "The job's id, as dyereg cluster status lists it (cluster:ID as the jobs API names it is accepted too)." };
        var command = new Command("cancel", $"Cancel a running cluster job: no shard of it is leased again, each node stops the shard of it it runs at its next renewal, and its dyereg screen --cluster exits with code {ExitCodes.Incomplete}; the same screen with --resume makes it active again. Exit {ExitCodes.UsageOrInputError} for an unknown, finished or already cancelled job.") { uri, job };
        Examples.Add(command, "dyereg cluster cancel redis://10.0.0.5:6379 3f2a9c0e41d84b6c9e0f5a7b2c1d8e94");
        command.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var id = parse.GetValue(job)!.Trim();
            id = id.StartsWith(ClusterJobPrefix, StringComparison.Ordinal) ? id[ClusterJobPrefix.Length..] : id;
            try
            {
                var address = MembershipAddress.Parse(parse.GetValue(uri)!);
                var ledger = JobLedger.Connect(address);
                var outcome = ClusterCancel.Run(ledger, id);
                if (outcome.Cancelled)
                {
                    parse.InvocationConfiguration.Output.WriteLine($"job {id} cancelled: {outcome.Done}/{outcome.Shards} shards done stay in {outcome.Dir}; dyereg screen --cluster ... --resume goes on from there");
                    return ExitCodes.Success;
                }

                stderr.WriteLine($"dyereg cluster cancel: {outcome.Refusal(address.ToString())}");
                return ExitCodes.UsageOrInputError;
            }
            catch (Exception e) when (e is ArgumentException or IOException or StackExchange.Redis.RedisException)
            {
                stderr.WriteLine($"dyereg cluster cancel: {e.Message}");
                return ExitCodes.UsageOrInputError;
            }
        });
        return command;
    }

    private const string ClusterJobPrefix = "cluster:";
}

/// <summary><c>dyereg screen CATALOG... --cluster URI -o OUT [--shard-records N] [--resume]</c>.</summary>
internal static class ScreenClusterOption
{
    public static Option<string?> Cluster() => new("--cluster") { Description = "Screen on the cluster whose Redis this is (redis://HOST:PORT); needs --out; OUT.job holds the shards (shared storage)." };

    public static Option<long> ShardRecords() => new("--shard-records") { Description = "With --cluster: records per shard (default 20000).", DefaultValueFactory = _ => 20000 };

    public static int Run(ParseResult parse, string uri, string[] files, string? output, string? errors, string formulaFolder, string[] formulas, ScreenValidation validation, long perShard, bool resume, bool quiet)
    {
        var stderr = parse.InvocationConfiguration.Error;
        if (output is null)
        {
            throw new ArgumentException("--cluster needs --out: the parts are merged into a file");
        }

        var screen = new ClusterScreen(MembershipAddress.Parse(uri));
        var last = DateTime.MinValue;
        ShardMerge.Totals totals;
        try
        {
            totals = screen.Run(new ShardPlanRequest(files, output, errors, formulaFolder, formulas, validation, perShard), resume, s =>
            {
                if (!quiet && DateTime.UtcNow - last > TimeSpan.FromSeconds(2))
                {
                    last = DateTime.UtcNow;
                    stderr.WriteLine($"{s.Progress.Records:N0} records, {s.RecordsPerSecond:N0}/s; shards {s.Progress.Done} done, {s.Progress.Running} running, {s.Progress.Left} left; nodes alive {s.Nodes}");
                    stderr.Flush();
                }
            }, CancellationToken.None);
        }
        catch (ClusterJobCancelledException e)
        {
            stderr.WriteLine($"dyereg screen: {e.Message}");
            return ExitCodes.Incomplete;
        }

        stderr.WriteLine($"{totals.Records} records: {totals.Hits} hits, {totals.Errors} errors ({totals.Shards} shards on the cluster)");
        if (totals.NotValidated > 0)
        {
            stderr.WriteLine($"{totals.NotValidated} records could hold no formula core and were not validated (--validate hits): invalid ones among them are not in the errors");
        }

        return ExitCodes.Success;
    }
}
