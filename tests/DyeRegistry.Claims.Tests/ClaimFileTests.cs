using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Claims.Loading;
using DyeRegistry.Claims.Model;

namespace DyeRegistry.Claims.Tests;

/// <summary>The claim sets are data: loaded, validated, and every problem reported with file,
/// line and field.</summary>
public sealed class ClaimFileTests(ScopeFixture scope) : IClassFixture<ScopeFixture>
{
    [Fact]
    public void ShippedClaimSets_LoadWithEveryClaimAndItsParent()
    {
        Assert.Equal(["000", "001", "002"], scope.Claims.Sets.Select(s => s.Patent));
        Assert.Equal([19, 15, 20], scope.Claims.Sets.Select(s => s.Claims.Count));
        // Dependencies as claims.md's tables give them.
        var parents = scope.Claims.Claims.ToDictionary(c => c.Id, c => c.Parent);
        Assert.Null(parents["000:1"]);
        Assert.Equal(10, parents["000:11"]);
        Assert.Equal(8, parents["000:12"]);
        Assert.Null(parents["000:17"]);
        Assert.Equal(2, parents["001:7"]);
        Assert.Equal(10, parents["001:15"]);
        Assert.Null(parents["002:7"]);
        Assert.Equal(19, parents["002:20"]);
        Assert.Equal([11, 12, 13], scope.Claims.Find("002:17")!.Includes);
        Assert.Equal(Pairing.MediumWithProduction, scope.Claims.Find("002:20")!.Pairing);
        Assert.Equal(Pairing.InkAndMedium, scope.Claims.Find("000:18")!.Pairing);
        Assert.All(scope.Claims.Claims, c => Assert.True(c.Limitations.Count + c.Includes.Count > 0, c.Id));
    }

    [Fact]
    public void ShippedClaimSets_NameThePatentDocumentInTheReadersWords()
    {
        Assert.Equal(["An ink-jet recording medium; an image forming method", "An ink jet recording method", "An ink-jet recording sheet; a method for producing an ink-jet recording sheet"],
            scope.Claims.Sets.Select(s => s.Document.Title));
        Assert.Equal([19, 15, 20], scope.Claims.Sets.Select(s => s.Document.Claims));
        Assert.All(scope.Claims.Sets, s =>
        {
            Assert.Equal(s.Claims.Max(c => c.Number), s.Document.Claims);
            Assert.Equal(Markush.Model.PatentDocument.NotRecorded, s.Document.Publication);
            Assert.Equal(Markush.Model.PatentDocument.NotRecorded, s.Document.Applicant);
            Assert.Null(s.Document.Claim);
        });
    }

    [Fact]
    public void Documentation_ListsEveryClaimAndLimitation()
    {
        // docs/claims.md carries a row per limitation: a claim or limitation added to claims/
        // without its documentation fails here.
        var doc = File.ReadAllText(TestSupport.RepositoryFiles.Path("docs/claims.md"));
        Assert.All(scope.Claims.Sets, s => Assert.Contains($"\"{s.Document.Title}\": {s.Document.Claims} claims", doc, StringComparison.Ordinal));
        foreach (var claim in scope.Claims.Claims)
        {
            var row = doc.IndexOf($"| {claim.Id} |", StringComparison.Ordinal);
            Assert.True(row >= 0, $"docs/claims.md has no row for {claim.Id}");
            var next = scope.Claims.Claims.SkipWhile(c => c != claim).Skip(1).FirstOrDefault();
            var end = next is null ? doc.IndexOf("## The condition language", StringComparison.Ordinal) : doc.IndexOf($"| {next.Id} |", StringComparison.Ordinal);
            var rows = doc[row..end];
            Assert.All(claim.Limitations, l => Assert.Contains($"`{l.Id}`: ", rows, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("  claims: 19\n", "  claims: 12\n", "document", "the document has 12 claims, but claims 13, 14, 15, 16, 17, 18, 19 are encoded")]
    [InlineData("  applicant: not recorded\n", "", "applicant", "missing (required)")]
    [InlineData("  publication: not recorded   # the claim text does not give it: fill in when known\n", "  publication: \"\"\n", "publication", "must not be empty")]
    [InlineData("  applicant: not recorded\n", "  applicant: not recorded\n  claim: 3\n", "claim", "unknown field")]
    public void BadDocumentBlock_IsReportedWithFileLineAndField(string find, string replace, string field, string message)
    {
        var folder = Sandbox();
        var file = Path.Combine(folder, "000.yaml");
        var text = File.ReadAllText(file);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(find, replace, StringComparison.Ordinal));
        var e = Assert.Throws<ClaimFileException>(() => ClaimLibrary.Load(folder));
        Assert.Contains(e.Errors, x => x.File == file && x.Field == field && x.Message.Contains(message, StringComparison.Ordinal) && x.Line > 0);
    }

    [Fact]
    public void InclusiveAndStrictWords_AreEncodedAsClaimsMdReadsThem()
    {
        var ops = scope.Claims.Claims.SelectMany(c => c.Limitations.Select(l => (c.Id, l)))
            .Select(x => (x.Id, x.l.Id, Op: Flatten(x.l.Condition).OfType<CompareCondition>().Select(cc => cc.Comparison).LastOrDefault()))
            .ToDictionary(x => $"{x.Item1} {x.Item2}", x => x.Op);
        Assert.Equal(Comparison.AtLeast, ops["000:1 A/B"]);       // "or more"
        Assert.Equal(Comparison.Between, ops["000:7 X"]);         // "10 to 100"
        Assert.Equal(Comparison.AtMost, ops["001:3 solvent-solubility"]); // "4 g or less" (after the high-boiling test)
        Assert.Equal(Comparison.AtLeast, ops["002:2 polymerization-degree"]); // "not smaller than"
        Assert.Equal(Comparison.AtMost, ops["002:2 crosslinking-conversion"]); // "not more than"
        Assert.Equal(Comparison.Between, ops["002:5 void-volume"]); // "15 - 40"
        Assert.Equal(Comparison.LessThan, ops["002:1 D2<D1"]);    // "smaller than"
    }

    [Fact]
    public void ProblemsInClaimFiles_AreAllReported_WithFileLineAndField()
    {
        var folder = Sandbox();
        var file = Path.Combine(folder, "000.yaml");
        var text = File.ReadAllText(file)
            .Replace("medium.ink_receiving_layer.dry_thickness_um]", "medium.ink_receiving_layer.dry_thicknes_um]")
            .Replace("op: \">=\", threshold: 50", "op: \"=>\", threshold: 50")
            .Replace("  - claim: 3\n    parent: 1\n", "  - claim: 3\n    parent: 33\n    colour: red\n");
        File.WriteAllText(file, text);
        var e = Assert.Throws<ClaimFileException>(() => ClaimLibrary.Load(folder));
        Assert.Contains(e.Errors, x => x.File == file && x.Field == "compare" && x.Message.Contains("no field 'dry_thicknes_um'") && x.Line > 0);
        Assert.Contains(e.Errors, x => x.Field == "op" && x.Message.Contains("'=>'"));
        Assert.Contains(e.Errors, x => x.Field == "parent" && x.Message.Contains("claim 33 is not defined"));
        Assert.Contains(e.Errors, x => x.Field == "colour" && x.Message.Contains("unknown field"));
        var line = File.ReadAllLines(file).ToList().FindIndex(l => l.Contains("dry_thicknes_um")) + 1;
        Assert.Contains(e.Errors, x => x.Line == line);
    }

    [Fact]
    public void WrongFieldTypes_UnknownReadingsAndChoices_AreRefused()
    {
        var folder = Sandbox();
        var file = Path.Combine(folder, "001.yaml");
        var text = File.ReadAllText(file)
            .Replace("reading: hydrophobic-dye}", "reading: hydrophobic-colourant}")
            .Replace("{is: polymer.hydrophobic, value: true}", "{is: polymer.name, value: true}")
            .Replace("values: [colored_fine_particle_dispersion]", "values: [colored_dispersion]");
        File.WriteAllText(file, text);
        var e = Assert.Throws<ClaimFileException>(() => ClaimLibrary.Load(folder));
        Assert.Contains(e.Errors, x => x.Field == "reading" && x.Message.Contains("no reading 'hydrophobic-colourant'"));
        Assert.Contains(e.Errors, x => x.Field == "is" && x.Message.Contains("is a text field; is needs a boolean field"));
        Assert.Contains(e.Errors, x => x.Field == "values" && x.Message.Contains("'colored_dispersion' is not a value of ink.form"));
    }

    [Fact]
    public void UnknownFormula_IsRefusedWhenTheEvaluatorIsMade()
    {
        var folder = Sandbox();
        var file = Path.Combine(folder, "001.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("{formula: [I, II, Y-I, M-I, C-I]}", "{formula: [I, II, Y-I, M-I, C-I, Q-I]}"));
        var library = ClaimLibrary.Load(folder);
        var choices = ReadingChoices.Create(library.Readings);
        var e = Assert.Throws<ClaimFileException>(() => new ClaimEvaluator(library, choices, new DyeFormulas(scope.Formulas, ClaimEvaluator.FormulaReadings(choices), false)));
        Assert.Contains("no formula 'Q-I'", e.Message);
    }

    [Fact]
    public void MalformedYaml_IsReportedWithItsLine()
    {
        var folder = Sandbox();
        File.WriteAllText(Path.Combine(folder, "002.yaml"), "patent: \"002\"\nclaims: [\n  {claim: 1\n");
        var e = Assert.Throws<ClaimFileException>(() => ClaimLibrary.Load(folder));
        Assert.Contains(e.Errors, x => x.File.EndsWith("002.yaml") && x.Field == "YAML" && x.Line >= 1);
    }

    private static IEnumerable<Condition> Flatten(Condition c) => c switch
    {
        AllCondition a => a.Parts.SelectMany(Flatten),
        AnyCondition a => a.Parts.SelectMany(Flatten),
        QuantifiedCondition q => Flatten(q.Inner),
        _ => [c],
    };

    private static string Sandbox()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dyereg-claims-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var f in Directory.GetFiles(ClaimLibrary.DefaultFolder(), "*.yaml"))
        {
            File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        }

        return folder;
    }
}
