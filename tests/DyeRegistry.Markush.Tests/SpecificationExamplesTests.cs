using DyeRegistry.Markush.Matching;
using DyeRegistry.Markush.Model;

namespace DyeRegistry.Markush.Tests;

/// <summary>Every molecule of ../shared/spec/formulas.md, with the verdicts it gives, checked
/// against all formulas at once.</summary>
public class SpecificationExamplesTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private const string MagentaInside = "CC(C)(C)c1nn(-c2nc3ccccc3s2)c(/N=N/c2c(C)c(C#N)c(Nc3c(C)cc(C)cc3C)nc2Nc2c(C)cc(C)cc2C)c1C#N";
    private const string MagentaOutside = "CC(C)(C)c1nn(-c2nc3ccccc3s2)c(/N=N/c2c(C)nc(N(CCCC)CCCC)nc2N)c1C#N";
    private const string CyanInside = "c1c(S(=O)(=O)NCC(CC)CCCC)cc2c(c1)c1nc3[n-]c(nc4nc(nc5[n-]c(nc2n1)c1cc(S(=O)(=O)NCC(CC)CCCC)ccc51)c1cc(S(=O)(=O)NCC(CC)CCCC)ccc41)c1cc(S(=O)(=O)NCC(CC)CCCC)ccc31.[Cu+2]";
    private const string CopperPhthalocyanine = "c1ccc2c(c1)c1nc3[n-]c(nc4nc(nc5[n-]c(nc2n1)c1ccccc51)c1ccccc41)c1ccccc31.[Cu+2]";

    [Theory]
    [InlineData("CC(C)(C)C(=O)C(=Nc1ccc(N(CC)CC)cc1C)C(=O)Nc1ccccc1Cl")]
    [InlineData("CC1=NN2C(C)=NN=C2/C1=N/c1ccc(N(CC)CC)cc1C")]
    [InlineData("O=C1C(C(=O)NCCCC)=CC(=Nc2ccc(N(CC)CC)cc2)c2ccccc12")]
    [InlineData("CC(C)(C)C(=O)C(=Nc1ccc(N(CC)CC)nc1)C(=O)Nc1ccccc1Cl")]
    public void FormulaI_TestMolecules_AreWithinUnderTheLiteralReading(string smiles)
    {
        var match = fixture.Match(smiles, new MatchOptions { Readings = new Dictionary<string, string> { ["I"] = "literal" } });
        Assert.Equal(["I"], match.Within);
        var i = match.Formulas.Single(f => f.FormulaId == "I");
        Assert.Equal(Provenance.Reconstructed, i.Provenance);
        Assert.Contains("[reconstructed]", i.Explanation);
        Assert.Contains("X = x-literal", i.Explanation);
    }

    [Fact]
    public void MagentaInside_IsWithinMIAndYI_WithEachSlotNamed()
    {
        var match = fixture.Match(MagentaInside);
        Assert.Equal(["M-I", "Y-I"], match.Within);
        var mi = match.Formulas.Single(f => f.FormulaId == "M-I");
        var slots = mi.Best!.Slots.ToDictionary(s => s.Slot);
        Assert.Equal("five-membered-heterocyclic", slots["A"].AllowedAs);
        Assert.Equal("substituted-amino", slots["G"].AllowedAs);
        Assert.Equal("cyano", slots["R1"].AllowedAs);
        Assert.Equal("aliphatic", slots["R2"].AllowedAs);
        Assert.Contains("G = substituted-amino", mi.Explanation);
    }

    [Fact]
    public void MagentaOutside_IsOutsideMIBecauseOfThePlainAmino_ButWithinYI()
    {
        var match = fixture.Match(MagentaOutside);
        Assert.Equal(["Y-I"], match.Within);
        var mi = match.Formulas.Single(f => f.FormulaId == "M-I");
        Assert.Equal(FormulaVerdict.NotWithin, mi.Verdict);
        Assert.All(mi.NearestMisses, e => Assert.Single(e.Violations));
        Assert.Contains(mi.NearestMisses, e => e.Violations[0].StartsWith("G is *N: amino;", StringComparison.Ordinal));
    }

    [Fact]
    public void CyanInside_ReportsMAndEachA()
    {
        var match = fixture.Match(CyanInside);
        Assert.Equal(["C-I"], match.Within);
        var ci = match.Formulas.Single(f => f.FormulaId == "C-I").Best!;
        Assert.Equal([1, 1, 1, 1], ci.Counts);
        Assert.Equal("Cu", ci.Central!.Description);
        Assert.Equal(CentralKind.Metal, ci.Central.Kind);
        Assert.Equal("ionic", ci.Central.Bonding);
        Assert.Equal(4, ci.Slots.Count(s => s.AllowedAs == "x-sulfamoyl"));
    }

    [Fact]
    public void CopperPhthalocyanine_IsOutsideBecauseSumOfAIsZero()
    {
        var match = fixture.Match(CopperPhthalocyanine);
        Assert.Empty(match.Within);
        var ci = match.Formulas.Single(f => f.FormulaId == "C-I");
        Assert.Contains("sum of a_i is 0", ci.Explanation);
        Assert.Equal([0, 0, 0, 0], ci.Best!.Counts);
    }

    [Fact]
    public void FormulaII_IsCarriedAsMissing_NeverWithin_ExcludedOrNot()
    {
        var aniline = fixture.Match("CC(C)(C)C(=O)C(=Nc1ccc(N(CC)CC)cc1C)C(=O)Nc1ccccc1Cl").Formulas.Single(f => f.FormulaId == "II");
        Assert.Equal(Provenance.Missing, aniline.Provenance);
        Assert.Equal(FormulaVerdict.NotExcluded, aniline.Verdict);
        Assert.Contains("structure unavailable", aniline.Explanation);
        var cyan = fixture.Match(CopperPhthalocyanine).Formulas.Single(f => f.FormulaId == "II");
        Assert.Equal(FormulaVerdict.Excluded, cyan.Verdict);
    }
}
