using System.Text.Json.Nodes;

namespace DyeRegistry.Registry.Tests;

public sealed class ImportTests : IDisposable
{
    private readonly RegistrySandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void RecordsMdExamples_RoundTripUnchanged()
    {
        var outcomes = sandbox.Import(Examples.Records);
        Assert.All(outcomes, o => Assert.Equal(ImportStatus.Created, o.Status));
        var exported = new RegistryEditor(sandbox.Store).Export();
        var original = RegistrySandbox.Parse(Examples.Records);
        Assert.Equal(original.Count, exported.Count);
        foreach (var doc in original.Select(d => d!.AsObject()))
        {
            var back = exported.Single(e => e!["id"]!.GetValue<string>() == doc["id"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(doc, back), $"{doc["id"]} changed on the round trip");
        }

        // Importing the export changes nothing.
        var again = sandbox.Import(exported.ToJsonString());
        Assert.All(again, o => Assert.Equal(ImportStatus.Unchanged, o.Status));
    }

    [Fact]
    public void DifferentRecordUnderExistingId_IsAnError_UnlessUpdating_AndHistoryKeepsThePrevious()
    {
        sandbox.Import("""[{"kind": "polymer", "id": "P-1", "name": "PBMA", "hydrophobic": true}]""");
        var changed = """[{"kind": "polymer", "id": "P-1", "name": "PBMA", "hydrophobic": false}]""";
        var refused = Assert.Single(sandbox.Import(changed));
        Assert.Equal(ImportStatus.Failed, refused.Status);
        Assert.Contains("--update", refused.Message);
        var updated = Assert.Single(sandbox.Import(changed, new ImportOptions { Update = true }));
        Assert.Equal(ImportStatus.Updated, updated.Status);
        Assert.Equal(2, updated.Version);
        var history = sandbox.Store.History("P-1");
        Assert.Equal(["created", "updated"], history.Select(h => h.Change).ToArray());
        Assert.Contains("\"hydrophobic\":true", history[1].PreviousDocument);
    }

    [Theory]
    [InlineData("""{"kind": "polymer", "id": "P-9", "hydrofobic": true}""", "hydrofobic", "unknown field")]
    [InlineData("""{"kind": "medium", "id": "M-9", "ink_receiving_layer": {"dry_thickness_um": "30 um"}}""", "ink_receiving_layer.dry_thickness_um", "expected a number in um")]
    [InlineData("""{"kind": "medium", "id": "M-9", "ink_receiving_layer": {"peak_pore_diameter_nm": -4}}""", "ink_receiving_layer.peak_pore_diameter_nm", "negative")]
    [InlineData("""{"kind": "medium", "id": "M-9", "ink_receiving_layer": {"water_soluble_resin": {"saponification_percent": 120}}}""", "ink_receiving_layer.water_soluble_resin.saponification_percent", "more than 100")]
    [InlineData("""{"kind": "medium", "id": "M-9", "ink_receiving_layer": {"polymer_particles": {"polymer_class": "acrylic"}}}""", "ink_receiving_layer.polymer_particles.polymer_class", "expected one of vinyl")]
    [InlineData("""{"kind": "solvent", "id": "S-9", "boiling_point_c": {"value": 200, "source": "guess"}}""", "boiling_point_c.source", "expected one of measured")]
    [InlineData("""{"kind": "ink", "id": "I-9", "components": [{"ref": "A", "mass_percent": 70}, {"ref": "B", "mass_percent": 40}]}""", "components", "sum to 110")]
    [InlineData("""{"kind": "dye", "id": "D-9", "smiles": "C1CC("}""", "smiles", "SMILES Parse Error")]
    [InlineData("""{"kind": "dye", "id": "D-9"}""", "smiles", "needs its structure")]
    [InlineData("""{"kind": "pigment", "id": "X-9"}""", "kind", "expected one of dye, solvent")]
    [InlineData("""{"kind": "polymer", "id": "P-9", "hydrophobic": null}""", "hydrophobic", "leave the field out")]
    public void BadInput_NamesTheFieldAndWritesNothing(string document, string field, string message)
    {
        var outcome = Assert.Single(sandbox.Import($"[{document}]"));
        Assert.Equal(ImportStatus.Failed, outcome.Status);
        Assert.Contains(field, outcome.Message);
        Assert.Contains(message, outcome.Message);
        Assert.Empty(sandbox.Store.List());
    }

    [Fact]
    public void DanglingReference_IsReported_AndTheRestOfTheBatchIsImported()
    {
        var outcomes = sandbox.Import("""
            [ {"kind": "ink", "id": "INK-9", "components": [{"ref": "NOPE", "role": "dye", "mass_percent": 2}]},
              {"kind": "polymer", "id": "P-2", "hydrophobic": true} ]
            """);
        var ink = outcomes.Single(o => o.Input.Id == "INK-9");
        Assert.Equal(ImportStatus.Failed, ink.Status);
        Assert.Contains("NOPE", ink.Message);
        Assert.NotNull(sandbox.Store.Get("P-2"));
        Assert.Null(sandbox.Store.Get("INK-9"));
    }

    [Fact]
    public void Atomic_OneFailureAndNothingIsImported()
    {
        var outcomes = sandbox.Import("""
            [ {"kind": "polymer", "id": "P-2", "hydrophobic": true},
              {"kind": "polymer", "id": "P-3", "hydrofobic": true} ]
            """, new ImportOptions { Atomic = true });
        Assert.All(outcomes, o => Assert.Equal(ImportStatus.Failed, o.Status));
        Assert.Empty(sandbox.Store.List());
    }

    [Fact]
    public void UnreadableJson_SaysWhere()
    {
        var outcome = Assert.Single(sandbox.Import("[{\"kind\": \"polymer\",\n \"id\": }]"));
        Assert.Equal(ImportStatus.Failed, outcome.Status);
        Assert.Contains("line 2", outcome.Message);
    }

    [Fact]
    public void Delete_IsRefusedWhileReferenced()
    {
        sandbox.Import(Examples.Records);
        var e = Assert.Throws<Storage.RegistryException>(() => new RegistryEditor(sandbox.Store).Delete("P-1"));
        Assert.Contains("INK-M1", e.Message);
        new RegistryEditor(sandbox.Store).Delete("INK-M1");
        new RegistryEditor(sandbox.Store).Delete("P-1");
        Assert.Null(sandbox.Store.Get("P-1"));
        Assert.Equal("deleted", sandbox.Store.History("P-1")[^1].Change);
    }
}
