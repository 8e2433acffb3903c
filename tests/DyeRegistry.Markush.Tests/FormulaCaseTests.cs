using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Markush.Tests;

/// <summary>The case table (FormulaCases.g.cs, from cases.py): every rule of every formula at
/// inside and outside examples, each checked against the verdict the specification gives.</summary>
public class FormulaCaseTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    public static TheoryData<FormulaCase> Cases() => new(FormulaCases.All);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verdict_IsTheSpecifiedOne(FormulaCase c)
    {
        var match = fixture.Match(c.Smiles, new MatchOptions { Formulas = [c.Formula] });
        var result = Assert.Single(match.Formulas);
        Assert.True(result.IsWithin == c.Within, $"{c.Rule}: expected {(c.Within ? "within" : "not within")}, got: {result.Explanation}");
        Assert.False(string.IsNullOrWhiteSpace(result.Explanation));
        if (!c.Within)
        {
            return;
        }

        var best = result.Best!;
        foreach (var slot in best.Slots)
        {
            Assert.Contains(slot.Slot, result.Explanation);
        }

        if (c.Class is not null)
        {
            Assert.True(best.Slots.Any(s => s.AllowedAs == c.Class || s.Classes.Contains(c.Class)), $"{c.Rule}: no slot is of class {c.Class}: {result.Explanation}");
        }
        else if (c.Slot is not null)
        {
            Assert.Equal(SlotState.Absent, best.Slots.Single(s => s.Slot == c.Slot).State);
        }
    }

    /// <summary>The verdict-only search (batch screening) reaches the verdict of the full match,
    /// and a structure that cannot hold the formula's core is ruled out before a full parse only
    /// when it is not within.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void VerdictOnlySearch_AndCoreScreen_AgreeWithTheFullMatch(FormulaCase c)
    {
        var options = new MatchOptions { Formulas = [c.Formula] };
        using var molecule = Chemistry.Molecule.FromSmiles(c.Smiles);
        Assert.Equal(c.Within, fixture.Matcher.IsWithinAny(molecule, options));
        var screened = Chemistry.Molecule.ParseSmilesIfMightContain(c.Smiles, fixture.Matcher.CoreQueries(options));
        using var parsed = screened.Molecule;
        Assert.False(c.Within && screened.RuledOut, $"{c.Rule}: ruled out, but within");
        Assert.Null(screened.Error);
    }

    [Fact]
    public void CaseTable_HasAtLeastFortyCasesPerFormulaFamily()
    {
        foreach (var family in new[] { "I", "Y-I", "M-I", "C-I" })
        {
            Assert.True(FormulaCases.All.Count(c => c.Formula == family) >= 40, family);
            Assert.Contains(FormulaCases.All, c => c.Formula == family && c.Within);
            Assert.Contains(FormulaCases.All, c => c.Formula == family && !c.Within);
        }
    }
}
