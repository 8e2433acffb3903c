using DyeRegistry.Chemistry;

namespace DyeRegistry.Markush.Tests;

/// <summary>The kind-free relaxation of a tautomer screen must be a necessary condition of the
/// screen (never reject what the full screen would pass) and must refuse what it cannot relax.</summary>
public class TautomerPrescreenTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [Fact]
    public void YellowFormula_HasAPrescreen_ThatDropsOnlyTheKinds()
    {
        var yellow = fixture.Library.Find("Y-I")!;
        Assert.True(yellow.TautomerScreenUsesKinds);
        Assert.NotNull(yellow.TautomerPrescreen);
    }

    [Theory]
    [InlineData("[{heterocyclic}]-[#7]")] // a kind alone in its bracket: nothing left to keep
    [InlineData("[#6,{aryl}]-[#7]")] // a kind inside an OR: dropping it would narrow the screen
    public void KindsOutsideAnAnd_AreNotRelaxed(string smarts) =>
        Assert.Null(FormulaLibrary.KindFreeRelaxation(smarts));

    [Theory]
    [InlineData("CC1=NN(c2ccccn2)C(=O)C1=NNc1ccccn1")] // hydrazone drawing: passes the full screen
    [InlineData("O=C1C(=NNc2ccccn2)C(C)=NN1C")]
    [InlineData("c1ccccc1N=Nc1ccccc1")] // azo between carbons: passes the prescreen, not the screen
    [InlineData("c1ccccc1NNc1ccccc1")] // hydrazo: the same (bond orders and H do not count)
    [InlineData("CCO")]
    public void Prescreen_PassesEverythingTheFullScreenPasses(string smiles)
    {
        var yellow = fixture.Library.Find("Y-I")!;
        var full = fixture.Match(smiles, new Matching.MatchOptions { Formulas = ["Y-I"] }).Formulas[0];
        using var molecule = Molecule.FromSmiles(smiles);
        var passesPrescreen = molecule.HasSubstructMatch(yellow.TautomerPrescreen!);
        if (full.Tautomer is not null)
        {
            Assert.True(passesPrescreen, "a compound matched via a tautomer must pass the prescreen");
        }

        Assert.Equal(smiles.Contains("NN", StringComparison.Ordinal) || smiles.Contains("N=N", StringComparison.Ordinal), passesPrescreen);
    }
}
