using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DyeRegistry.Application.Accounts;
using UglyToad.PdfPig;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace DyeRegistry.Server.Tests;

/// <summary>
/// Issue 21 over the API: a chart as PDF and Word and the matrix as an Excel workbook, from the
/// same writers as <c>dyereg scope</c>, with their content types; each document carries what the
/// JSON chart of the same request says. The PDF is printed by Debian's chromium.
/// </summary>
public sealed class ChartDocumentApiTests
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static string S(JsonNode? n) => n!.GetValue<string>();

    private static string Flat(string s) => Regex.Replace(s, @"\s+", string.Empty);

    private static async Task<byte[]> Get(HttpClient client, string url, string contentType)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return body;
    }

    /// <summary>What every document of a chart must say: each claim's end line with its verdict, the
    /// sentence that decides it, each limitation row and reason, each record's registry version.</summary>
    private static List<string> Missing(string documentText, JsonNode json)
    {
        var text = Flat(documentText);
        var expected = new List<string>();
        foreach (var c in json["claims"]!.AsArray())
        {
            expected.Add($"end of claim {S(c!["id"])} ({S(c["verdict"])})");
            expected.Add(c["decides"]!.GetValue<string>());
            expected.AddRange(c["limitations"]!.AsArray().SelectMany(l => new[] { $"{S(l!["id"])}: {S(l["text"])}", S(l["reason"]) }));
        }

        expected.AddRange(json["records"]!.AsArray().Select(r => $"{S(r!["id"])} ({S(r["kind"])}), registry version {r["version"]!.GetValue<int>()}"));
        return expected.Where(e => !text.Contains(Flat(e), StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public async Task Chart_AsPdf_OnLetter_CarriesTheJsonChartsVerdictsAndReasons()
    {
        await using var host = await ApiHost.StartAsync();
        var viewer = host.As(Role.Viewer);
        const string query = "/api/v1/charts?medium=MED-1&ink=INK-M1";
        var json = JsonNode.Parse(await viewer.GetStringAsync(query + "&format=json"))!;
        var pdf = await Get(viewer, query + "&format=pdf&paper=letter", "application/pdf");
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        Assert.All(pages, p => Assert.InRange(p.Width, 611, 613)); // Letter
        var text = string.Join("\n", pages.Select(p => p.Text));
        var missing = Missing(text, json);
        Assert.True(missing.Count == 0, "the PDF lacks: " + string.Join(" | ", missing.Take(10)));
        Assert.Contains(Flat("by viewer-user with dyereg"), Flat(text), StringComparison.Ordinal); // the signed-in account
    }

    [Fact]
    public async Task Chart_AsDocx_ForAnInkAndForAMediumAlone_CarriesTheJsonChart_AndTheDepictions()
    {
        await using var host = await ApiHost.StartAsync();
        var viewer = host.As(Role.Viewer);
        foreach (var query in new[] { "/api/v1/charts?medium=MED-1&ink=INK-M1", "/api/v1/charts?medium=MED-1" })
        {
            var json = JsonNode.Parse(await viewer.GetStringAsync(query + "&format=json"))!;
            var bytes = await Get(viewer, query + "&format=docx", Docx);
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            var main = doc.MainDocumentPart!;
            var text = string.Join("\n", main.Document.Body!.Descendants<WordParagraph>().Select(p => p.InnerText));
            var missing = Missing(text, json);
            Assert.True(missing.Count == 0, $"{query}: the DOCX lacks: " + string.Join(" | ", missing.Take(10)));
            var depicted = json["claims"]!.AsArray().SelectMany(c => c!["limitations"]!.AsArray())
                .SelectMany(l => l!["dyes"]?.AsArray() ?? []).Count(d => (string?)d!["verdict"] == "within");
            Assert.Equal(depicted, main.ImageParts.Count());
            Assert.All(main.ImageParts, p => Assert.Equal("image/png", p.ContentType));
        }
    }

    [Fact]
    public async Task Matrix_AsXlsx_HasOneSheetPerPatent_WithTheJsonMatrixVerdicts()
    {
        await using var host = await ApiHost.StartAsync();
        var viewer = host.As(Role.Viewer);
        var json = JsonNode.Parse(await viewer.GetStringAsync("/api/v1/charts/matrix?format=json"))!;
        var bytes = await Get(viewer, "/api/v1/charts/matrix?format=xlsx", Xlsx);
        using var book = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["000", "001", "002", "about"], sheets.Select(s => s.Name!.Value));
        var cells = sheets.Where(s => s.Name != "about")
            .SelectMany(s => ((WorksheetPart)book.WorkbookPart.GetPartById(s.Id!)).Worksheet.Descendants<Cell>().Select(c => c.InnerText))
            .ToHashSet();
        var verdicts = json["media"]!.AsArray().Concat(json["pairs"]!.AsArray()).SelectMany(m => m!["claims"]!.AsObject().Select(c => c.Key)).ToHashSet();
        Assert.True(verdicts.Count > 20, $"{verdicts.Count} claims in the JSON matrix");
        Assert.All(verdicts, id => Assert.Contains(id, cells)); // every claim has its column
        Assert.Contains("MED-1", cells);
    }

    [Theory]
    [InlineData("/api/v1/charts?medium=MED-1&format=xlsx", "format: 'xlsx'")]
    [InlineData("/api/v1/charts?medium=MED-1&format=docx&paper=a5", "paper: 'a5'")]
    [InlineData("/api/v1/charts?format=docx", "medium: name the medium")]
    [InlineData("/api/v1/charts?medium=NOPE&format=docx", "NOPE")]
    [InlineData("/api/v1/charts/matrix?format=pdf", "format: 'pdf'")]
    public async Task BadDocumentRequests_AreRefusedWithTheReason(string url, string reason)
    {
        await using var host = await ApiHost.StartAsync();
        var response = await host.As(Role.Viewer).GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
