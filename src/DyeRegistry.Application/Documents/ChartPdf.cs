using System.Net;
using DyeRegistry.Application.Charts;
using DyeRegistry.Application.Rendering;
using Microsoft.Playwright;

namespace DyeRegistry.Application.Documents;

/// <summary>
/// A claim chart as PDF: the chart's print HTML (every fold open, a claim kept on one page where
/// it fits) printed by headless Chromium through Microsoft.Playwright, with the chart's title at
/// the top of every page and "page N of M" at the foot, on A4 or Letter. The browser is Debian's
/// <c>chromium</c> (<c>/usr/bin/chromium</c>, or <c>DYEREG_CHROMIUM</c>); nothing is downloaded.
/// It runs with the flags that keep it from reaching outside hosts, and a fresh profile folder
/// that is deleted afterwards.
/// </summary>
public static class ChartPdf
{
    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string DefaultBrowser = "/usr/bin/chromium";

    // Without the background-networking flags Chromium tries (and fails) to reach outside hosts.
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>The browser this machine uses: DYEREG_CHROMIUM, else /usr/bin/chromium.</summary>
    public static string Browser() => Environment.GetEnvironmentVariable("DYEREG_CHROMIUM") is { Length: > 0 } b ? b : DefaultBrowser;

    public static byte[] Write(ClaimChartView view, ChartPaper paper) =>
        Print(ClaimChartHtml.Render(view, print: true), view.Header.Title, $"{view.Header.GeneratedText} · dyereg {view.Header.ProductVersion}", paper);

    /// <summary>Prints <paramref name="html"/> with <paramref name="title"/> on every page.</summary>
    public static byte[] Print(string html, string title, string footnote, ChartPaper paper)
    {
        var browser = Browser();
        if (!File.Exists(browser))
        {
            throw new IOException($"PDF needs the Chromium browser at {browser} (Debian package chromium: scripts/bootstrap.sh installs it; or set DYEREG_CHROMIUM)");
        }

        try
        {
            return PrintAsync(html, title, footnote, paper, browser).GetAwaiter().GetResult();
        }
        catch (PlaywrightException e)
        {
            throw new IOException($"printing the chart with {browser} failed: {e.Message.Split('\n')[0]}", e);
        }
    }

    // Chromium keeps an unbreakable block (a claim, a patent's heading with its first claim) off a
    // page it does not fit on even when the block is taller than any page: it then leaves a page
    // nearly empty and breaks the block anyway. So the blocks taller than a page's printable area,
    // measured at the paper's width with the print styles, are marked "overlong" and may break.
    private static async Task MarkOverlong(IPage page, ChartPaper paper)
    {
        const double pxPerMm = 96 / 25.4;
        var (widthMm, heightMm) = paper == ChartPaper.Letter ? (215.9, 279.4) : (210.0, 297.0);
        var printableWidth = (int)((widthMm - 24) * pxPerMm);   // the 12 mm side margins below
        var printableHeight = (heightMm - 31) * pxPerMm;        // the 16 mm top and 15 mm bottom margins
        await page.SetViewportSizeAsync(printableWidth, 1000);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Microsoft.Playwright.Media.Print });
        await page.EvaluateAsync(
            "limit => document.querySelectorAll('.claim, .opening').forEach(e => { if (e.getBoundingClientRect().height > limit) e.classList.add('overlong'); })",
            printableHeight);
    }

    private static async Task<byte[]> PrintAsync(string html, string title, string footnote, ChartPaper paper, string browser)
    {
        var profile = Directory.CreateTempSubdirectory("dyereg-chromium-");
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = browser,
                Headless = true,
                Args = Flags,
                Offline = true,
            });
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            await MarkOverlong(page, paper);
            const string box = "font-family:'DejaVu Sans',sans-serif;font-size:7.5pt;color:#556;width:100%;margin:0 12mm;display:flex;justify-content:space-between";
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = paper == ChartPaper.Letter ? "Letter" : "A4",
                PrintBackground = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = $"<div style=\"{box}\"><span>{WebUtility.HtmlEncode(title)}</span><span>DyeRegistry claim chart</span></div>",
                FooterTemplate = $"<div style=\"{box}\"><span>{WebUtility.HtmlEncode(footnote)}</span><span>page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span></div>",
                Margin = new Margin { Top = "16mm", Bottom = "15mm", Left = "12mm", Right = "12mm" },
            });
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A browser child still closing its files: the temp folder is left for the OS to clear.
            }
        }
    }
}
