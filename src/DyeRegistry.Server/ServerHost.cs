using System.Threading.RateLimiting;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Server.Api;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Accounts;
using DyeRegistry.Storage.Stores;
using Microsoft.AspNetCore.Authentication;

namespace DyeRegistry.Server;

/// <summary>
/// Builds and runs the service. The dyereg program's serve command calls <see cref="RunAsync"/>; tests
/// call <see cref="Build"/> with their own server (in-process) or run dyereg serve itself.
/// </summary>
public static class ServerHost
{
    /// <summary>The application, configured; <paramref name="configure"/> may change the builder
    /// last (tests replace Kestrel with an in-process server).</summary>
    public static WebApplication Build(ServeOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        if (!RegistryStores.IsPostgres(options.Registry) && !File.Exists(options.Registry))
        {
            throw new RegistryException($"no registry at '{options.Registry}' (create one with: dyereg init --registry {options.Registry})");
        }

        using (RegistryStores.Open(options.Registry, create: false))
        using (RegistryStores.OpenAccounts(options.Registry))
        {
            // opened once at start: migrations run and the account tables exist before any request
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ServerHost).Assembly.GetName().Name });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxBodyBytes);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
        });
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = options.ShutdownTimeout);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ServerResources>();
        builder.Services.AddScoped<IRegistryStore>(s => s.GetRequiredService<ServerResources>().OpenRegistry());
        builder.Services.AddScoped<IAccountStore>(_ => RegistryStores.OpenAccountsPerRequest(options.Registry));
        builder.Services.AddScoped<AccountService>(s => new AccountService(s.GetRequiredService<IAccountStore>()));
        builder.Services.AddProblemDetails();
        Web.WebAuthentication.Add(builder.Services); // bearer for /api, the login cookie and antiforgery for the pages
        builder.Services.AddAuthorization(RolePolicies.Add);
        builder.Services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per account; a request without one counts against its address.
            r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(c => RateLimitPartition.GetTokenBucketLimiter(
                c.User.Identity?.Name is { } name ? "account:" + name : "address:" + c.Connection.RemoteIpAddress,
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.RequestsPerSecond * 10,
                    TokensPerPeriod = options.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });
        builder.Services.AddOpenApi();
        JobEndpoints.AddServices(builder.Services); // screening jobs: the queue, started and stopped with the server
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        Web.Pages.UseResponseHeaders(app);
        Web.LoginPages.UseFirstAdminSetup(app);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapGet("/healthz", (ServerResources resources) => Results.Ok(new { status = "ok", registry = resources.Options.Registry })).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        var api = app.MapGroup("/api/v1");
        RecordEndpoints.Map(api);
        SearchEndpoints.Map(api);
        MatchEndpoints.Map(api);
        ChartEndpoints.Map(api);
        AuditEndpoints.Map(api);
        AccountEndpoints.Map(api);
        ImportEndpoints.Map(api);
        JobEndpoints.Map(api);
        Web.Pages.Map(app, api);
        app.Services.GetRequiredService<ServerResources>(); // the formula and claim files are read (and checked) at start
        return app;
    }

    /// <summary>Serves until the process is told to stop (Ctrl+C, SIGTERM), then lets requests
    /// in flight finish within <see cref="ServeOptions.ShutdownTimeout"/>.</summary>
    public static async Task RunAsync(ServeOptions options, TextWriter status, CancellationToken cancel = default, string? greeting = null)
    {
        await using var app = Build(options);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            status.WriteLine($"dyereg serve: registry {options.Registry}, listening on {string.Join(", ", app.Urls)} (Ctrl+C stops)");
            status.WriteLine($"dyereg serve: the pages are at {app.Urls.FirstOrDefault()}/" + (greeting is null ? string.Empty : Environment.NewLine + greeting));
        });
        app.Lifetime.ApplicationStopping.Register(() => status.WriteLine("dyereg serve: stopping; requests in flight may finish"));
        await app.RunAsync(cancel);
    }
}
