using System.Text;
using DyeRegistry.TestSupport;
using Microsoft.Playwright;

namespace DyeRegistry.Web.Tests;

/// <summary>
/// The screening page in a real browser: a chemist uploads a catalogue, the job's progress bar
/// moves to done while the page polls, and the hits download; a viewer sees the job but no upload
/// form. Screenshots under artifacts/web-tests/.
/// </summary>
[Collection("browser")]
public sealed class ScreeningBrowserTests(WebServer server)
{
    private const int Copies = 100;

    [Fact]
    public async Task A_chemist_uploads_a_catalogue_watches_it_reach_done_and_downloads_the_hits()
    {
        // The sample catalogue (hits, non-hits, one broken line) repeated, so the job runs a while.
        var lines = File.ReadAllLines(RepositoryFiles.Path(Path.Combine("samples", "dyes.smi"))).Where(l => !l.StartsWith('#')).ToArray();
        var catalogue = new StringBuilder();
        for (var i = 0; i < Copies; i++)
        {
            foreach (var line in lines)
            {
                catalogue.Append(line).Append('-').Append(i).Append('\n');
            }
        }

        var page = await server.LoginAsync("chemist");
        await page.GotoAsync("/screening");
        await page.GetByLabel("Catalogue file (.smi, .sdf, optionally .gz)").SetInputFilesAsync(new FilePayload { Name = "browser-catalogue.smi", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(catalogue.ToString()) });
        await page.GetByLabel("Hits file format").SelectOptionAsync("csv");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start screening" }).ClickAsync();
        await page.WaitForURLAsync("**/screening?job=*");
        var id = new Uri(page.Url).Query.Split('=')[1];
        var row = page.Locator($"tr[data-job='{id}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await WebServer.ScreenshotAsync(page, "screening-started");

        // The page's script polls and reloads when the state changes: no reload from the test.
        try
        {
            await page.WaitForSelectorAsync($"tr[data-job='{id}'][data-state=done]", new() { Timeout = 240_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the job's row did not reach done; the server says: {await (await page.APIRequest.GetAsync("/screening/jobs.json")).TextAsync()}");
        }

        Assert.Equal("1", await row.Locator("progress").GetAttributeAsync("value"));
        Assert.Equal("100 %", await row.Locator("[data-field=percent]").InnerTextAsync());
        Assert.Equal((lines.Length * Copies).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await row.Locator("[data-field=records]").InnerTextAsync());
        Assert.Equal(Copies.ToString(System.Globalization.CultureInfo.InvariantCulture), await row.Locator("[data-field=errors]").InnerTextAsync()); // the broken line, each time
        await WebServer.ScreenshotAsync(page, "screening-done");

        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = "Hits (CSV)" }).ClickAsync());
        Assert.Equal("browser-catalogue-hits.csv", download.SuggestedFilename);
        var hits = File.ReadAllLines((await download.PathAsync())!);
        var shownHits = int.Parse((await row.Locator("[data-field=hits]").InnerTextAsync()).Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(shownHits > 0);
        Assert.Equal(shownHits + 1, hits.Length); // a header line, then one line per hit
        Assert.Contains(hits, h => h.Contains("magenta-M-I-0,browser-catalogue.smi,", StringComparison.Ordinal)); // named as uploaded
        Assert.DoesNotContain(hits, h => h.Contains(server.Registry, StringComparison.Ordinal));

        var viewer = await server.LoginAsync("viewer");
        await viewer.GotoAsync("/screening");
        await Assertions.Expect(viewer.Locator($"tr[data-job='{id}']")).ToBeVisibleAsync();
        Assert.Equal(0, await viewer.Locator("#job-form").CountAsync());
        Assert.Equal(0, await viewer.Locator($"tr[data-job='{id}'] button").CountAsync());
        await WebServer.ScreenshotAsync(viewer, "screening-viewer");
    }
}
