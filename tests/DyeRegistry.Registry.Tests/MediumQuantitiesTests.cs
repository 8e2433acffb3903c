using System.Text.Json.Nodes;

namespace DyeRegistry.Registry.Tests;

/// <summary>A medium carrying its isotherm or pore distribution curve instead of A and Y: the
/// registry computes them, marks them computed with the method, and leaves the document as given.</summary>
public sealed class MediumQuantitiesTests : IDisposable
{
    private readonly RegistrySandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    // Desorption isotherm of 8 nm cylinders holding 0.5 cm3/g, pyGAPS JSON form (liquid cm3/g).
    private static string Isotherm()
    {
        var points = new JsonArray();
        foreach (var p in TestSupport.SyntheticIsotherm.Cylinders(Pores.Isotherms.Branch.Desorption, 400, (8.0, 0.5)))
        {
            points.Add(new JsonObject { ["pressure"] = p.RelativePressure, ["loading"] = p.LiquidVolumeCubicCentimetresPerGram, ["branch"] = "des" });
        }

        return new JsonObject
        {
            ["adsorbate"] = "nitrogen", ["temperature"] = 77.355, ["pressure_mode"] = "relative",
            ["loading_basis"] = "volume_liquid", ["loading_unit"] = "cm3", ["material_unit"] = "g",
            ["isotherm_data"] = points,
        }.ToJsonString();
    }

    [Fact]
    public void Isotherm_GivesComputedYAndAPerCm2_AndTheDocumentRoundTrips()
    {
        var doc = $$$"""
            {"kind": "medium", "id": "MED-ISO", "ink_receiving_layer": {
               "polymer_particles": {"average_diameter_nm": 8},
               "coat_weight_g_per_m2": 20,
               "isotherm": {{{Isotherm()}}} }}
            """;
        var outcome = Assert.Single(sandbox.Import($"[{doc}]"));
        Assert.Equal(ImportStatus.Created, outcome.Status);
        var computed = sandbox.Store.Computed("MED-ISO").ToDictionary(q => q.Field);
        var y = computed[MediumQuantities.PeakField];
        Assert.InRange(y.Value, 7.6, 8.4);
        Assert.Equal("computed", y.Source);
        Assert.Contains("BJH, desorption branch", y.Method);
        var a = computed[MediumQuantities.AField];
        Assert.True(a.Value > 0);
        Assert.Contains("coat weight 20 g/m2", a.Method);
        var exported = new RegistryEditor(sandbox.Store).Export();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(doc), exported[0]), "the stored document must stay as given");
    }

    [Fact]
    public void Curve_GivesYAndAFromItsPoints()
    {
        var doc = """
            {"kind": "medium", "id": "MED-CURVE", "ink_receiving_layer": {
               "polymer_particles": {"average_diameter_nm": 50},
               "pore_distribution": {"convention": "dV/dlogD", "diameters_nm": [10, 20, 40, 80], "values": [1e-4, 5e-4, 9e-4, 2e-4], "per": "cm2"} }}
            """;
        Assert.Equal(ImportStatus.Created, Assert.Single(sandbox.Import($"[{doc}]")).Status);
        var computed = sandbox.Store.Computed("MED-CURVE").ToDictionary(q => q.Field);
        Assert.Equal(40, computed[MediumQuantities.PeakField].Value);
        // Between 40 nm (9e-4) and 80 nm (2e-4), linear in log D: at 50 nm f = log(50/40)/log(2).
        var f = Math.Log(50.0 / 40) / Math.Log(2);
        Assert.Equal(9e-4 + f * (2e-4 - 9e-4), computed[MediumQuantities.AField].Value, 12);
    }

    [Fact]
    public void StatedValues_AreNotReplaced()
    {
        var doc = """
            {"kind": "medium", "id": "MED-BOTH", "ink_receiving_layer": {
               "polymer_particles": {"average_diameter_nm": 50}, "peak_pore_diameter_nm": 33,
               "pore_volume_at_particle_diameter_ml_per_cm2": 7e-4,
               "pore_distribution": {"convention": "dV/dlogD", "diameters_nm": [10, 20, 40, 80], "values": [1e-4, 5e-4, 9e-4, 2e-4], "per": "cm2"} }}
            """;
        sandbox.Import($"[{doc}]");
        Assert.Empty(sandbox.Store.Computed("MED-BOTH"));
    }

    [Fact]
    public void WithoutCoatWeight_AIsNotComputedAndTheOutcomeSaysWhy()
    {
        var doc = $$$"""{"kind": "medium", "id": "MED-NOCOAT", "ink_receiving_layer": {"polymer_particles": {"average_diameter_nm": 8}, "isotherm": {{{Isotherm()}}} }}""";
        var outcome = Assert.Single(sandbox.Import($"[{doc}]"));
        Assert.Equal(ImportStatus.Created, outcome.Status);
        Assert.Contains("coat_weight_g_per_m2 is unknown", outcome.Message);
        Assert.Single(sandbox.Store.Computed("MED-NOCOAT"));
    }

    [Fact]
    public void BrokenIsotherm_FailsTheRecordNamingTheField()
    {
        var doc = """{"kind": "medium", "id": "MED-BAD", "ink_receiving_layer": {"isotherm": {"adsorbate": "nitrogen", "temperature": 77.355, "pressure_mode": "relative", "isotherm_data": [{"pressure": 1.5, "loading": 1}]}}}""";
        var outcome = Assert.Single(sandbox.Import($"[{doc}]"));
        Assert.Equal(ImportStatus.Failed, outcome.Status);
        Assert.Contains("ink_receiving_layer", outcome.Message);
        Assert.Contains("outside (0, 1]", outcome.Message);
        Assert.Null(sandbox.Store.Get("MED-BAD"));
    }
}
