using DyeRegistry.Chemistry;
using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Markush.Tests;

/// <summary>The Kekule-matching condition (<see cref="DoubleBondFeasibility"/>) and formula (I)'s
/// tautomer-double-bond-screen: necessary conditions checked on generated tautomers, and the
/// arylamino-anthraquinones they are there to rule out.</summary>
public class DoubleBondScreenTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    // Drawings with many heteroatom H-shift forms: quinoid rings, azo/hydrazone, lactam/lactim,
    // Schiff bases, aci-nitro, and arylamino-anthraquinones.
    public static TheoryData<string> Drawings() => new(
        "OC1=C(C=CC=C1)C=NC2=CC=C(C=C2)N=CC3=C(O)C=CC=C3",
        "CC1=CC2=NC(=O)N=C2C=C1NNC3C(=O)NC(=O)NC3=O",
        "O=C1C=CC=CC1=CNc1ccc(N=Cc2ccccc2O)cc1",
        "Oc1ccc(N=Cc2ccc(O)cc2)cc1",
        "CC1=NN(C)C(=O)C1=Nc1ccc(N(CC)CC)cc1",
        "CN(C)c1ccc(Nc2c3ccc(N)cc3nc3cc(N)ccc23)cc1",
        "Nc1ccc(Nc2ccccc2)c(S(=O)(=O)[O-])c1.Nc1cccc(S(=O)(=O)[O-])c1.O=C1C=C/C(=N/Nc2cc([N+](=O)[O-])cc([N+](=O)[O-])c2O)C(O)=C1.[Fe]",
        "O=C1c2c(O)ccc(Nc3ccccc3)c2C(=O)c2c([N+](=O)[O-])ccc(O)c21",
        "Nc1c(S(=O)(=O)O)cc(Nc2ccc(S(=O)(=O)O)c(Nc3nc(Cl)nc(Cl)n3)c2)c2c1C(=O)c1ccccc1C2=O",
        MesitylAminoanthraquinone,
        "Nc1nc(N)c(N=Nc2ccc(C(=O)O)cc2)c(O)n1",
        "O=C1C=C(Nc2ccc(N3CCOCC3)cc2)C(=O)C=C1Nc1ccc(N2CCOCC2)cc1");

    // A reactive blue: its arylamino N sits on a mesityl ring that no H shift can make quinoid.
    private const string MesitylAminoanthraquinone =
        "Cc1c(Nc2nc(Cl)nc(Nc3ccccc3S(=O)(=O)[O-])n2)c(C)c(S(=O)(=O)[O-])c(C)c1Nc1cc(S(=O)(=O)[O-])c(N)c2c1C(=O)c1ccccc1C2=O";

    /// <summary>Every double bond of every generated tautomer in which carbons keep their H (all of
    /// RDKit's transforms, not only the heteroatom shifts) is allowed on the drawing.</summary>
    [Theory]
    [MemberData(nameof(Drawings))]
    public void EveryDoubleBondOfAGeneratedTautomer_IsAllowedOnTheDrawing(string smiles)
    {
        using var drawn = Molecule.FromSmiles(smiles);
        var graph = drawn.GetGraph();
        using var set = drawn.EnumerateTautomers(1000, heteroatomShiftsOnly: false);
        var checkedBonds = 0;
        foreach (var t in set.Tautomers.Where(t => CarbonHydrogens(t).SequenceEqual(CarbonHydrogens(drawn))))
        {
            foreach (var b in t.GetGraph().Bonds.Where(b => b.Kind == BondKind.Double))
            {
                checkedBonds++;
                Assert.True(DoubleBondFeasibility.Possible(graph, b.BeginAtom, b.EndAtom), $"{t.ToSmiles()} has a double bond {b.BeginAtom}={b.EndAtom} that the drawing {smiles} is said never to have");
            }
        }

        Assert.True(checkedBonds > 0);
    }

    /// <summary>Formula (I)'s condition holds wherever a generated tautomer has a core of (I).</summary>
    [Theory]
    [MemberData(nameof(Drawings))]
    public void EveryTautomerWithACoreOfI_PassesTheDoubleBondScreenOnTheDrawing(string smiles)
    {
        var formula = fixture.Library.Find("I")!;
        using var drawn = Molecule.FromSmiles(smiles);
        using var drawnForm = new MatchedForm(fixture.Library, drawn, isTautomer: false);
        var passes = drawnForm.DoubleBondPossible(formula.TautomerDoubleBond!);
        using var set = drawn.EnumerateTautomers(1000, heteroatomShiftsOnly: false);
        foreach (var t in set.Tautomers.Where(t => CarbonHydrogens(t).SequenceEqual(CarbonHydrogens(drawn))))
        {
            if (formula.Variants.Any(v => t.HasSubstructMatch(v.Core)))
            {
                Assert.True(passes, $"{t.ToSmiles()} has a core of (I) but the double-bond screen rejects its drawing {smiles}");
            }
        }
    }

    [Fact]
    public void ArylaminoAnthraquinone_OnAMesitylRing_IsNotSearched()
    {
        var formula = fixture.Library.Find("I")!;
        using var drawn = Molecule.FromSmiles(MesitylAminoanthraquinone);
        using var form = new MatchedForm(fixture.Library, drawn, isTautomer: false);
        Assert.False(form.DoubleBondPossible(formula.TautomerDoubleBond!));
        Assert.False(MarkushMatcher.TautomerMayBeWithin(formula, form, "carbon-centred"));
        var verdict = fixture.Match(MesitylAminoanthraquinone, new MatchOptions { Formulas = ["I"] }).Formulas[0];
        Assert.Equal(FormulaVerdict.NotWithin, verdict.Verdict);
    }

    [Theory]
    [InlineData("c1ccccc1NC1CCCCC1", false)] // the N's other neighbour is saturated
    [InlineData("Oc1ccc(NC2CCC(N)CC2)cc1", false)]
    [InlineData("Oc1ccc(N=Cc2ccccc2)cc1", true)] // as drawn
    [InlineData("Oc1ccc(Nc2ccc(O)cc2)cc1", true)] // a quinone-imine Kekule structure exists (the condition does not count H)
    [InlineData("Cc1cc(C)c(Nc2ccc(O)cc2)c(C)c1", false)] // mesityl: cannot turn quinoid
    public void TheImineNitrogen_CanBeDoubleBondedToItsOtherNeighbour(string smiles, bool expected)
    {
        var formula = fixture.Library.Find("I")!;
        using var drawn = Molecule.FromSmiles(smiles);
        using var form = new MatchedForm(fixture.Library, drawn, isTautomer: false);
        Assert.Equal(expected, form.DoubleBondPossible(formula.TautomerDoubleBond!));
    }

    private static int[] CarbonHydrogens(Molecule m) =>
        m.GetGraph().Atoms.Select(a => a.AtomicNumber == 6 ? a.HydrogenCount : -1).ToArray();
}
