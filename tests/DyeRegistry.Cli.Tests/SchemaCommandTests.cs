using System.Text.Json.Nodes;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests;

/// <summary>dyereg schema prints the record format's JSON Schema the program validates with: the
/// shipped docs/schema/records.schema.json, and a file that import's refusals cite.</summary>
public sealed class SchemaCommandTests
{
    [Fact]
    public void Schema_PrintsTheShippedSchema()
    {
        var (exit, text, err) = CliRunner.Run("schema");
        Assert.True(exit == 0, err);
        Assert.Equal(File.ReadAllText(RepositoryFiles.Path("docs/schema/records.schema.json")), text);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", JsonNode.Parse(text)!["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void Import_RefusesABrokenRecordWithPathAndRule_AndImportsTheRest()
    {
        using var temp = new TempFolder();
        var file = temp.File("batch.json", """
            [{"kind": "polymer", "id": "P-1", "hydrophobic": true},
             {"kind": "medium", "id": "M-BAD", "layers": [{"position": "first", "binder": {"polymerization_degree": "2400"}}]},
             {"kind": "polymer", "id": "P-2"}]
            """);
        var (exit, _, err) = CliRunner.Run("import", file, "--registry", temp.Combine("r.db"));
        Assert.Equal(1, exit);
        Assert.Contains($"{file}: record 2 (M-BAD): layers[0].binder.polymerization_degree: expected a number (dimensionless)", err, StringComparison.Ordinal);
        Assert.Contains("(schema: type at /layers/0/binder/polymerization_degree)", err, StringComparison.Ordinal);
        Assert.Contains("2 created", err, StringComparison.Ordinal);
        Assert.Contains("1 failed", err, StringComparison.Ordinal);
    }
}
