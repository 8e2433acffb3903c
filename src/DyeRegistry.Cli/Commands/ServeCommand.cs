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
        var command = new Command("serve", "Serve the registry over HTTP: REST API under /api/v1 with accounts (dyereg users), /healthz, /openapi/v1.json.")
        {
            registry, urls, formulas, claims,
        };
        command.SetAction(parse =>
        {
            var options = new ServeOptions
            {
                Registry = parse.GetValue(registry)!,
                Urls = parse.GetValue(urls)!,
                FormulasFolder = parse.GetValue(formulas)!,
                ClaimsFolder = parse.GetValue(claims)!,
            };
            try
            {
                ServerHost.RunAsync(options, parse.InvocationConfiguration.Error).GetAwaiter().GetResult();
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is Storage.RegistryException or IOException or ArgumentException or Markush.Loading.FormulaFileException or Claims.Loading.ClaimFileException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"dyereg serve: {e.Message}");
                return ExitCodes.UsageOrInputError;
            }
        });
        return command;
    }
}
