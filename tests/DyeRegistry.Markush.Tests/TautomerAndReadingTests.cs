using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Markush.Tests;

public class TautomerAndReadingTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [Fact]
    public void HydrazoneDrawing_IsWithinViaItsAzoTautomer_AndSaysSo()
    {
        var hydrazone = fixture.Match("CC1=NN(c2ccccn2)C(=O)C1=NNc1ccccn1", new MatchOptions { Formulas = ["Y-I"] }).Formulas[0];
        var azo = fixture.Match("CC1=NN(c2ccccn2)C(O)=C1N=Nc1ccccn1", new MatchOptions { Formulas = ["Y-I"] }).Formulas[0];
        Assert.True(hydrazone.IsWithin);
        Assert.True(azo.IsWithin);
        Assert.NotNull(hydrazone.Tautomer);
        Assert.Null(azo.Tautomer);
        Assert.Contains("via its tautomer", hydrazone.Explanation);
    }

    [Fact]
    public void WithoutTautomers_TheHydrazoneDrawingIsNotWithin()
    {
        var result = fixture.Match("CC1=NN(c2ccccn2)C(=O)C1=NNc1ccccn1", new MatchOptions { Formulas = ["Y-I"], ConsiderTautomers = false }).Formulas[0];
        Assert.False(result.IsWithin);
    }

    [Fact]
    public void CarbonTautomers_DoNotCount_SuccinimideStaysAnImide()
    {
        // An N-succinimido substituent as R1 of (I) is an imide; its enol (H to carbon) must not
        // turn it into something else.
        var result = fixture.Match("CC(C)(C)C(=O)C(C(=O)Nc2ccccc2Cl)=Nc1cc(N3C(=O)CCC3=O)c(N(CC)CC)cc1", new MatchOptions { Formulas = ["I"] }).Formulas[0];
        Assert.True(result.IsWithin);
        Assert.Contains(result.Best!.Slots, s => s.Classes.Contains("imide"));
    }

    [Fact]
    public void Amidine_IsWithinOnlyUnderTheLiteralReading()
    {
        const string amidine = "CN(C)C(C)=Nc1ccc(N(CC)CC)cc1";
        Assert.False(fixture.Match(amidine, new MatchOptions { Formulas = ["I"] }).Formulas[0].IsWithin);
        var literal = fixture.Match(amidine, new MatchOptions { Formulas = ["I"], Readings = new Dictionary<string, string> { ["I"] = "literal" } }).Formulas[0];
        Assert.True(literal.IsWithin);
        Assert.Equal("literal", literal.Reading);
    }

    [Fact]
    public void Salts_AreSetAsideAndListed()
    {
        var match = fixture.Match("O=S(=O)([O-])c1ccc(nc1)N=Nc1nccs1.[Na+]", new MatchOptions { Formulas = ["Y-I"] });
        Assert.Equal(["[Na+]"], match.SetAside);
        Assert.Equal("O=S(=O)([O-])c1ccc(N=Nc2nccs2)nc1", match.MatchedSmiles);
    }

    [Fact]
    public void Phthalocyanine_DoesNotExplodeIntoEquivalentEmbeddings()
    {
        var match = fixture.Match("c1ccc2c(c1)c1nc3[n-]c(nc4nc(nc5[n-]c(nc2n1)c1ccccc51)c1ccccc41)c1ccccc31.[Cu+2]", new MatchOptions { Formulas = ["C-I"] });
        Assert.Single(match.Formulas[0].NearestMisses);
    }

    [Fact]
    public void Depiction_HighlightsAndLabelsSlots()
    {
        var match = fixture.Match("c1ccc(nc1)N=Nc1nccs1", new MatchOptions { Formulas = ["Y-I"], Depict = true });
        var svg = match.Formulas[0].Svg;
        Assert.NotNull(svg);
        Assert.Contains("<svg", svg);
        // RDKit draws text as glyph outlines: one note path per labelled core atom (A and B).
        Assert.Equal(2, svg.Split("class='note'").Length - 1);
    }
}
