using System.CommandLine;
using System.Net.Http.Headers;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Storage.Sqlite;
using DyeRegistry.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace DyeRegistry.Server.Tests;

/// <summary>
/// The service in process (ASP.NET Core's test server) on a new registry holding the records.md
/// examples (imported with dyereg import, so no account created them), with one account per role
/// and one revoked account.
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    public const long BodyLimit = 1024 * 1024;

    private readonly TempFolder temp = new("dyereg-api-");
    private readonly Dictionary<string, string> tokens = new();
    private WebApplication? app;

    public string Registry => temp.Combine("registry.db");

    public TempFolder Temp => temp;

    public static readonly string Samples = DyeRegistry.TestSupport.RepositoryFiles.Path(Path.Combine("samples", "records.json"));

    public static async Task<ApiHost> StartAsync() => await StartAsync(null);

    /// <summary>As <see cref="StartAsync()"/>, with options changed by <paramref name="adjust"/> (jobs, cluster).</summary>
    public static async Task<ApiHost> StartAsync(Func<ServeOptions, ServeOptions>? adjust)
    {
        var host = new ApiHost { adjust = adjust };
        Assert.Equal(0, Cli("import", Samples, "--registry", host.Registry).Exit);
        using (var store = SqliteAccountStore.Open(host.Registry))
        {
            var accounts = new AccountService(store);
            foreach (var role in Enum.GetValues<Role>())
            {
                host.tokens[Roles.Name(role)] = accounts.Add(Roles.Name(role) + "-user", role).Token;
            }

            host.tokens["revoked"] = accounts.Add("revoked-user", Role.Admin).Token;
            accounts.Revoke("revoked-user");
        }

        host.app = ServerHost.Build(host.Options(), b => b.WebHost.UseTestServer());
        await host.app.StartAsync();
        return host;
    }

    private Func<ServeOptions, ServeOptions>? adjust;

    /// <summary>Stops the server (gracefully) and starts a new one on the same registry and folders.</summary>
    public async Task RestartAsync()
    {
        await app!.StopAsync();
        await app.DisposeAsync();
        app = ServerHost.Build(Options(), b => b.WebHost.UseTestServer());
        await app.StartAsync();
    }

    public ServeOptions Options() => (adjust ?? (o => o))(new()
    {
        Registry = Registry,
        FormulasFolder = Markush.FormulaLibrary.DefaultFolder(),
        ClaimsFolder = Claims.ClaimLibrary.DefaultFolder(),
        MaxBodyBytes = BodyLimit,
        RequestsPerSecond = 1000,
    });

    /// <summary>A client sending the token of <paramref name="who"/> (a role name, "revoked"), or none.</summary>
    public HttpClient Client(string? who)
    {
        var client = app!.GetTestClient();
        if (who is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[who]);
        }

        return client;
    }

    public HttpClient As(Role role) => Client(Roles.Name(role));

    public static (int Exit, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = DyeRegistry.Cli.Program.Run(args, new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        temp.Dispose();
    }
}
