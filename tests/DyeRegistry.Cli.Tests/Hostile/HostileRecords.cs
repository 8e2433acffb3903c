using System.Text.Json.Nodes;

namespace DyeRegistry.Cli.Tests.Hostile;

/// <summary>
/// The adversarial record corpus of issue 13 points 1 and 6, made here rather than checked in:
/// record documents that are wrong in number or in kind, each built from a valid example so that
/// exactly one thing is wrong with it.
/// </summary>
internal static class HostileRecords
{
    /// <summary>samples/records.json, the records.md examples (found as the scope tests find it).</summary>
    public static string Samples => ScopeCommandTests.Samples;

    /// <summary>The sample medium MED-1 under another id with one field replaced by a raw JSON number text.</summary>
    public static string MediumWith(string id, string field, string rawNumber)
    {
        var medium = Sample("MED-1");
        medium["id"] = id;
        medium["ink_receiving_layer"]![field] = 0; // placeholder, replaced as text so 1e309 stays as written
        return medium.ToJsonString().Replace($"\"{field}\":0", $"\"{field}\":{rawNumber}", StringComparison.Ordinal);
    }

    /// <summary>Numbers import must refuse: (field, raw JSON number, words the error must contain).</summary>
    public static IEnumerable<object[]> BadNumbers() =>
    [
        ["dry_thickness_um", "1e29", "outside the range"],
        ["pore_volume_at_particle_diameter_ml_per_cm2", "1e300", "outside the range"],
        ["dry_thickness_um", "1e309", "not a finite number"],
        ["peak_pore_diameter_nm", "-1e309", "not a finite number"],
        ["dry_thickness_um", "1e-30", "smallest non-zero magnitude"],
        ["dry_thickness_um", "{\"value\": 30, \"plus_minus\": 1e309}", "plus_minus"],
        ["coat_weight_g_per_m2", "{\"value\": 1e29}", "outside the range"],
    ];

    /// <summary>Ids no record may have: (id as a JSON string literal body, words the error must contain).</summary>
    public static IEnumerable<object[]> BadIds() =>
    [
        ["A\\u0000B", "U+0000"],
        ["line\\nbreak", "U+000A"],
        ["tab\\tid", "U+0009"],
        ["esc\\u001b[31m", "U+001B"],
        [" leading", "start or end with a space"],
        ["two  spaces", "two spaces"],
        [new string('x', 101), "at most 100"],
        ["semi;colon", "';'"],
    ];

    public static JsonObject Sample(string id) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Samples))!.AsArray().Single(r => r!["id"]!.GetValue<string>() == id)!.DeepClone();
}
