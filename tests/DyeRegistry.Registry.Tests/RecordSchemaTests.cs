using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DyeRegistry.Storage.Records;
using DyeRegistry.TestSupport;
using Json.Schema;

namespace DyeRegistry.Registry.Tests;

/// <summary>The record format's JSON Schema: the shipped file is what the program carries, it is a
/// valid draft 2020-12 schema, every example record we ship validates against it, and a record
/// that breaks it is refused with the field, the schema's instance path and the rule.</summary>
public sealed partial class RecordSchemaTests
{
    [Fact]
    public void ShippedFile_IsTheSchemaTheProgramCarries()
    {
        Assert.Equal(File.ReadAllText(RepositoryFiles.Path("docs/schema/records.schema.json")), RecordSchema.Text);
    }

    [Fact]
    public void Schema_IsAValidDraft202012Schema()
    {
        using var schema = JsonDocument.Parse(RecordSchema.Text);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        var result = MetaSchemas.Draft202012.Evaluate(schema.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))));
    }

    [Fact]
    public void FieldTree_ReadFromTheSchema_KnowsEveryFieldsShape()
    {
        // Only the raw isotherm is kept as given; every other field has a shape the claim files can check.
        var raw = new List<string>();
        foreach (var (kind, fields) in RecordSchema.Fields)
        {
            Collect(kind.ToString(), fields, raw);
        }

        Assert.Equal(["Medium.ink_receiving_layer.isotherm"], raw);
        Assert.Equal("um", RecordSchema.FieldAt(RecordKind.Medium, ["ink_receiving_layer", "dry_thickness_um"])!.Unit);
        Assert.Equal(FieldType.Quantity, RecordSchema.FieldAt(RecordKind.Medium, ["layers", "1", "binder", "polymerization_degree"])!.Type);
        Assert.Contains("alumina", RecordSchema.FieldAt(RecordKind.Medium, ["layers", "0", "microparticles", "material"])!.Choices!);
    }

    private static void Collect(string path, IReadOnlyList<FieldSpec> fields, List<string> raw)
    {
        foreach (var f in fields)
        {
            if (f.Type == FieldType.Raw)
            {
                raw.Add($"{path}.{f.Name}");
            }

            Collect($"{path}.{f.Name}", f.Fields ?? f.Items?.Fields ?? [], raw);
        }
    }

    public static IEnumerable<object[]> ShippedRecords()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.Path("samples"), "*.json"))
        {
            foreach (var (where, record) in Records(File.ReadAllText(file)))
            {
                yield return [$"samples/{System.IO.Path.GetFileName(file)} {where}", record];
            }
        }

        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.Path("docs"), "*.md", SearchOption.AllDirectories))
        {
            var blocks = JsonBlock().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToList();
            for (var b = 0; b < blocks.Count; b++)
            {
                foreach (var (where, record) in Records(blocks[b]).Where(r => r.Record.Contains("\"kind\"", StringComparison.Ordinal)))
                {
                    yield return [$"docs/{System.IO.Path.GetRelativePath(RepositoryFiles.Path("docs"), file)} block {b + 1} {where}", record];
                }
            }
        }

        foreach (var name in RecordTemplates.Names)
        {
            foreach (var (where, record) in Records(RecordTemplates.Text(name)))
            {
                yield return [$"dyereg template {name} {where}", record];
            }
        }
    }

    // A file or block holds one record or an array of them; shown here as JSON text per record.
    private static IEnumerable<(string Where, string Record)> Records(string json)
    {
        var root = JsonNode.Parse(json)!;
        var list = root is JsonArray a ? a.Select(n => n!).ToList() : [root];
        return list.Select((r, i) => ($"record {i + 1}", r.ToJsonString()));
    }

    [GeneratedRegex("```json\\s*\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [Theory]
    [MemberData(nameof(ShippedRecords))]
    public void ShippedRecord_ValidatesAgainstTheSchemaAndTheRules(string where, string record)
    {
        var document = (JsonObject)JsonNode.Parse(record)!;
        var errors = RecordValidator.Validate(document);
        Assert.True(errors.Count == 0, $"{where}: {string.Join("; ", errors)}");
    }

    [Fact]
    public void ShippedRecords_IncludeTheSamplesTheDocsAndEveryTemplate()
    {
        var wheres = ShippedRecords().Select(r => (string)r[0]).ToList();
        Assert.Contains(wheres, w => w.StartsWith("samples/", StringComparison.Ordinal));
        Assert.Contains(wheres, w => w.StartsWith("docs/", StringComparison.Ordinal));
        Assert.All(RecordTemplates.Names, n => Assert.Contains(wheres, w => w.StartsWith($"dyereg template {n} ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("""{"kind": "medium", "id": "M", "layers": [{"position": "first"}, {"position": "second", "binder": {"polymerization_degree": 2e9}}]}""",
        "layers[1].binder.polymerization_degree: ", "(schema: maximum at /layers/1/binder/polymerization_degree)", "expected 0 to 1e9")]
    [InlineData("""{"kind": "medium", "id": "M", "ink_receiving_layer": {"dry_thickness_um": 1e309}}""",
        "ink_receiving_layer.dry_thickness_um: ", "(schema: maximum at /ink_receiving_layer/dry_thickness_um)", "1e309 is not a finite number; expected 0 to 10000 um")]
    [InlineData("""{"kind": "medium", "id": "M", "ink_receiving_layer": {"dry_thickness_um": -1e309}}""",
        "ink_receiving_layer.dry_thickness_um: ", "(schema: minimum at /ink_receiving_layer/dry_thickness_um)", "not a finite number; expected 0 to 10000 um")]
    [InlineData("""{"kind": "solvent", "id": "S", "boiling_point_c": {"value": -300}}""",
        "boiling_point_c.value: ", "(schema: minimum at /boiling_point_c/value)", "expected -273.15 to 10000 degC")]
    [InlineData("""{"kind": "medium", "id": "M", "ink_receiving_layer": {"pore_volume_at_particle_diameter_ml_per_cm2": 1e-30}}""",
        "ink_receiving_layer.pore_volume_at_particle_diameter_ml_per_cm2: ", "(schema: not at /ink_receiving_layer/pore_volume_at_particle_diameter_ml_per_cm2)", "smallest non-zero magnitude")]
    [InlineData("""{"kind": "ink", "id": "I", "components": [{"role": "dye"}]}""",
        "components[0].ref: ", "(schema: required at /components/0)", "missing (required)")]
    [InlineData("""{"kind": "polymer", "id": "P", "hydrophobic": "yes"}""",
        "hydrophobic: ", "(schema: type at /hydrophobic)", "expected true or false")]
    [InlineData("""{"kind": "medium", "id": "M", "support": {"type": "paper", "colour": "white"}}""",
        "support.colour: ", "(schema: additionalProperties at /support/colour)", "unknown field (known here: type, absorptive)")]
    [InlineData("""{"kind": "medium", "id": "M", "ink_receiving_layer": {"mordant": true}}""",
        "ink_receiving_layer.mordant: ", "(schema: const at /ink_receiving_layer/mordant)", "a name, or false")]
    [InlineData("""{"kind": "medium", "id": "M", "layers": [{"microparticles": {"material": "clay"}}]}""",
        "layers[0].microparticles.material: ", "(schema: enum at /layers/0/microparticles/material)", "expected one of silica, alumina")]
    [InlineData("""{"id": "X"}""", "kind: ", "(schema: required at /)", "missing (required)")]
    public void BrokenRecord_NamesTheFieldThePathAndTheRule(string record, string field, string rule, string expected)
    {
        var errors = RecordSchemaValidator.Validate((JsonObject)JsonNode.Parse(record)!).Select(e => e.ToString()).ToList();
        var error = Assert.Single(errors);
        Assert.StartsWith(field, error, StringComparison.Ordinal);
        Assert.EndsWith(rule, error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void BatchImport_RejectsTheBrokenRecordWithFileAndId_AndImportsTheRest()
    {
        using var sandbox = new RegistrySandbox();
        var outcomes = sandbox.Import("""
            [{"kind": "polymer", "id": "P-OK", "hydrophobic": true},
             {"kind": "medium", "id": "M-BAD", "ink_receiving_layer": {"dry_thickness_um": 1e309}},
             {"kind": "polymer", "id": "P-OK2", "polymer_class": "vinyl"}]
            """);
        Assert.Equal(3, outcomes.Count);
        Assert.All(outcomes.Where(o => o.Input.Id != "M-BAD"), o => Assert.Equal(ImportStatus.Created, o.Status));
        var bad = Assert.Single(outcomes, o => o.Input.Id == "M-BAD");
        Assert.Equal(ImportStatus.Failed, bad.Status);
        Assert.Equal("M-BAD", bad.Input.Id);
        Assert.Contains("record 2", bad.Input.Where, StringComparison.Ordinal);
        Assert.Contains("ink_receiving_layer.dry_thickness_um: 1e309 is not a finite number; expected 0 to 10000 um (schema: maximum at /ink_receiving_layer/dry_thickness_um)", bad.Message, StringComparison.Ordinal);
        Assert.Equal(2, sandbox.Store.List().Count);
    }

    [Fact]
    public void CrossFieldRules_StayInCode_AfterTheSchema()
    {
        var errors = RecordValidator.Validate((JsonObject)JsonNode.Parse("""
            {"kind": "ink", "id": "I", "components": [{"ref": "A", "mass_percent": 70}, {"ref": "B", "mass_percent": 140}]}
            """)!).Select(e => e.ToString()).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains("(schema: maximum at /components/1/mass_percent)", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("components: component mass percentages sum to 210 %", errors[1], StringComparison.Ordinal);
    }
}
