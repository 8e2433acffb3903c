using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Spreadsheet;
using DyeRegistry.Application.Documents;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using Table = DocumentFormat.OpenXml.Wordprocessing.Table;
using DyeRegistry.TestSupport;
using UglyToad.PdfPig;

namespace DyeRegistry.Cli.Tests;

/// <summary>
/// The charts made once for these tests (issue 21), from a registry holding the records.md
/// examples (so every record has a registry version): the sample ink on MED-1 as JSON, text, HTML,
/// PDF (A4) and Word, and the medium-only chart of MED-1 as JSON, PDF (Letter) and Word. The PDFs
/// are printed by Debian's chromium (scripts/bootstrap.sh installs it).
/// </summary>
public sealed class ChartDocumentFixture : IDisposable
{
    private readonly TempFolder temp = new();

    public ChartDocumentFixture()
    {
        Registry = temp.Combine("r.db");
        Assert.Equal(0, CliRunner.Run("import", ScopeCommandTests.Samples, "--registry", Registry).Exit);
        foreach (var (name, subject) in new[] { ("pair", new[] { "--ink", "INK-M1", "--medium", "MED-1" }), ("medium", new[] { "--medium", "MED-1" }) })
        {
            var formats = name == "pair" ? new[] { ("json", "a4"), ("text", "a4"), ("html", "a4"), ("pdf", "a4"), ("docx", "a4") } : [("json", "a4"), ("pdf", "letter"), ("docx", "letter")];
            foreach (var (format, paper) in formats)
            {
                var file = temp.Combine($"{name}.{(format == "text" ? "txt" : format)}");
                var (exit, _, error) = CliRunner.Run([.. new[] { "scope" }, .. subject, "--format", format, "--paper", paper, "--author", "A. Attorney", "-o", file, "--registry", Registry]);
                Assert.True(exit == 0, $"{name} {format}: {error}");
                Files[(name, format)] = file;
            }
        }
    }

    public string Registry { get; }

    public Dictionary<(string Subject, string Format), string> Files { get; } = [];

    public JsonNode Json(string subject) => JsonNode.Parse(File.ReadAllText(Files[(subject, "json")]))!;

    /// <summary>The PDF's text, page by page (PdfPig).</summary>
    public List<string> PdfPages(string subject)
    {
        using var pdf = PdfDocument.Open(Files[(subject, "pdf")]);
        return pdf.GetPages().Select(p => p.Text).ToList();
    }

    /// <summary>The Word document's text, a paragraph a line.</summary>
    public string DocxText(string subject)
    {
        using var doc = WordprocessingDocument.Open(Files[(subject, "docx")], false);
        return string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }

    public string HtmlText(string subject) =>
        WebUtility.HtmlDecode(Regex.Replace(File.ReadAllText(Files[(subject, "html")]), "<[^>]+>", " "));

    public void Dispose() => temp.Dispose();
}

/// <summary>Issue 21's acceptance tests on the PDF and Word documents of a chart.</summary>
public sealed class ChartDocumentTests(ChartDocumentFixture charts) : IClassFixture<ChartDocumentFixture>
{
    /// <summary>Whitespace set aside: a PDF's text is laid out in lines, a document's in runs.</summary>
    private static string Flat(string s) => Regex.Replace(s, @"\s+", string.Empty);

    [Theory]
    [InlineData("pair", "pdf")]
    [InlineData("pair", "docx")]
    [InlineData("medium", "pdf")]
    [InlineData("medium", "docx")]
    public void Document_CarriesEveryClaimVerdict_EveryLimitationRow_AndEveryRecordVersion(string subject, string format)
    {
        var text = Flat(format == "pdf" ? string.Join("\n", charts.PdfPages(subject)) : charts.DocxText(subject));
        var json = charts.Json(subject);
        var missing = new List<string>();
        foreach (var c in json["claims"]!.AsArray())
        {
            var id = c!["id"]!.GetValue<string>();
            Expect($"end of claim {id} ({c["verdict"]!.GetValue<string>()})");
            Expect(c["decides"]!.GetValue<string>());
            foreach (var l in c["limitations"]!.AsArray())
            {
                Expect($"{l!["id"]!.GetValue<string>()}: {l["text"]!.GetValue<string>()}");
                Expect(l["reason"]!.GetValue<string>());
            }
        }

        foreach (var r in json["records"]!.AsArray())
        {
            Assert.NotNull(r!["version"]);
            Expect($"{r["id"]!.GetValue<string>()} ({r["kind"]!.GetValue<string>()}), registry version {r["version"]!.GetValue<int>()}");
        }

        Expect("by A. Attorney with dyereg");
        Expect("It is not a legal opinion");
        Assert.True(missing.Count == 0, $"{subject} {format} lacks: " + string.Join(" | ", missing.Take(10)));

        void Expect(string s)
        {
            if (!text.Contains(Flat(s), StringComparison.Ordinal))
            {
                missing.Add(s);
            }
        }
    }

    [Theory]
    [InlineData("pair")]
    [InlineData("medium")]
    public void Pdf_NeverSplitsAClaimThatFitsOnOnePage(string subject)
    {
        var pages = charts.PdfPages(subject).Select(Flat).ToList();
        var splits = new List<string>();
        foreach (var c in charts.Json(subject)["claims"]!.AsArray())
        {
            var id = c!["id"]!.GetValue<string>();
            var number = id[(id.IndexOf(':') + 1)..];
            var head = Flat($"{id} Claim {number}");
            var end = Flat($"end of claim {id} (");
            var first = pages.FindIndex(p => p.Contains(head, StringComparison.Ordinal));
            var last = pages.FindIndex(p => p.Contains(end, StringComparison.Ordinal));
            Assert.True(first >= 0 && last >= 0, $"{id}: heading on page {first + 1}, end on page {last + 1}");
            if (first == last)
            {
                continue;
            }

            // Split: allowed only for a claim too tall for one page's printable area (16 mm top and
            // 15 mm bottom margins): its height is what it takes on each page it spans, from its
            // heading to its end line, measured from the words' positions.
            var height = SpanHeight(subject, id, first, last);
            if (height < PrintableHeight(subject))
            {
                splits.Add($"{id} (pages {first + 1}-{last + 1}, {height:0} pt tall)");
            }
        }

        Assert.True(splits.Count == 0, "claims split across pages although they fit on one: " + string.Join(", ", splits));
    }

    private const double PointsPerMm = 72 / 25.4;

    private double PrintableHeight(string subject)
    {
        using var pdf = PdfDocument.Open(charts.Files[(subject, "pdf")]);
        return pdf.GetPage(1).Height - (31 * PointsPerMm);
    }

    /// <summary>The points a claim takes from its heading (page <paramref name="first"/>) to its end
    /// line (page <paramref name="last"/>), pages between counted whole.</summary>
    private double SpanHeight(string subject, string id, int first, int last)
    {
        using var pdf = PdfDocument.Open(charts.Files[(subject, "pdf")]);
        var top = pdf.GetPage(first + 1).Height - (16 * PointsPerMm);
        var bottom = 15 * PointsPerMm;
        var head = pdf.GetPage(first + 1).GetWords().ToList();
        var headIndex = head.FindIndex(w => w.Text == id);
        var end = pdf.GetPage(last + 1).GetWords().ToList();
        var endIndex = end.FindIndex(w => w.Text == "end" && end.IndexOf(w) + 3 < end.Count && end[end.IndexOf(w) + 3].Text == id);
        Assert.True(headIndex >= 0 && endIndex >= 0, $"{id}: heading or end line not found as words");
        var onFirst = head[headIndex].BoundingBox.Top - bottom;
        var onLast = top - end[endIndex].BoundingBox.Bottom;
        return onFirst + onLast + ((last - first - 1) * (top - bottom));
    }

    [Fact]
    public void Pdf_PrintsTheTitleAndPageNumbersOnEveryPage_OnTheChosenPaper()
    {
        foreach (var (subject, width) in new[] { ("pair", 595.0), ("medium", 612.0) })
        {
            using var pdf = PdfDocument.Open(charts.Files[(subject, "pdf")]);
            var title = Flat(charts.Json(subject)["header"]!["title"]!.GetValue<string>());
            Assert.All(pdf.GetPages(), p =>
            {
                Assert.InRange(p.Width, width - 1, width + 1);            // A4 595 pt, Letter 612 pt wide
                Assert.Contains(title, Flat(p.Text), StringComparison.Ordinal);
                Assert.Contains(Flat($"page {p.Number} of {pdf.NumberOfPages}"), Flat(p.Text), StringComparison.Ordinal);
            });
        }
    }

    [Fact]
    public void TextHtmlPdfAndDocx_OfOneChart_CarryTheSameVerdictsAndReasons()
    {
        var texts = new Dictionary<string, string>
        {
            ["text"] = Flat(File.ReadAllText(charts.Files[("pair", "text")])),
            ["html"] = Flat(charts.HtmlText("pair")),
            ["pdf"] = Flat(string.Join("\n", charts.PdfPages("pair"))),
            ["docx"] = Flat(charts.DocxText("pair")),
        };
        var missing = new List<string>();
        foreach (var c in charts.Json("pair")["claims"]!.AsArray())
        {
            var sentences = new[] { c!["decides"]!.GetValue<string>() }
                .Concat(c["limitations"]!.AsArray().Select(l => l!["reason"]!.GetValue<string>()));
            foreach (var s in sentences)
            {
                missing.AddRange(texts.Where(t => !t.Value.Contains(Flat(s), StringComparison.Ordinal)).Select(t => $"{t.Key}: {s}"));
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing.Take(10)));
        Assert.Contains("001:2WITHIN", texts["text"], StringComparison.Ordinal);
        Assert.Contains(Flat("end of claim 001:2 (within)"), texts["html"], StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_HasAHeadingPerPatentAndClaim_AndATablePerClaim()
    {
        using var doc = WordprocessingDocument.Open(charts.Files[("pair", "docx")], false);
        var body = doc.MainDocumentPart!.Document.Body!;
        string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var json = charts.Json("pair");
        var claims = json["claims"]!.AsArray().Count;
        Assert.Equal(json["header"]!["patents"]!.AsArray().Count, body.Elements<Paragraph>().Count(p => Style(p) == "Heading1"));
        Assert.Equal(claims, body.Elements<Paragraph>().Count(p => Style(p) == "Heading2"));
        var drawn = json["claims"]!.AsArray().Count(c => c!["limitations"]!.AsArray().SelectMany(l => l!["dyes"]?.AsArray() ?? []).Any(d => d!["verdict"]!.GetValue<string>() == "within"));
        var figureTables = body.Elements<Table>().Count(t => t.Descendants<DocumentFormat.OpenXml.Wordprocessing.Drawing>().Any());
        Assert.Equal(claims + 1, body.Elements<Table>().Count() - figureTables); // the header table, then one per claim
        Assert.Equal(drawn, figureTables);                                         // and the dyes drawn under a claim's table
        Assert.NotNull(doc.MainDocumentPart.HeaderParts.Single().Header);
    }

    [Fact]
    public void Docx_DrawsEachDyeWithinAFormula_AsAPngImage()
    {
        // What is depicted: per claim, each dye finding "within" a formula (as the HTML draws them).
        var depicted = charts.Json("pair")["claims"]!.AsArray()
            .SelectMany(c => c!["limitations"]!.AsArray().SelectMany(l => l!["dyes"]?.AsArray() ?? [])
                .Where(d => d!["verdict"]!.GetValue<string>() == "within")
                .Select(d => $"{d!["dye"]!.GetValue<string>()} in ({d["formula"]!.GetValue<string>()})"))
            .ToList();
        Assert.NotEmpty(depicted);
        using var doc = WordprocessingDocument.Open(charts.Files[("pair", "docx")], false);
        var main = doc.MainDocumentPart!;
        var drawings = main.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Drawing>().ToList();
        Assert.Equal(depicted.Count, drawings.Count);
        Assert.Equal(depicted, drawings.Select(d => d.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Single().Name!.Value));
        foreach (var drawing in drawings)
        {
            var blip = drawing.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().Single();
            var part = (ImagePart)main.GetPartById(blip.Embed!.Value!);
            Assert.Equal("image/png", part.ContentType);
            using var stream = part.GetStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var png = PngImage.Read(copy.ToArray());
            Assert.InRange(png.Width, 200, 2000);
            Assert.InRange(png.Height, 150, 2000);
            var dark = png.Count(p => p.R < 90 && p.G < 90 && p.B < 90);            // bonds and labels
            var tinted = png.Count(p => Math.Max(p.R, Math.Max(p.G, p.B)) - Math.Min(p.R, Math.Min(p.G, p.B)) > 40); // core and slot highlights
            Assert.True(dark > 500 && tinted > 2000, $"{part.Uri}: {dark} dark and {tinted} coloured pixels of {png.Width * png.Height}");
            var extent = drawing.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().Single();
            Assert.InRange((double)extent.Cx!.Value / extent.Cy!.Value, (png.Width / (double)png.Height) - 0.01, (png.Width / (double)png.Height) + 0.01);
        }

        using var medium = WordprocessingDocument.Open(charts.Files[("medium", "docx")], false);
        Assert.Empty(medium.MainDocumentPart!.ImageParts); // no ink, no dyes
    }

    [Fact]
    public void MediumOnlyChart_ShowsNeitherFormulasNorTheInksReadings_WhichTheInkChartShows()
    {
        // Readings and formulas that bear only on ink claims (001) have no place in a chart of a medium alone.
        string[] inkOnly = ["General formulas", "hydrophobic-dye =", "formula-I-X =", "formula-II =", "formula-general =", "high-boiling-solvent ="];
        var medium = new Dictionary<string, string>
        {
            ["pdf"] = Flat(string.Join("\n", charts.PdfPages("medium"))),
            ["docx"] = Flat(charts.DocxText("medium")),
            ["json header"] = Flat(charts.Json("medium")["header"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })),
        };
        var found = medium.SelectMany(m => inkOnly.Where(w => m.Value.Contains(Flat(w), StringComparison.Ordinal)).Select(w => $"{m.Key}: {w}")).ToList();
        Assert.True(found.Count == 0, "the medium-only chart shows " + string.Join(", ", found));
        Assert.Contains(Flat("pore-volume-A ="), medium["pdf"], StringComparison.Ordinal);           // a medium reading stays
        Assert.Contains(Flat("ionizing-radiation ="), medium["docx"], StringComparison.Ordinal);
        var pair = Flat(string.Join("\n", charts.PdfPages("pair")));
        Assert.All(inkOnly, w => Assert.Contains(Flat(w), pair, StringComparison.Ordinal));
    }

    [Fact]
    public void Html_DrawsTheDyesUnderTheClaimsTable_NotInsideARow()
    {
        var html = File.ReadAllText(charts.Files[("pair", "html")]);
        var start = html.IndexOf("id=\"c001-2\"", StringComparison.Ordinal);
        var end = html.IndexOf("end of claim 001:2", start, StringComparison.Ordinal);
        var claim = html[start..end];
        var figures = claim.IndexOf("<div class=\"figures\">", StringComparison.Ordinal);
        Assert.True(figures > claim.LastIndexOf("</table>", StringComparison.Ordinal), "the depictions follow the last table of 001:2");
        var within = charts.Json("pair")["claims"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "001:2")!["limitations"]!.AsArray()
            .SelectMany(l => l!["dyes"]?.AsArray() ?? []).Count(d => d!["verdict"]!.GetValue<string>() == "within");
        Assert.True(within > 0);
        Assert.Equal(within, Regex.Matches(claim[figures..], "<figure class=\"depiction\"").Count);
    }

    [Fact]
    public void Json_CarriesTheCitableHeader()
    {
        var h = charts.Json("pair")["header"]!;
        Assert.Equal("Claim chart: ink INK-M1 on medium MED-1", h["title"]!.GetValue<string>());
        Assert.Equal("A. Attorney", h["author"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(h["product_version"]!.GetValue<string>()));
        Assert.True(DateTimeOffset.TryParse(h["generated"]!.GetValue<string>(), out var at) && (DateTimeOffset.UtcNow - at).TotalHours < 1);
        Assert.Contains("not a legal opinion", h["statement"]!.GetValue<string>());
        Assert.Equal([19, 15, 20], h["patents"]!.AsArray().Select(p => p!["claims"]!.GetValue<int>()));
        Assert.All(h["patents"]!.AsArray(), p => Assert.Equal("not recorded", p!["publication"]!.GetValue<string>()));
        Assert.All(h["records"]!.AsArray(), r => Assert.Equal(1, r!["version"]!.GetValue<int>()));
        Assert.Equal(charts.Json("pair")["readings"]!.AsArray().Count, h["readings"]!.AsArray().Count);
    }

    [Fact]
    public void ClaimText_WhenTheClaimSetCarriesIt_IsShownAboveTheLimitationTable()
    {
        using var temp = new TempFolder();
        var folder = temp.Combine("claims");
        Directory.CreateDirectory(folder);
        foreach (var f in Directory.GetFiles(RepositoryFiles.Path("claims"), "*.yaml"))
        {
            File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        }

        const string anchor = "  - claim: 2\n    parent: 1\n";
        const string claimText = "2. An ink-jet recording medium according to claim 1, wherein the pore volume A in the ink receiving layer at the pore diameter equal to the average particle diameter of the fine polymer particles is 50x10^-5 ml/cm2 or more.";
        var file = Path.Combine(folder, "000.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace(anchor, anchor + $"    text: \"{claimText}\"\n", StringComparison.Ordinal));
        var html = CliRunner.Run("scope", "--medium", "MED-1", "--claim", "000", "--claims", folder, "--format", "html", "--registry", charts.Registry);
        Assert.True(html.Exit == 0, html.Err);
        var start = html.Out.IndexOf("id=\"c000-2\"", StringComparison.Ordinal);
        var text = html.Out.IndexOf(System.Net.WebUtility.HtmlEncode(claimText), start, StringComparison.Ordinal);
        Assert.True(start > 0 && text > start && text < html.Out.IndexOf("<table", start, StringComparison.Ordinal), "claim text above 000:2's table");
        Assert.DoesNotContain("Claim text.", html.Out[..start], StringComparison.Ordinal);   // 000:1 carries none
        var json = JsonNode.Parse(CliRunner.Run("scope", "--medium", "MED-1", "--claim", "000:2", "--claims", folder, "--format", "json", "--registry", charts.Registry).Out)!;
        Assert.Equal(claimText, json["claims"]![0]!["claim_text"]!.GetValue<string>());
    }

    [Fact]
    public void WithoutAuthor_TheChartNamesTheOperatingSystemUser()
    {
        var (exit, output, error) = CliRunner.Run("scope", "--medium", "MED-1", "--format", "json", "--registry", charts.Registry);
        Assert.True(exit == 0, error);
        Assert.Equal(Environment.UserName, JsonNode.Parse(output)!["header"]!["author"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("chart.docx", new[] { "--format", "text" }, "the extension '.docx' says docx but --format is text")]
    [InlineData("chart.pdf", new[] { "--format", "html" }, "the extension '.pdf' says pdf but --format is html")]
    [InlineData("chart.txt", new[] { "--format", "pdf" }, "the extension '.txt' says text but --format is pdf")]
    [InlineData("chart.xls", new string[0], "'.xls' is not a format this command writes")]
    public void OutputExtension_ThatDoesNotMatchTheFormat_IsAnError(string name, string[] format, string message)
    {
        using var temp = new TempFolder();
        var file = temp.Combine(name);
        var (exit, _, error) = CliRunner.Run([.. new[] { "scope", "--medium", "MED-1", "-o", file, "--registry", charts.Registry }, .. format]);
        Assert.Equal(2, exit);
        Assert.Contains(message, error);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void DocumentFormats_NeedAFile_AndXlsxIsForTheMatrix()
    {
        var pdf = CliRunner.Run("scope", "--medium", "MED-1", "--format", "pdf", "--registry", charts.Registry);
        Assert.Equal(2, pdf.Exit);
        Assert.Contains("--format pdf writes a file: give -o FILE.pdf", pdf.Err);
        using var temp = new TempFolder();
        var xlsx = CliRunner.Run("scope", "--medium", "MED-1", "--format", "xlsx", "-o", temp.Combine("m.xlsx"), "--registry", charts.Registry);
        Assert.Equal(2, xlsx.Exit);
        Assert.Contains("--format xlsx is for the matrix", xlsx.Err);
    }

    [Fact]
    public void Matrix_AsXlsx_HasOneSheetPerPatent_WithTheVerdictsOfTheJsonMatrix()
    {
        using var temp = new TempFolder();
        var file = temp.Combine("matrix.xlsx");
        var (exit, _, error) = CliRunner.Run("scope", "--matrix", "--format", "xlsx", "-o", file, "--author", "A. Attorney", "--registry", charts.Registry);
        Assert.True(exit == 0, error);
        var json = JsonNode.Parse(CliRunner.Run("scope", "--matrix", "--format", "json", "--registry", charts.Registry).Out)!;
        using var book = SpreadsheetDocument.Open(file, false);
        var sheets = book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["000", "001", "002", "about"], sheets.Select(s => s.Name!.Value));
        Dictionary<string, string> Cells(string name)
        {
            var part = (WorksheetPart)book.WorkbookPart.GetPartById(sheets.Single(s => s.Name == name).Id!);
            return part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c => c.InnerText);
        }

        var rows = json["media"]!.AsArray().Select(m => (Subject: m!["medium"]!.GetValue<string>(), Claims: m["claims"]!.AsObject()))
            .Concat(json["pairs"]!.AsArray().Select(p => (Subject: $"{p!["ink"]!.GetValue<string>()} x {p["medium"]!.GetValue<string>()}", Claims: p["claims"]!.AsObject())));
        var checkedCells = 0;
        foreach (var (subject, claims) in rows)
        {
            foreach (var (id, verdict) in claims)
            {
                var cells = Cells(id[..3]);
                var column = cells.Single(c => c.Value == id && c.Key.EndsWith($"{MatrixXlsx.HeaderRow}", StringComparison.Ordinal)).Key[..^MatrixXlsx.HeaderRow.ToString().Length];
                var row = cells.Single(c => c.Value == subject && c.Key.StartsWith('A')).Key[1..];
                Assert.Equal(verdict!.GetValue<string>(), cells[column + row]);
                checkedCells++;
            }
        }

        Assert.True(checkedCells > 50, $"{checkedCells} cells compared");
        Assert.Contains("by A. Attorney", Cells("000")["A3"]);
    }
}
