using System.Text.Json.Nodes;
using System.Xml.Linq;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests;

/// <summary>dyereg scope on the records.md examples (samples/records.json): from files and from
/// a registry, as text, JSON (its documented schema) and HTML, and the portfolio matrix.</summary>
public sealed class ScopeCommandTests
{
    internal static readonly string Samples = DyeRegistry.TestSupport.RepositoryFiles.Path(Path.Combine("samples", "records.json"));

    [Fact]
    public void Json_HasTheDocumentedSchema()
    {
        using var temp = new TempFolder();
        var (exit, output, error) = CliRunner.Run("scope", "--ink-file", Samples, "--medium", "MED-1", "--format", "json", "--registry", temp.Combine("none.db"));
        Assert.True(exit == 0, error);
        var chart = JsonNode.Parse(output)!.AsObject();
        Assert.Equal("dyeregistry/claim-chart/1", chart["schema"]!.GetValue<string>());
        var claims = chart["claims"]!.AsArray();
        Assert.Equal(19 + 15 + 20, claims.Count);
        foreach (var c in claims.Select(c => c!.AsObject()))
        {
            Assert.Contains(c["patent"]!.GetValue<string>(), new[] { "000", "001", "002" });
            Assert.True(c["claim"]!.GetValue<int>() > 0);
            Assert.True(c.ContainsKey("parent"));
            Assert.Contains(c["verdict"]!.GetValue<string>(), new[] { "within", "outside", "undetermined" });
            foreach (var l in c["limitations"]!.AsArray().Select(l => l!.AsObject()))
            {
                Assert.False(string.IsNullOrEmpty(l["text"]!.GetValue<string>()));
                Assert.Contains(l["verdict"]!.GetValue<string>(), new[] { "met", "not met", "unknown" });
                Assert.IsType<JsonArray>(l["evidence"]);
            }
        }

        var claim2 = claims.Single(c => c!["id"]!.GetValue<string>() == "001:2")!;
        Assert.Equal("within", claim2["verdict"]!.GetValue<string>());
        Assert.Equal(1, claim2["parent"]!.GetValue<int>());
        var dyes = claim2["limitations"]![0]!["dyes"]!.AsArray();
        Assert.Contains(dyes, d => d!["dye"]!.GetValue<string>() == "M-101" && d["formula"]!.GetValue<string>() == "M-I" && d["verdict"]!.GetValue<string>() == "within");
        var a = claims.Single(c => c!["id"]!.GetValue<string>() == "000:2")!["limitations"]![0]!["evidence"]![0]!;
        Assert.Equal("MED-1", a["record"]!.GetValue<string>());
        Assert.Equal("ink_receiving_layer.pore_volume_at_particle_diameter_ml_per_cm2", a["field"]!.GetValue<string>());
        Assert.Equal("asserted", a["source"]!.GetValue<string>());
        Assert.Contains(chart["readings"]!.AsArray(), r => r!["id"]!.GetValue<string>() == "ionizing-radiation" && r["option"]!.GetValue<string>() == "family-usage");
        Assert.Contains(chart["formulas"]!.AsArray(), f => f!["id"]!.GetValue<string>() == "II" && f["provenance"]!.GetValue<string>() == "missing");
        Assert.Contains(chart["records"]!.AsArray(), r => r!["id"]!.GetValue<string>() == "TCP" && r["version"] is null);
    }

    [Fact]
    public void Html_IsOneSelfContainedWellFormedFile_WithTheTreeDepictionsAndProvenance()
    {
        using var temp = new TempFolder();
        var html = temp.Combine("chart.html");
        var (exit, _, error) = CliRunner.Run("scope", "--ink-file", Samples, "--medium-file", Samples, "--medium", "MED-1", "--format", "html", "-o", html, "--registry", temp.Combine("none.db"));
        Assert.True(exit == 0, error);
        var text = File.ReadAllText(html);
        Assert.DoesNotContain("<script", text);
        Assert.DoesNotContain("src=\"http", text);
        Assert.DoesNotContain("href=\"http", text);
        Assert.Contains("<svg", text);                       // M-101 drawn for claim 2
        Assert.Contains("M-101 in (M-I)", text);
        Assert.Contains("id=\"c001-7\"", text);               // claim 7 sits inside claim 2's details
        Assert.True(text.IndexOf("id=\"c001-2\"", StringComparison.Ordinal) < text.IndexOf("id=\"c001-7\"", StringComparison.Ordinal));
        Assert.Contains("<b>missing</b>", text);             // (II) stated plainly
        Assert.Contains("<b>reconstructed</b>", text);
        Assert.Contains("ionizing-radiation = family-usage (default)", text);
        Assert.Contains("not registered", text);
        // Well-formed: every element closed (XHTML-style parse of the body after the doctype).
        var body = text[text.IndexOf("<html", StringComparison.Ordinal)..].Replace("&middot;", "·").Replace("&mdash;", "-").Replace("&plusmn;", "±").Replace("&#9888;", "!").Replace("<br>", "<br/>").Replace("<meta charset=\"utf-8\">", string.Empty);
        XDocument.Parse(body);
    }

    [Fact]
    public void FromTheRegistry_ChartsCiteRecordVersions_AndTheMatrixCoversEveryPair()
    {
        using var temp = new TempFolder();
        var db = temp.Combine("r.db");
        Assert.Equal(0, CliRunner.Run("import", Samples, "--registry", db).Exit);
        var (exit, output, error) = CliRunner.Run("scope", "--ink", "INK-M1", "--medium", "SHEET-1", "--format", "json", "--registry", db);
        Assert.True(exit == 0, error);
        var chart = JsonNode.Parse(output)!;
        Assert.Contains(chart["records"]!.AsArray(), r => r!["id"]!.GetValue<string>() == "SHEET-1" && r["version"]!.GetValue<int>() == 1);
        var verdicts = chart["claims"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!["verdict"]!.GetValue<string>());
        Assert.Equal("outside", verdicts["001:1"]);   // a two-layer inorganic sheet holds no polymer particles
        Assert.Equal("within", verdicts["002:20"]);

        var matrix = CliRunner.Run("scope", "--matrix", "--format", "json", "--registry", db);
        Assert.True(matrix.Exit == 0, matrix.Err);
        var m = JsonNode.Parse(matrix.Out)!;
        Assert.Equal("dyeregistry/claim-matrix/1", m["schema"]!.GetValue<string>());
        Assert.Equal(2, m["media"]!.AsArray().Count);
        Assert.Equal(2, m["pairs"]!.AsArray().Count);
        var med1 = m["pairs"]!.AsArray().Single(p => p!["medium"]!.GetValue<string>() == "MED-1")!;
        Assert.Equal("within", med1["claims"]!["001:15"]!.GetValue<string>());
        Assert.Null(med1["claims"]!["000:1"]);        // medium claims are in "media", once per medium
        var text = CliRunner.Run("scope", "--matrix", "--registry", db);
        Assert.Contains("INK-M1 x MED-1: within 000:17-19, 001:1-15", text.Out);
        Assert.Contains("SHEET-1: within 002:1-20; outside 000:1-16", text.Out);
    }

    [Fact]
    public void InkFile_WithAReferenceFoundNowhere_LeavesWhatDependsOnItUndetermined()
    {
        using var temp = new TempFolder();
        var ink = temp.File("ink.json", """
            [{ "kind": "ink", "id": "INK-X", "form": "colored_fine_particle_dispersion",
               "components": [ {"ref": "D-404", "role": "dye", "mass_percent": 2}, {"ref": "P-2", "role": "polymer"}, {"ref": "S-2", "role": "solvent"} ] },
             { "kind": "polymer", "id": "P-2", "hydrophobic": true },
             { "kind": "solvent", "id": "S-2", "boiling_point_c": 420, "water_solubility_g_per_100g": 0.00004 }]
            """);
        var (exit, output, error) = CliRunner.Run("scope", "--ink-file", ink, "--medium-file", Samples, "--medium", "MED-1", "--claim", "001:1", "--registry", temp.Combine("none.db"));
        Assert.True(exit == 0, error);
        Assert.Contains("001:1   UNDETERMINED", output);
        Assert.Contains("the dye record 'D-404' (register it, or give it with the ink in --ink-file)", output);
        Assert.DoesNotContain("002:1 ", output);   // --claim shows only what was asked
    }

    [Theory]
    [InlineData(new[] { "scope", "--medium", "NOPE" }, "no record 'NOPE'")]
    [InlineData(new[] { "scope", "--medium", "M-101" }, "is a dye, not a medium")]
    [InlineData(new[] { "scope", "--medium", "MED-1", "--reading", "ionizing-radiation=maybe" }, "has no option 'maybe'")]
    [InlineData(new[] { "scope", "--medium", "MED-1", "--claim", "004:1" }, "--claim 004:1: no such claim")]
    [InlineData(new[] { "scope" }, "holds 2 medium records (MED-1, SHEET-1): name one with --medium ID")]
    public void BadRequests_ExitWith2AndSayWhy(string[] args, string message)
    {
        using var temp = new TempFolder();
        var (exit, _, error) = CliRunner.Run([.. args, "--medium-file", Samples, "--registry", temp.Combine("none.db")]);
        Assert.Equal(2, exit);
        Assert.Contains(message, error);
    }

    [Fact]
    public void InvalidRecordFile_IsRefusedWithRecordAndField()
    {
        using var temp = new TempFolder();
        var bad = temp.File("bad.json", """[{ "kind": "medium", "id": "B-1", "support": {"absorptive": "no"}, "ink_receiving_layer": {"dry_thickness_um": "30 um"} }]""");
        var (exit, _, error) = CliRunner.Run("scope", "--medium-file", bad, "--registry", temp.Combine("none.db"));
        Assert.Equal(2, exit);
        Assert.Contains("record 1 (B-1)", error);
        Assert.Contains("ink_receiving_layer.dry_thickness_um", error);
    }
}
