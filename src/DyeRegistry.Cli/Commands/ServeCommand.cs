using System.CommandLine;
using DyeRegistry.Claims;
using DyeRegistry.Server;

namespace DyeRegistry.Cli.Commands;

/// <summary><c>dyereg serve [--registry R] [--urls http://127.0.0.1:5080]</c>: the registry as an
/// HTTP service (DyeRegistry.Server) until Ctrl+C or SIGTERM.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var registry = RegistryOptions.Path();
        var urls = new Option<string>("--urls") { Description = "Where to listen (default: loopback only, http://127.0.0.1:5080); ';' between several.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var formulas = FormulaOptions.Folder();
        var claims = new Option<string>("--claims") { Description = "Folder of claim set and readings files (default as for dyereg scope).", DefaultValueFactory = _ => ClaimLibrary.DefaultFolder() };
        var demo = new Option<bool>("--demo") { Description = "Serve a throw-away registry holding the sample records, with a demo administrator whose password is made for this run and printed once." };
        var rate = new Option<int>("--requests-per-second") { Description = "Requests each account (or address without one) may make per second, with a burst of ten times that; more get 429 (default 50).", DefaultValueFactory = _ => 50 };
        var cluster = new Option<string?>("--cluster") { Description = "A cluster's membership and job ledger (redis://HOST:PORT[/DB], as dyereg cluster node): its screening jobs are listed with their progress." };
        var command = new Command("serve", "Serve the registry over HTTP: the browser pages at /, REST API under /api/v1 with accounts (dyereg users), /healthz, /openapi/v1.json.")
        {
            registry, urls, formulas, claims, demo, rate,
        };
        command.Options.Add(cluster);
        command.SetAction(parse =>
        {
            DyeRegistry.Cluster.LedgerJobs? clusterJobs;
            try
            {
                clusterJobs = parse.GetValue(cluster) is { } uri ? new DyeRegistry.Cluster.LedgerJobs(DyeRegistry.Cluster.MembershipAddress.Parse(uri)) : null;
            }
            catch (ArgumentException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"dyereg serve: --cluster: {e.Message}");
                return ExitCodes.UsageOrInputError;
            }

            string? demoFolder = null;
            string? greeting = null;
            var registryPath = parse.GetValue(registry)!;
            if (parse.GetValue(rate) < 1)
            {
                parse.InvocationConfiguration.Error.WriteLine("dyereg serve: --requests-per-second: expected a whole number of 1 or more");
                return ExitCodes.UsageOrInputError;
            }

            if (parse.GetValue(demo))
            {
                var samples = DemoRegistry.FindSamples();
                if (samples is null)
                {
                    parse.InvocationConfiguration.Error.WriteLine("dyereg serve --demo: samples/records.json not found beside the program or above the working directory");
                    return ExitCodes.UsageOrInputError;
                }

                demoFolder = Directory.CreateTempSubdirectory("dyereg-demo-").FullName;
                registryPath = Path.Combine(demoFolder, "demo.db");
                var password = DemoRegistry.Create(registryPath, samples, parse.GetValue(formulas)!);
                greeting = $"dyereg serve --demo: the sample records in a throw-away registry; log in as '{DemoRegistry.AccountName}' with the password {password} (made for this run)";
            }

            var options = new ServeOptions
            {
                Registry = registryPath,
                Urls = parse.GetValue(urls)!,
                FormulasFolder = parse.GetValue(formulas)!,
                ClaimsFolder = parse.GetValue(claims)!,
                RequestsPerSecond = parse.GetValue(rate),
                ClusterJobs = clusterJobs,
            };
            try
            {
                ServerHost.RunAsync(options, parse.InvocationConfiguration.Error, greeting: greeting).GetAwaiter().GetResult();
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is Storage.RegistryException or IOException or ArgumentException or Markush.Loading.FormulaFileException or Claims.Loading.ClaimFileException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"dyereg serve: {e.Message}");
                return ExitCodes.UsageOrInputError;
            }
            finally
            {
                if (demoFolder is not null)
                {
                    Directory.Delete(demoFolder, recursive: true);
                }
            }
        });
        return command;
    }
}
