using DyeRegistry.Markush.Loading;

namespace DyeRegistry.Markush.Tests;

/// <summary>Loading validates everything and says where: each test breaks one thing in a sandbox
/// copy of formulas/ and checks the file, line and field of the reported problem.</summary>
public sealed class FormulaLoadingTests : IDisposable
{
    private readonly string sandbox = Directory.CreateTempSubdirectory("dyereg-formulas-").FullName;

    public FormulaLoadingTests()
    {
        foreach (var file in Directory.GetFiles(FormulaLibrary.DefaultFolder(), "*.yaml"))
        {
            File.Copy(file, Path.Combine(sandbox, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(sandbox, recursive: true);

    [Fact]
    public void ShippedFormulas_LoadWithProvenanceAndVersion()
    {
        using var library = FormulaLibrary.Load(sandbox);
        Assert.Equal(["C-I", "I", "II", "M-I", "Y-I"], library.Formulas.Select(f => f.Formula.Id).ToArray());
        Assert.All(library.Formulas, f => Assert.True(f.Formula.Version >= 1));
        Assert.Equal(Model.Provenance.Missing, library.Find("II")!.Formula.Provenance);
        Assert.False(library.Find("II")!.Formula.HasStructure);
    }

    [Fact]
    public void BadCoreSmarts_IsReportedWithFileLineAndRDKitsReason()
    {
        var e = Broken("Y-I.yaml", "[#7;X2;!a;!R:1]=[#7;X2;!a;!R:2]", "[#7;X2;!a;!R:1]=[#7;X2");
        var error = Assert.Single(e.Errors);
        Assert.EndsWith("Y-I.yaml", error.File);
        Assert.Equal(LineOf("Y-I.yaml", "  - id: azo"), error.Line);
        Assert.Contains("variant azo: core", error.Field);
        Assert.Contains("SMARTS", error.Message);
    }

    [Fact]
    public void UnknownClassName_SuggestsTheNearestOne()
    {
        var e = Broken("Y-I.yaml", "classes: [heterocyclic-carbon]\n  - id: B", "classes: [heterocylic-carbon]\n  - id: B");
        var error = Assert.Single(e.Errors);
        Assert.Contains("unknown class 'heterocylic-carbon'", error.Message);
        Assert.Contains("did you mean 'heterocyclic-carbon'", error.Message);
        Assert.Equal("slot A: classes", error.Field);
    }

    [Fact]
    public void SlotAtomMissingFromTheCore_IsReported()
    {
        var e = Broken("Y-I.yaml", "    at: 2", "    at: 7");
        Assert.Contains(e.Errors, x => x.Field == "slot B: at" && x.Message.Contains("no atom :7", StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateClassId_IsReportedWithBothLines()
    {
        var e = Broken("substituent-classes.yaml", "  - id: cyano\n", "  - id: halogen\n");
        Assert.Contains(e.Errors, x => x.Message.Contains("duplicate class id 'halogen'", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownField_IsRejectedNotIgnored()
    {
        var e = Broken("Y-I.yaml", "ring-closures: []", "ring-closures: []\nring-closure: [A, B]");
        var error = Assert.Single(e.Errors);
        Assert.Equal("ring-closure", error.Field);
        Assert.Contains("unknown field", error.Message);
    }

    [Fact]
    public void ClassWithoutAttachmentMacro_IsReported()
    {
        var e = Broken("substituent-classes.yaml", "smarts: \"{A}~[CX2]#[NX1]\"", "smarts: \"[CX2]#[NX1]\"");
        Assert.Contains(e.Errors, x => x.Field == "class cyano: smarts" && x.Message.Contains("{A}", StringComparison.Ordinal));
    }

    [Fact]
    public void YamlSyntaxError_NamesTheLine()
    {
        var e = Broken("M-I.yaml", "embeddings: all", "embeddings: [all");
        Assert.Contains(e.Errors, x => x.Field == "YAML" && x.File.EndsWith("M-I.yaml", StringComparison.Ordinal) && x.Line > 0);
    }

    [Fact]
    public void BadProvenance_IsReported()
    {
        var e = Broken("Y-I.yaml", "provenance: read", "provenance: guessed");
        Assert.Contains(e.Errors, x => x.Field == "provenance" && x.Message.Contains("'guessed'", StringComparison.Ordinal));
    }

    [Fact]
    public void ShippedFormulas_NameThePatentDocumentInTheReadersWords()
    {
        using var library = FormulaLibrary.Load(sandbox);
        Assert.All(library.Formulas, f =>
        {
            Assert.Equal("An ink jet recording method", f.Formula.Document.Title);
            Assert.Equal(15, f.Formula.Document.Claims);
            Assert.Equal(2, f.Formula.Document.Claim);
            Assert.Equal(Model.PatentDocument.NotRecorded, f.Formula.Document.Publication);
            Assert.Equal(Model.PatentDocument.NotRecorded, f.Formula.Document.Applicant);
        });
        Assert.Equal("claim 2 of \"An ink jet recording method\" (15 claims; publication not recorded; applicant not recorded)", library.Find("I")!.Formula.Document.DescribeWithClaim());
        Assert.Equal("An ink jet recording method", library.Vocabulary.Document!.Title);
    }

    [Theory]
    [InlineData("  publication: not recorded               # the claim text does not give it: fill in when known\n", "", "publication", "missing (required)")]
    [InlineData("  claims: 15\n", "  claims: fifteen\n", "claims", "expected a whole number")]
    [InlineData("  claim: 2                                # the claim the formula appears in\n", "  claim: 16\n", "claim", "claim 16 is not among the document's 15 claims")]
    [InlineData("  applicant: not recorded\n", "  applicant: not recorded\n  filed: 2004\n", "filed", "unknown field")]
    public void BadDocumentBlock_IsReportedWithFileLineAndField(string find, string replace, string field, string message)
    {
        var e = Broken("Y-I.yaml", find, replace);
        Assert.Contains(e.Errors, x => x.Field == field && x.Message.Contains(message, StringComparison.Ordinal) && x.File.EndsWith("Y-I.yaml", StringComparison.Ordinal) && x.Line > 0);
    }

    [Fact]
    public void MissingDocumentBlock_SaysWhatItNeeds()
    {
        var path = Path.Combine(sandbox, "Y-I.yaml");
        var lines = File.ReadAllLines(path).ToList();
        var start = lines.FindIndex(l => l == "document:");
        lines.RemoveRange(start, lines.Skip(start + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).Count() + 1);
        File.WriteAllLines(path, lines);
        var e = Assert.Throws<FormulaFileException>(() => FormulaLibrary.Load(sandbox).Dispose());
        Assert.Contains(e.Errors, x => x.Field == "document" && x.Message.Contains("missing (required)", StringComparison.Ordinal) && x.Message.Contains("not recorded", StringComparison.Ordinal));
    }

    [Fact]
    public void ClosureBetweenUnknownSlots_IsReported()
    {
        var e = Broken("M-I.yaml", "between: [R5, R6]", "between: [R5, R9]");
        Assert.Contains(e.Errors, x => x.Message.Contains("no slot 'R9'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tautomer-within-screen: \"[#6;$(", "tautomer-within-screen: \"[#6;{heterocyclic};$(", "kind macros are not allowed here")]
    [InlineData("tautomer-within-screen: \"[#6;$(", "tautomer-within-screen: \"[#6;$((", "")]
    public void BadWithinScreen_IsReportedWithItsField(string find, string replace, string message)
    {
        var e = Broken("M-I.yaml", find, replace);
        Assert.Contains(e.Errors, x => x.Field == "tautomer-within-screen" && x.Message.Contains(message, StringComparison.Ordinal) && x.File.EndsWith("M-I.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void SeveralProblems_AreAllReportedAtOnce()
    {
        Edit("Y-I.yaml", "provenance: read", "provenance: guessed");
        var e = Broken("M-I.yaml", "between: [R5, R6]", "between: [R5, R9]");
        Assert.True(e.Errors.Count >= 2);
    }

    [Fact]
    public void FormulaII_GainsAStructureAsDataWithoutCodeChange()
    {
        // A user supplies (II) later: a core and slots, provenance changed; it then matches.
        Edit("II.yaml", "provenance: missing", "provenance: reconstructed\nembeddings: all\nvariants:\n  - id: test\n    core: \"[#7;X2;!a;!R:1]=[#7;X2;!a;!R:2]\"\nslots:\n  - {id: A, at: 1, classes: [heterocyclic-carbon]}\n  - {id: B, at: 2, classes: [aromatic]}");
        using var library = FormulaLibrary.Load(sandbox);
        var matcher = new Matching.MarkushMatcher(library);
        using var mol = Chemistry.Molecule.FromSmiles("c1ccc(nc1)N=Nc1ccccc1");
        Assert.Equal(["II"], matcher.Match(mol).Within);
    }

    private FormulaFileException Broken(string file, string find, string replace)
    {
        Edit(file, find, replace);
        return Assert.Throws<FormulaFileException>(() => FormulaLibrary.Load(sandbox).Dispose());
    }

    private void Edit(string file, string find, string replace)
    {
        var path = Path.Combine(sandbox, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    private int LineOf(string file, string text) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(sandbox, file)), l => l == text) + 1;
}
