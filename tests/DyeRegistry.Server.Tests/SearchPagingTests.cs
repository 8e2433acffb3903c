using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DyeRegistry.Server.Tests;

/// <summary>
/// The search page walks its hits only as far as the page it shows. Paged through to the end,
/// it must give the same hits in the same order as listing every hit and sorting them (what the
/// page did before, and what its CSV export still does) and as the search API's hits, which come
/// in the page's order (most similar first, then by id in ordinal order); a page that stopped early says
/// "more than N" and links the next page; the last page, and count=all, give the exact total.
/// </summary>
public sealed partial class SearchPagingTests
{
    [Fact]
    public async Task Paging_through_gives_every_hit_in_the_order_of_sorting_them_all()
    {
        await using var host = await ApiHost.StartAsync();
        var smi = host.Temp.Combine("paging.smi");
        // 70 dyes: benzothiazoles and benzenes on chains of every length, with ids whose ordinal
        // order is not their numeric order (pg-a10 before pg-a2; upper case before lower case).
        var lines = Enumerable.Range(1, 35).Select(n => $"{new string('C', n)}c1ccc2scnc2c1 pg-a{n}")
            .Concat(Enumerable.Range(1, 35).Select(n => $"{new string('C', n)}Oc1ccccc1 pg-B{n}"));
        await File.WriteAllLinesAsync(smi, lines);
        Assert.Equal(0, ApiHost.Cli("import", smi, "--registry", host.Registry, "--no-estimates").Exit);
        var client = host.Client("viewer");

        (string Page, string? Api)[] queries =
        [
            ("structure=c1ccc2scnc2c1&mode=substructure", "smarts=c1ccc2scnc2c1"),
            ("structure=c1ccccc1&mode=substructure", "smarts=c1ccccc1"),
            ("structure=CCCCCCc1ccc2scnc2c1&mode=similarity&min=0.2", "similar=CCCCCCc1ccc2scnc2c1&min_tanimoto=0.2"),
            ("formula=M-I", "formula=M-I"),
            ("q=pg-", null),
            ("structure=c1ccccc1&mode=substructure&q=pg-a", null),
            ("structure=c1ccccc1&mode=substructure&formula=M-I", null),
            ("structure=CCCCCCCCc1ccc2scnc2c1&mode=exact", null),
        ];
        foreach (var (query, api) in queries)
        {
            var csv = await client.GetStringAsync($"/search?{query}&export=csv");
            var everyHit = csv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]).ToList();
            var shown = new List<string>();
            for (var page = 1; ; page++)
            {
                var html = await client.GetStringAsync($"/search?{query}&page={page}");
                var ids = DataId().Matches(html).Select(m => m.Groups[1].Value).ToList();
                shown.AddRange(ids);
                if (!html.Contains("rel=\"next\"", StringComparison.Ordinal))
                {
                    Assert.Contains($"<b>{everyHit.Count}</b> dye", html);
                    break;
                }

                Assert.Equal(24, ids.Count);
                Assert.True(html.Contains($"More than <b>{page * 24}</b> dyes", StringComparison.Ordinal) || html.Contains($"<b>{everyHit.Count}</b> dyes found", StringComparison.Ordinal), $"{query} page {page}: no honest total");
                Assert.True(page < 10, $"{query}: the pages never end");
            }

            Assert.Equal(everyHit, shown);
            var counted = await client.GetStringAsync($"/search?{query}&count=all");
            Assert.Contains($"<b>{everyHit.Count}</b> dye", counted);
            var past = await client.GetStringAsync($"/search?{query}&page=99");
            Assert.Equal(everyHit.Skip(Math.Max(0, (everyHit.Count - 1) / 24 * 24)).ToList(), DataId().Matches(past).Select(m => m.Groups[1].Value).ToList());

            if (api is not null)
            {
                using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/search?{api}"));
                // The API streams its hits in the search's own order: by id (ordinal), the most
                // similar first for a similarity search (its scores are rounded, so not re-sorted here).
                var hits = json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();
                if (!api.StartsWith("similar", StringComparison.Ordinal))
                {
                    Assert.Equal(hits.Order(StringComparer.Ordinal), hits);
                }

                Assert.Equal(hits, shown);
            }
        }

        // The queries reach past one page, and the chosen ones give hits (else the test proves little).
        var benzene = await client.GetStringAsync("/search?structure=c1ccccc1&mode=substructure&count=all");
        Assert.True(int.Parse(CountOf().Match(benzene).Groups[1].Value, CultureInfo.InvariantCulture) > 70, benzene);
    }

    [GeneratedRegex("data-id=\"([^\"]*)\"")]
    private static partial Regex DataId();

    [GeneratedRegex("<b>(\\d+)</b> dyes found")]
    private static partial Regex CountOf();
}
