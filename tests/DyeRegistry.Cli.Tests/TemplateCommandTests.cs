using DyeRegistry.Registry;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests;

/// <summary>dyereg template KIND: each template imports as it is, and carries every field its kind has.</summary>
public sealed class TemplateCommandTests
{
    [Theory]
    [InlineData("dye")]
    [InlineData("solvent")]
    [InlineData("polymer")]
    [InlineData("ink")]
    [InlineData("medium")]
    [InlineData("medium-layers")]
    public void Template_ImportsAsItIs(string kind)
    {
        using var temp = new TempFolder();
        var (exit, text, err) = CliRunner.Run("template", kind);
        Assert.True(exit == 0, err);
        var file = temp.File($"{kind}.json", text);
        var import = CliRunner.Run("import", file, "--registry", temp.Combine("r.db"));
        Assert.True(import.Exit == 0, import.Err);
        Assert.Contains("0 failed", import.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Templates_FillEveryTopLevelFieldOfTheirKind()
    {
        foreach (var (template, kind) in new[] { ("dye", "dye"), ("solvent", "solvent"), ("polymer", "polymer") })
        {
            var doc = System.Text.Json.Nodes.JsonNode.Parse(RecordTemplates.Text(template))!.AsObject();
            var fields = Storage.Records.RecordSchema.Fields[Storage.Records.RecordSchema.ParseKind(kind)!.Value].Select(f => f.Name)
                .Except(["molfile", "parent", "distinct_from"]); // an alternative to smiles, a form's link, a registrar's override: named in the notes
            Assert.All(fields, f => Assert.True(doc.ContainsKey(f), $"template {template} lacks {f}"));
        }
    }

    [Fact]
    public void UnknownKind_IsRefusedWithTheList()
    {
        var (exit, _, err) = CliRunner.Run("template", "pigment");
        Assert.NotEqual(0, exit);
        Assert.Contains("medium-layers", err, StringComparison.Ordinal);
    }
}
