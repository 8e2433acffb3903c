using System.Net;
using System.Net.Sockets;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Server;
using DyeRegistry.Storage.Stores;
using DyeRegistry.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace DyeRegistry.Web.Tests;

/// <summary>
/// dyereg's server (Kestrel, the real HTTP stack) on a free loopback port, on a new registry
/// holding the sample records, with one account per role that logs in with a password; and
/// Debian's chromium, headless, launched by Playwright. Shared by the browser tests.
/// </summary>
public sealed class WebServer : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    public const string Password = "a password of 24 chars!";

    private readonly TempFolder temp = new("dyereg-web-");
    private WebApplication? app;
    private IPlaywright? playwright;

    public string Address { get; private set; } = string.Empty;

    public string Registry => temp.Combine("registry.db");

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Why the browser could not start (then every browser test fails saying so).</summary>
    public string? Missing { get; private set; }

    /// <summary>Where each test's screenshot goes: artifacts/web-tests/ in the checkout.</summary>
    public static string Screenshots => Directory.CreateDirectory(RepositoryFiles.Path(Path.Combine("artifacts", "web-tests"))).FullName;

    public async Task InitializeAsync()
    {
        var formulas = Markush.FormulaLibrary.DefaultFolder();
        DemoRegistry.Create(Registry, RepositoryFiles.Path(Path.Combine("samples", "records.json")), formulas);
        using (var store = RegistryStores.OpenAccounts(Registry))
        {
            var accounts = new AccountService(store);
            foreach (var role in Enum.GetValues<Role>())
            {
                accounts.Add(Roles.Name(role), role);
                accounts.SetPassword(Roles.Name(role), Password);
            }
        }

        var port = FreePort();
        Address = $"http://127.0.0.1:{port}";
        app = ServerHost.Build(new ServeOptions
        {
            Registry = Registry,
            Urls = Address,
            FormulasFolder = formulas,
            ClaimsFolder = Claims.ClaimLibrary.DefaultFolder(),
            RequestsPerSecond = 1000,
        });
        await app.StartAsync();

        if (!File.Exists(Chromium))
        {
            Missing = $"chromium is missing: {Chromium} does not exist (scripts/bootstrap.sh installs Debian's chromium package); the browser tests cannot run";
            return;
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Without the background-networking flags chromium tries (and fails) to reach outside hosts.
            // Playwright gives each launch a fresh profile (user data folder) of its own.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Missing is null && Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        temp.Dispose();
    }

    /// <summary>A new browser page (its own cookies) logged in as <paramref name="account"/> (a role name).</summary>
    public async Task<IPage> LoginAsync(string account, int width = 1280, int height = 900)
    {
        Assert.True(Missing is null, Missing);
        var context = await Guarded(Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address, ViewportSize = new ViewportSize { Width = width, Height = height } }), "opening a browser context");
        var page = await Guarded(context.NewPageAsync(), "opening a page");
        await page.GotoAsync("/login");
        await page.GetByLabel("Account name").FillAsync(account);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await page.WaitForURLAsync("**/search");
        return page;
    }

    // Playwright's calls that open and close contexts and pages have no timeout of their own: a
    // browser that stops answering would hang the whole run instead of failing the test that met it.
    private static readonly TimeSpan BrowserCallLimit = TimeSpan.FromSeconds(90);

    private static async Task<T> Guarded<T>(Task<T> call, string what)
    {
        try
        {
            return await call.WaitAsync(BrowserCallLimit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the browser did not answer in {BrowserCallLimit.TotalSeconds} s {what}");
        }
    }

    /// <summary>Closes the page's context (its cookies, its pages), failing instead of hanging when the browser does not answer.</summary>
    public static async Task CloseAsync(IPage page) => await Guarded(Done(page.Context.CloseAsync()), "closing a browser context");

    private static async Task<bool> Done(Task task)
    {
        await task;
        return true;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<WebServer>;
