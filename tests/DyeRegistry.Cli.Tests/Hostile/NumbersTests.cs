using System.Text.Json.Nodes;
using DyeRegistry.Storage.Records;
using DyeRegistry.Storage.Sqlite;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests.Hostile;

/// <summary>Issue 13 point 1: numbers. Import refuses non-finite values and values outside each
/// field's range with a located error; the claim engine evaluates any stored value without
/// overflowing; one such record never stops a matrix.</summary>
public sealed class NumbersTests
{
    [Theory]
    [MemberData(nameof(HostileRecords.BadNumbers), MemberType = typeof(HostileRecords))]
    public void Import_RefusesTheNumber_NamingFileRecordAndField(string field, string raw, string expected)
    {
        using var temp = new TempFolder();
        var file = temp.File("bad.json", HostileRecords.MediumWith("BAD-1", field, raw));
        var (exit, _, err) = CliRunner.Run("import", file, "--registry", temp.Combine("r.db"));
        Assert.Equal(1, exit);
        Assert.Contains($"{file}: record 1 (BAD-1): ink_receiving_layer.{field}", err, StringComparison.Ordinal);
        Assert.Contains(expected, err, StringComparison.Ordinal);
        Assert.Contains("0 created", err, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueStoredBeforeTheRangeRule_IsEvaluated_AndTheMatrixCoversEveryPair()
    {
        using var temp = new TempFolder();
        var registry = temp.Combine("r.db");
        Assert.Equal(0, CliRunner.Run("import", HostileRecords.Samples, "--registry", registry).Exit);
        // A document written by an earlier dyereg, which accepted any finite number.
        using (var store = SqliteRegistryStore.Open(registry, create: false))
        using (var tx = store.Begin())
        {
            var doc = (JsonObject)JsonNode.Parse(HostileRecords.MediumWith("HUGE", "dry_thickness_um", "1e29"))!;
            doc["ink_receiving_layer"]!["pore_volume_at_particle_diameter_ml_per_cm2"] = 1e300;
            tx.Put("HUGE", RecordKind.Medium, doc, []);
            tx.Commit();
        }

        var (exit, output, err) = CliRunner.Run("scope", "--medium", "HUGE", "--format", "json", "--registry", registry);
        Assert.True(exit == 0, err);
        var claim1 = JsonNode.Parse(output)!["claims"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "000:1")!;
        // Never a verdict from a rounded stand-in: the limitations reading those values are unknown.
        Assert.Equal("undetermined", claim1["verdict"]!.GetValue<string>());
        var ratio = claim1["limitations"]!.AsArray().Select(l => l!).First(l => l["evidence"]!.AsArray().Any(e => e!["field"]!.GetValue<string>().Contains("pore_volume", StringComparison.Ordinal)));
        Assert.Equal("unknown", ratio["verdict"]!.GetValue<string>());
        Assert.Contains("outside the range dyereg computes in", ratio["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("1E+300", output, StringComparison.OrdinalIgnoreCase); // evidence shows the value as recorded

        var matrix = CliRunner.Run("scope", "--matrix", "--format", "json", "--registry", registry);
        Assert.True(matrix.Exit == 0, matrix.Err);
        var json = JsonNode.Parse(matrix.Out)!;
        Assert.Equal(3, json["media"]!.AsArray().Count);
        Assert.Equal(3, json["pairs"]!.AsArray().Count); // INK-M1 on each medium, HUGE included
        Assert.Empty(json["failures"]!.AsArray());
    }
}
