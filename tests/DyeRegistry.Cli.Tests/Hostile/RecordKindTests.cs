using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests.Hostile;

/// <summary>Issue 13 point 6: records wrong in kind. Ids from a documented character set; a
/// reference points at a record of the kind its role needs; two layers in one position are an
/// import error; a repeated JSON key is located.</summary>
public sealed class RecordKindTests
{
    [Theory]
    [MemberData(nameof(HostileRecords.BadIds), MemberType = typeof(HostileRecords))]
    public void Ids_OutsideTheCharacterSet_AreRefused_AndPrintedEscaped(string idLiteral, string expected)
    {
        using var temp = new TempFolder();
        var file = temp.File("ids.json", $"{{\"kind\": \"polymer\", \"id\": \"{idLiteral}\"}}");
        var (exit, _, err) = CliRunner.Run("import", file, "--registry", temp.Combine("r.db"));
        Assert.Equal(1, exit);
        Assert.Contains("id: ", err, StringComparison.Ordinal);
        Assert.Contains(expected, err, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', err);
        Assert.DoesNotContain('\u001b', err);
    }

    [Fact]
    public void References_MustBeOfTheKindTheirRoleNeeds()
    {
        using var temp = new TempFolder();
        var registry = temp.Combine("r.db");
        Assert.Equal(0, CliRunner.Run("import", HostileRecords.Samples, "--registry", registry).Exit);
        var file = temp.File("inks.json", """
            [{"kind": "ink", "id": "INK-MEDIUM", "components": [{"ref": "MED-1", "role": "dye", "mass_percent": 3}]},
             {"kind": "ink", "id": "INK-SELF", "components": [{"ref": "INK-SELF", "role": "dye", "mass_percent": 3}]},
             {"kind": "ink", "id": "INK-INK", "components": [{"ref": "INK-M1", "role": "other", "mass_percent": 3}]},
             {"kind": "ink", "id": "INK-SOLVENT-AS-POLYMER", "components": [{"ref": "TCP", "role": "polymer", "mass_percent": 3}]},
             {"kind": "dye", "id": "D-PARENT", "smiles": "c1ccccc1N=Nc1ccccc1", "parent": "MED-1"},
             {"kind": "ink", "id": "INK-OK", "components": [{"ref": "M-101", "role": "dye", "mass_percent": 3}, {"ref": "TCP", "role": "solvent", "mass_percent": 2}]}]
            """);
        var (exit, _, err) = CliRunner.Run("import", file, "--registry", registry);
        Assert.Equal(1, exit);
        Assert.Contains("(INK-MEDIUM): components[0].ref: 'MED-1' is a medium", err, StringComparison.Ordinal);
        Assert.Contains("(INK-SELF): components[0].ref: the ink 'INK-SELF' lists itself", err, StringComparison.Ordinal);
        Assert.Contains("(INK-INK): components[0].ref: 'INK-M1' is an ink", err, StringComparison.Ordinal);
        Assert.Contains("(INK-SOLVENT-AS-POLYMER): components[0].ref: 'TCP' is a solvent", err, StringComparison.Ordinal);
        Assert.Contains("(D-PARENT): parent: 'MED-1' is a medium", err, StringComparison.Ordinal);
        Assert.Contains("1 created", err, StringComparison.Ordinal); // INK-OK
        Assert.Contains("INK-OK", CliRunner.Run("list", "ink", "--registry", registry).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoLayersInOnePosition_AreAnImportError_NotAVerdict()
    {
        using var temp = new TempFolder();
        var sheet = HostileRecords.Sample("SHEET-1");
        sheet["id"] = "SHEET-TWO-FIRST";
        sheet["layers"]![1]!["position"] = "first";
        var file = temp.File("sheet.json", sheet.ToJsonString());
        var (exit, _, err) = CliRunner.Run("import", file, "--registry", temp.Combine("r.db"));
        Assert.Equal(1, exit);
        Assert.Contains("(SHEET-TWO-FIRST): layers[1].position: 'first' is the position of layers[0] too", err, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedJsonKey_IsLocated_AndOtherFilesStillImport()
    {
        using var temp = new TempFolder();
        var duplicate = temp.File("dup.json", "[\n {\"kind\": \"polymer\", \"id\": \"P-A\"},\n {\"kind\": \"medium\", \"id\": \"M-X\",\n  \"ink_receiving_layer\": {\"dry_thickness_um\": 30,\n   \"dry_thickness_um\": 40}}\n]");
        var good = temp.File("good.json", "{\"kind\": \"polymer\", \"id\": \"P-B\"}");
        var (exit, _, err) = CliRunner.Run("import", duplicate, good, "--registry", temp.Combine("r.db"));
        Assert.Equal(1, exit);
        Assert.Contains($"{duplicate}: file: line 5: record 2: ink_receiving_layer.dry_thickness_um: the key appears twice", err, StringComparison.Ordinal);
        Assert.Contains("1 created", err, StringComparison.Ordinal);
        Assert.DoesNotContain("same key has already been added", err, StringComparison.Ordinal);
    }
}
