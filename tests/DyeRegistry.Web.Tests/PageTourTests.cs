using System.Net.Sockets;
using DyeRegistry.Server;
using DyeRegistry.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace DyeRegistry.Web.Tests;

/// <summary>
/// Every page, as an administrator sees it, at 1280 px and at tablet width (768 px): each answers
/// 200, has one main heading, a label for every visible field, and nothing wider than the window;
/// the screenshots (artifacts/web-pages/) are looked at by people.
/// </summary>
[Collection("browser")]
public sealed class PageTourTests(WebServer server)
{
    private static readonly string[] PagePaths =
    [
        "/search", "/search?q=M", "/search?formula=M-I", "/dyes/M-101", "/register", "/register/bulk", "/charts", "/charts?ink=INK-M1&medium=MED-1",
        "/charts?medium=SHEET-1", "/inks", "/inks/INK-M1", "/inks/new", "/media", "/media/MED-1", "/portfolio", "/formulas", "/screening", "/accounts", "/me",
    ];

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(768, 1024)]
    public async Task Every_page_answers_with_labelled_fields_and_fits_the_width(int width, int height)
    {
        var page = await server.LoginAsync("admin", width, height);
        var folder = Directory.CreateDirectory(RepositoryFiles.Path(Path.Combine("artifacts", "web-pages"))).FullName;
        var problems = new List<string>();
        foreach (var path in PagePaths)
        {
            var response = await page.GotoAsync(path);
            if (response!.Status != 200)
            {
                problems.Add($"{path}: status {response.Status}");
            }

            var unlabelled = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')]
                  .filter(e => e.offsetParent !== null && !e.closest('#editor') && !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
                  .map(e => e.name || e.id)
                """);
            problems.AddRange(unlabelled.Select(u => $"{path}: field '{u}' has no label"));
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            if (overflow > 0 && !path.StartsWith("/charts?", StringComparison.Ordinal))
            {
                problems.Add($"{path}: {overflow} px wider than the window");
            }

            var name = path.Trim('/').Replace('/', '-').Replace('?', '_').Replace('&', '_').Replace('=', '-');
            // A long page (a claim chart) is kept as its first screen, which people can look at.
            var tall = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight") > 4000;
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}@{width}{(tall ? "-first-screen" : string.Empty)}.png"), FullPage = !tall });
        }

        await WebServer.CloseAsync(page);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task An_empty_registry_asks_for_the_first_administrator_and_then_not_again()
    {
        Assert.True(server.Missing is null, server.Missing);
        using var temp = new TempFolder("dyereg-web-empty-");
        var registry = temp.Combine("empty.db");
        using (Storage.Stores.RegistryStores.Open(registry, create: true))
        {
        }

        var port = FreePort();
        await using var app = ServerHost.Build(new ServeOptions
        {
            Registry = registry,
            Urls = $"http://127.0.0.1:{port}",
            FormulasFolder = Markush.FormulaLibrary.DefaultFolder(),
            ClaimsFolder = Claims.ClaimLibrary.DefaultFolder(),
        });
        await app.StartAsync();
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = $"http://127.0.0.1:{port}" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/search");
        Assert.EndsWith("/setup", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Account name").FillAsync("first");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("short");
        await page.GetByLabel("Password again").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("at least 12 characters");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("a long enough password");
        await page.GetByLabel("Password again").FillAsync("a long enough password");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebServer.Screenshots, "first-admin-setup.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await page.WaitForURLAsync("**/search");
        await Assertions.Expect(page.Locator("header .who")).ToContainTextAsync("first (admin)");

        // Once an account exists, /setup makes no other administrator.
        var again = await context.NewPageAsync();
        await again.GotoAsync("/setup");
        Assert.EndsWith("/login", again.Url, StringComparison.Ordinal);
        await context.CloseAsync();
        await app.StopAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
