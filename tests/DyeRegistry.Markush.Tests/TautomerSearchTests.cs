using DyeRegistry.Chemistry;
using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Markush.Tests;

/// <summary>The tautomer search: its screens are necessary conditions on generated tautomers (not
/// only on drawings), its limits give "undetermined", never "not within".</summary>
public class TautomerSearchTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private const string SchiffBase = "OC1=C(C=CC=C1)C=NC2=CC=C(C=C2)N=CC3=C(O)C=CC=C3"; // nci-1146
    private const string Hydrazo = "CC1=CC2=NC(=O)N=C2C=C1NNC3C(=O)NC(=O)NC3=O"; // aqsol-A-5996

    // Drawings whose tautomers are within a formula, and others that exercise the screens.
    public static TheoryData<string> TautomerRich() => new(
        SchiffBase,
        Hydrazo,
        "CC1=NN(c2ccccn2)C(=O)C1=NNc1ccccn1",
        "CC1=C(C#N)C(=O)N(C)C(=O)C1=NNc1nccs1",
        "O=C1C=CC=CC1=CNc1ccc(N=Cc2ccccc2O)cc1",
        "CC(=O)C(N=Nc1nccs1)C(=O)Nc1ccccn1",
        "Oc1ccc(N=Cc2ccc(O)cc2)cc1",
        "CC1=NN(C)C(=O)C1=Nc1ccc(N(CC)CC)cc1",
        "O=C1NC(=O)C(N=Nc2ccc3[nH]c(=O)[nH]c3c2)C(=O)N1",
        "CN(C)c1ccc(Nc2c3ccc(N)cc3nc3cc(N)ccc23)cc1", // within (I) as an acridin-9-imine: X unsaturated
        "CC(=O)Nc1ccc(NCC(=O)O)cc1", // the (I) screen: X a CH2 (X4), so the NH can never be the imine N
        "CCN(CC)c1[nH]c(=O)c(N=Nc2nc3ccccc3s2)c(C)c1C#N", // (M-I) drawn as the pyridone: the hydroxypyridine form has the core
        "NC(=O)C1=CC=C(C=C1)N=NC2=C(N)N=C(N)N=C2O", // nci-1580: forms with an (M-I) core, A a phenyl: fails the within screen
        "Cc1cccc(c1)N=Nc1c(=O)[nH]c2n(c1N)c1ccccc1n2"); // cdex-3156: the same, a fused pyrimidinone

    /// <summary>Every tautomer (heteroatom H shifts, carbons keep their H) that is within a formula
    /// as drawn passes that formula's tautomer screens, and so do the drawing it came from and
    /// every other form: the screens read only what H shifts leave unchanged.</summary>
    [Theory]
    [MemberData(nameof(TautomerRich))]
    public void Screens_HoldOnEveryGeneratedTautomer_ThatIsWithin(string smiles)
    {
        using var drawn = Molecule.FromSmiles(smiles);
        using var drawnForm = new MatchedForm(fixture.Library, drawn, isTautomer: false);
        using var set = drawn.EnumerateTautomers(1000, heteroatomShiftsOnly: false);
        var drawnHydrogens = CarbonHydrogens(drawn);
        foreach (var formula in fixture.Library.Formulas.Where(f => f.Formula.HasStructure))
        {
            var screenOnDrawing = MarkushMatcher.TautomerMayBeWithin(formula, drawnForm, DefaultReading(formula));
            var withinScreenOnDrawing = MarkushMatcher.TautomerWithinPossible(formula, drawnForm);
            foreach (var t in set.Tautomers.Where(t => CarbonHydrogens(t).SequenceEqual(drawnHydrogens)))
            {
                using var form = new MatchedForm(fixture.Library, t, isTautomer: true);
                Assert.Equal(screenOnDrawing, MarkushMatcher.TautomerMayBeWithin(formula, form, DefaultReading(formula)));
                Assert.Equal(withinScreenOnDrawing, MarkushMatcher.TautomerWithinPossible(formula, form));
                var within = fixture.Matcher.Match(t, new MatchOptions { Formulas = [formula.Formula.Id], ConsiderTautomers = false }).Formulas[0].IsWithin;
                if (within)
                {
                    Assert.True(screenOnDrawing, $"{t.ToSmiles()} is within ({formula.Formula.Id}) but the screen rejects its drawing {smiles}");
                    Assert.True(withinScreenOnDrawing, $"{t.ToSmiles()} is within ({formula.Formula.Id}) but the within screen rejects its drawing {smiles}");
                    Assert.True(fixture.Match(smiles, new MatchOptions { Formulas = [formula.Formula.Id] }).Formulas[0].IsWithin,
                        $"{t.ToSmiles()} is within ({formula.Formula.Id}) but the search from {smiles} does not find it");
                }
            }
        }
    }

    /// <summary>The screens on the whole case table: every drawing within a formula passes its
    /// screens, and every tautomer of it that the search judges (every carbon keeps its H; the
    /// screens' proofs read a carbon's connections) gets the same answer as the drawing.</summary>
    [Fact]
    public void Screens_PassEveryWithinCase_AndAgreeAcrossItsTautomers()
    {
        foreach (var c in FormulaCases.All.Where(c => c.Formula != "C-I"))
        {
            var formula = fixture.Library.Find(c.Formula)!;
            using var drawn = Molecule.FromSmiles(c.Smiles);
            using var drawnForm = new MatchedForm(fixture.Library, drawn, isTautomer: false);
            var screen = MarkushMatcher.TautomerMayBeWithin(formula, drawnForm, DefaultReading(formula));
            var withinScreen = MarkushMatcher.TautomerWithinPossible(formula, drawnForm);
            Assert.True(!c.Within || screen, $"({c.Formula}) {c.Rule}: within but its tautomer screen fails");
            Assert.True(!c.Within || withinScreen, $"({c.Formula}) {c.Rule}: within but its within screen fails");
            using var set = drawn.EnumerateTautomers(64, heteroatomShiftsOnly: true);
            foreach (var t in set.Tautomers.Where(t => CarbonHydrogens(t).SequenceEqual(CarbonHydrogens(drawn))))
            {
                using var form = new MatchedForm(fixture.Library, t, isTautomer: true);
                Assert.True(screen == MarkushMatcher.TautomerMayBeWithin(formula, form, DefaultReading(formula)), $"({c.Formula}) {c.Rule}: the screen differs on tautomer {t.ToSmiles()}");
                Assert.True(withinScreen == MarkushMatcher.TautomerWithinPossible(formula, form), $"({c.Formula}) {c.Rule}: the within screen differs on tautomer {t.ToSmiles()}");
            }
        }
    }

    [Fact]
    public void IssueExamples_AreWithinViaTautomers()
    {
        var schiff = fixture.Match(SchiffBase, new MatchOptions { Formulas = ["I"] }).Formulas[0];
        Assert.Equal(FormulaVerdict.Within, schiff.Verdict);
        Assert.NotNull(schiff.Tautomer);
        var hydrazo = fixture.Match(Hydrazo, new MatchOptions { Formulas = ["Y-I"] }).Formulas[0];
        Assert.Equal(FormulaVerdict.Within, hydrazo.Verdict);
        Assert.Contains("N=N", hydrazo.Tautomer!, StringComparison.Ordinal);
    }

    [Fact]
    public void TautomerLimitHit_IsUndetermined_NeverNotWithin()
    {
        var options = new MatchOptions { Formulas = ["I"], MaxTautomers = 1 };
        var match = fixture.Match(SchiffBase, options);
        var result = match.Formulas[0];
        Assert.Equal(FormulaVerdict.Undetermined, result.Verdict);
        Assert.StartsWith("undetermined (I) (search limit: more than 1 tautomers", result.Explanation, StringComparison.Ordinal);
        Assert.Equal(["I"], match.Undetermined);
        Assert.Empty(match.Within);
        using var molecule = Molecule.FromSmiles(SchiffBase);
        Assert.True(fixture.Matcher.IsWithinAny(molecule, options), "a batch screen must report an undetermined record");
    }

    [Fact]
    public void EmbeddingLimitHit_IsUndetermined_AndTheDefaultDecides()
    {
        const string disperseRed1 = "CCN(CCO)c1ccc(N=Nc2ccc(cc2)[N+](=O)[O-])cc1"; // N=N embeds twice
        var limited = fixture.Match(disperseRed1, new MatchOptions { Formulas = ["Y-I"], MaxEmbeddings = 1 }).Formulas[0];
        Assert.Equal(FormulaVerdict.Undetermined, limited.Verdict);
        Assert.Contains("search limit: 1 or more embeddings of variant azo", limited.Explanation, StringComparison.Ordinal);
        var full = fixture.Match(disperseRed1, new MatchOptions { Formulas = ["Y-I"] }).Formulas[0];
        Assert.Equal(FormulaVerdict.NotWithin, full.Verdict);
    }

    [Fact]
    public void NoCoreSkeleton_IsNotWithin_WithoutSearchingTautomers()
    {
        // Hydrazobenzene has the N-N skeleton but no heterocycle: the (Y-I) screen decides, even
        // with a tautomer limit of 1 (no search, so no limit is hit).
        var result = fixture.Match("c1ccc(cc1)NNc1ccccc1", new MatchOptions { Formulas = ["Y-I"], MaxTautomers = 1 }).Formulas[0];
        Assert.Equal(FormulaVerdict.NotWithin, result.Verdict);
    }

    [Fact]
    public void PhenylazoPyrimidinone_IsNotWithinMI_WhateverTheTautomerLimit()
    {
        // cdex-3156: its hydroxypyrimidine forms have an (M-I) core, but A is a phenyl, never the
        // five-membered heterocycle the within screen asks for: not within even with a tautomer
        // limit of 1 (the limit cannot make it undetermined), and the batch screen agrees.
        const string smiles = "Cc1cccc(c1)N=Nc1c(=O)[nH]c2n(c1N)c1ccccc1n2";
        var limited = fixture.Match(smiles, new MatchOptions { Formulas = ["M-I"], MaxTautomers = 1 }).Formulas[0];
        Assert.Equal(FormulaVerdict.NotWithin, limited.Verdict);
        var full = fixture.Match(smiles, new MatchOptions { Formulas = ["M-I"] }).Formulas[0];
        Assert.Equal(FormulaVerdict.NotWithin, full.Verdict);
        Assert.NotNull(full.Tautomer); // the explanation still shows the nearest miss found in a tautomer
        using var molecule = Molecule.FromSmiles(smiles);
        Assert.False(fixture.Matcher.IsWithinAny(molecule, new MatchOptions { Formulas = ["M-I"], MaxTautomers = 1 }));
        Assert.Null(fixture.Matcher.MatchIfWithinAny(molecule, new MatchOptions { Formulas = ["M-I"], MaxTautomers = 1 }));
    }

    [Fact]
    public void SaturatedImineCarbon_IsNotWithinI_WithoutSearchingTautomers()
    {
        // The NH of N-(4-acetamidophenyl)glycine sits between the ring and a CH2: no form can make
        // it the X2 imine N (that needs a double bond to X), so the (I) screen decides even with a
        // tautomer limit of 1; the amide N (X a carbonyl carbon) fails the carbon-centred reading.
        var result = fixture.Match("CC(=O)Nc1ccc(NCC(=O)O)cc1", new MatchOptions { Formulas = ["I"], MaxTautomers = 1 }).Formulas[0];
        Assert.Equal(FormulaVerdict.NotWithin, result.Verdict);
    }

    private static string? DefaultReading(CompiledFormula f) => f.Formula.Slots.Select(s => s.DefaultReading).FirstOrDefault(x => x is not null);

    private static int[] CarbonHydrogens(Molecule m) =>
        m.GetGraph().Atoms.Select(a => a.AtomicNumber == 6 ? a.HydrogenCount : -1).ToArray();
}
