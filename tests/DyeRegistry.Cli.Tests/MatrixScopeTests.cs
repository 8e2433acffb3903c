using System.Text.Json;
using System.Text.Json.Nodes;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests;

/// <summary>
/// The portfolio matrix of issue 20 on records built from samples/records.json: the streamed
/// matrix against the per-pair evaluation (100 inks x 100 media), reading sensitivity on records
/// built to flip, the design-around margin of a record built 5 % above a threshold, and the
/// incremental run against a full one after an update.
/// </summary>
public sealed class MatrixScopeTests
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void StreamedMatrix_EqualsThePerPairCharts_On100x100()
    {
        using var temp = new TempFolder();
        var db = Registry(temp, 100, 100);
        var perPair = CliRunner.Run("scope", "--matrix", "--per-pair", "--format", "json", "--registry", db);
        Assert.True(perPair.Exit == 0, perPair.Err);
        var streamed = CliRunner.Run("scope", "--matrix", "--format", "json", "--registry", db);
        Assert.True(streamed.Exit == 0, streamed.Err);
        Assert.Equal(perPair.Out, streamed.Out);
        var pairs = JsonNode.Parse(perPair.Out)!["pairs"]!.AsArray();
        Assert.Equal(100 * 100, pairs.Count);
        Assert.True(pairs.Select(p => p!["claims"]!.ToJsonString()).Distinct().Count() > 2, "the set should give varied verdicts");

        var text = CliRunner.Run("scope", "--matrix", "--per-pair", "--registry", db);
        Assert.Equal(text.Out, CliRunner.Run("scope", "--matrix", "--registry", db).Out);

        // jsonl: one line per medium and per pair, each the per-pair matrix's object, in order.
        var lines = CliRunner.Run("scope", "--matrix", "--format", "jsonl", "--threads", "3", "--registry", db).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var media = JsonNode.Parse(perPair.Out)!["media"]!.AsArray();
        Assert.Equal(1 + media.Count + pairs.Count, lines.Length);
        Assert.Equal(media.Select(m => m!.ToJsonString(Compact)), lines.Skip(1).Take(media.Count));
        Assert.Equal(pairs.Select(p => p!.ToJsonString(Compact)), lines.Skip(1 + media.Count));
    }

    [Fact]
    public void Sensitivity_NamesEachFlippingReading_AndNoneOnARobustRecord()
    {
        using var temp = new TempFolder();
        var samples = Samples();
        var amidine = new JsonObject { ["kind"] = "dye", ["id"] = "D-AMIDINE", ["smiles"] = "CN(C)C(C)=Nc1ccc(N(CC)CC)cc1", ["water_solubility_g_per_100g"] = 0.01 };
        var ink = samples["INK-M1"].DeepClone().AsObject();
        ink["id"] = "INK-AM";
        ink["components"]![0]!["ref"] = "D-AMIDINE";
        var uv = samples["SHEET-1"].DeepClone().AsObject();
        uv["id"] = "SHEET-UV";
        uv["production"]!["irradiation"] = "UV lamp";
        var file = temp.File("records.json", new JsonArray([.. samples.Values.Select(r => r.DeepClone()), amidine, ink, uv]).ToJsonString());
        var db = temp.Combine("r.db");
        Assert.Equal(0, CliRunner.Run("import", file, "--registry", db).Exit);

        var formula = CliRunner.Run("scope", "--ink", "INK-AM", "--medium", "MED-1", "--sensitivity", "--registry", db);
        Assert.True(formula.Exit == 0, formula.Err);
        Assert.Contains("001:2 undetermined under formula-I-X=carbon-centred, within under literal", formula.Out);
        Assert.Contains("[depends on reading: undetermined under formula-I-X=carbon-centred, within under literal]", formula.Out);
        Assert.DoesNotContain("ionizing-radiation=", formula.Out);

        var radiation = CliRunner.Run("scope", "--medium", "SHEET-UV", "--sensitivity", "--format", "json", "--registry", db);
        Assert.True(radiation.Exit == 0, radiation.Err);
        var claim1 = JsonNode.Parse(radiation.Out)!["claims"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "002:1")!;
        var flip = claim1["reading_flips"]!.AsArray().Single()!;
        Assert.Equal("ionizing-radiation", flip["reading"]!.GetValue<string>());
        Assert.Equal("within", flip["verdict"]!.GetValue<string>());
        Assert.Equal("strict", flip["other_option"]!.GetValue<string>());
        Assert.Equal("outside", flip["other_verdict"]!.GetValue<string>());

        var robust = CliRunner.Run("scope", "--ink", "INK-M1", "--medium", "MED-1", "--sensitivity", "--registry", db);
        Assert.True(robust.Exit == 0, robust.Err);
        Assert.Contains("Reading sensitivity (every option of every reading): no verdict changes with any reading", robust.Out);
        Assert.DoesNotContain("depends on reading", robust.Out);

        // The matrix names the same flips, pair by pair and medium by medium.
        var matrix = CliRunner.Run("scope", "--matrix", "--sensitivity", "--registry", db);
        Assert.True(matrix.Exit == 0, matrix.Err);
        Assert.Contains("INK-AM x MED-1: 001:2 undetermined under formula-I-X=carbon-centred, within under literal", matrix.Out);
        Assert.Contains("SHEET-UV: 002:1 within under ionizing-radiation=family-usage, outside under strict", matrix.Out);
        Assert.DoesNotContain("INK-M1 x MED-1:", matrix.Out[matrix.Out.IndexOf("Reading sensitivity", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void Margin_OfARecordBuilt5PercentAboveAThreshold_NamesThatLimitation()
    {
        using var temp = new TempFolder();
        var samples = Samples();
        var medium = samples["MED-1"].DeepClone().AsObject();
        medium["id"] = "MED-Y";
        medium["ink_receiving_layer"]!["peak_pore_diameter_nm"] = 34.65; // Y = 33 nm x 1.05; every other limitation of 000:5 is further
        var file = temp.File("records.json", new JsonArray([.. samples.Values.Select(r => r.DeepClone()), medium]).ToJsonString());
        var db = temp.Combine("r.db");
        Assert.Equal(0, CliRunner.Run("import", file, "--registry", db).Exit);

        var chart = CliRunner.Run("scope", "--ink", "INK-M1", "--medium", "MED-Y", "--format", "json", "--registry", db);
        Assert.True(chart.Exit == 0, chart.Err);
        var claims = JsonNode.Parse(chart.Out)!["claims"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!);
        foreach (var id in new[] { "000:5", "001:11" })
        {
            var nearest = claims[id]["margins"]![0]!;
            Assert.Equal("Y", nearest["label"]!.GetValue<string>());
            Assert.Equal("Y = 34.65 nm against at least 33 nm: 5 % above", nearest["text"]!.GetValue<string>());
        }

        Assert.DoesNotContain(claims["001:1"]["margins"]!.AsArray(), m => m!["label"]!.GetValue<string>() == "Y"); // Y is not a limitation of 001:1
        Assert.Contains("    margin: Y = 34.65 nm against at least 33 nm: 5 % above", CliRunner.Run("scope", "--ink", "INK-M1", "--medium", "MED-Y", "--claim", "000:5", "--registry", db).Out);

        // The matrix: per ink, the claim the smallest change would leave.
        var views = temp.Combine("views");
        var matrix = CliRunner.Run("scope", "--matrix", "--views", views, "--format", "jsonl", "--margins", "--registry", db);
        Assert.True(matrix.Exit == 0, matrix.Err);
        var ink = File.ReadAllLines(Path.Combine(views, "summary-inks.csv")).Single(l => l.StartsWith("INK-M1,", StringComparison.Ordinal));
        Assert.EndsWith(",MED-Y,Y = 34.65 nm against at least 33 nm: 5 % above", ink);
        var pair = matrix.Out.Split('\n').Select(l => l.Length == 0 ? null : JsonNode.Parse(l)).Single(o => o?["ink"]?.GetValue<string>() == "INK-M1" && o["medium"]!.GetValue<string>() == "MED-Y")!;
        Assert.Equal("Y = 34.65 nm against at least 33 nm: 5 % above", pair["margins"]!["001:11"]!.GetValue<string>());
        Assert.StartsWith("A/B = ", pair["margins"]!["001:1"]!.GetValue<string>());
    }

    [Fact]
    public void IncrementalRun_AfterAnUpdate_EqualsAFullRun_AndEvaluatesOnlyThatRecordAgain()
    {
        using var temp = new TempFolder();
        var db = Registry(temp, 12, 10);
        var state = temp.Combine("matrix.state");
        var first = CliRunner.Run("scope", "--matrix", "--format", "jsonl", "--state", state, "--registry", db);
        Assert.True(first.Exit == 0, first.Err);
        var change = JsonNode.Parse(first.Out.Split('\n')[0])!["registry_change"]!.GetValue<int>();

        // One ink changes: its solvent is no longer high-boiling.
        var document = Samples()["INK-M1"].DeepClone().AsObject();
        document["id"] = "INK-0000"; // as Registry built it, with TCP
        document["components"]![2]!["ref"] = "S-LOW";
        var update = temp.File("update.json", new JsonArray(document).ToJsonString());
        var imported = CliRunner.Run("import", update, "--update", "--registry", db);
        Assert.True(imported.Exit == 0, imported.Err);

        var incremental = CliRunner.Run("scope", "--matrix", "--format", "jsonl", "--state", state, "--since", change.ToString(System.Globalization.CultureInfo.InvariantCulture), "--registry", db);
        Assert.True(incremental.Exit == 0, incremental.Err);
        Assert.Contains("incremental: 1 inks and 0 media evaluated again", incremental.Err);
        var full = CliRunner.Run("scope", "--matrix", "--format", "jsonl", "--registry", db);
        Assert.Equal(full.Out, incremental.Out);
        Assert.NotEqual(first.Out, full.Out); // the update changed verdicts: the comparison can fail
    }

    [Fact]
    public void HeatMap_IsOneFile_WithTheClaimSelectorAndCellLinks()
    {
        using var temp = new TempFolder();
        var db = Registry(temp, 3, 4);
        var html = CliRunner.Run("scope", "--matrix", "--format", "html", "--chart-link", "/api/v1/charts?ink={ink}&medium={medium}&format=html", "--registry", db);
        Assert.True(html.Exit == 0, html.Err);
        Assert.Contains("<select id=\"claim\">", html.Out);
        Assert.Contains("\"link\":\"/api/v1/charts?ink={ink}\\u0026medium={medium}\\u0026format=html\"", html.Out);
        Assert.DoesNotContain("src=\"http", html.Out);
        Assert.Contains("\"inks\":[\"INK-0000\",\"INK-0001\",\"INK-0002\"]", html.Out);
    }

    private static Dictionary<string, JsonNode> Samples() =>
        JsonNode.Parse(File.ReadAllText(ScopeCommandTests.Samples))!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!);

    /// <summary>A registry of <paramref name="inks"/> inks and <paramref name="media"/> media built from
    /// the samples: inks with a low-boiling or a water-soluble solvent, or another form; polymer-particle
    /// media of varied thickness and Y, and two-layer sheets, some irradiated by UV.</summary>
    internal static string Registry(TempFolder temp, int inks, int media)
    {
        var s = Samples();
        var records = new JsonArray(s["M-101"].DeepClone(), s["TCP"].DeepClone(), s["P-1"].DeepClone(),
            new JsonObject { ["kind"] = "solvent", ["id"] = "S-LOW", ["boiling_point_c"] = 120, ["water_solubility_g_per_100g"] = 2 },
            new JsonObject { ["kind"] = "solvent", ["id"] = "S-WET", ["boiling_point_c"] = 200, ["water_solubility_g_per_100g"] = 9 });
        for (var k = 0; k < inks; k++)
        {
            var ink = s["INK-M1"].DeepClone().AsObject();
            ink["id"] = $"INK-{k:0000}";
            ink["components"]![2]!["ref"] = (k % 3, k % 5) switch { (1, _) => "S-LOW", (_, 2) => "S-WET", _ => "TCP" };
            if (k % 7 == 3)
            {
                ink["form"] = "dye_solution";
            }

            records.Add(ink);
        }

        for (var k = 0; k < media; k++)
        {
            var m = s[k % 4 == 0 ? "SHEET-1" : "MED-1"].DeepClone().AsObject();
            m["id"] = $"MED-{k:0000}";
            if (m["ink_receiving_layer"] is JsonObject layer)
            {
                layer["dry_thickness_um"] = 10 + (k * 7 % 60);
                layer["peak_pore_diameter_nm"] = 20 + (k * 3 % 30);
            }
            else if (k % 8 == 0)
            {
                m["production"]!["irradiation"] = "UV lamp";
            }

            records.Add(m);
        }

        var file = temp.File("records.json", records.ToJsonString());
        var db = temp.Combine("r.db");
        var import = CliRunner.Run("import", file, "--registry", db);
        Assert.True(import.Exit == 0, import.Err);
        return db;
    }
}
