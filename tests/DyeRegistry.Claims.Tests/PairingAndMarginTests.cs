using DyeRegistry.Claims.Evaluation;

namespace DyeRegistry.Claims.Tests;

/// <summary>The recording-method claims taken apart by side (issue 20), against the whole-chart
/// evaluation; and the design-around margins the evaluator records.</summary>
public sealed class PairingAndMarginTests(ScopeFixture scope) : IClassFixture<ScopeFixture>
{
    private const string Y = "ink_receiving_layer.peak_pore_diameter_nm";

    [Fact]
    public void ShippedClaims_AreSeparable_EachLimitationReadingOneSide()
    {
        var pairing = new PairingEvaluator(scope.Claims, ReadingChoices.Create(scope.Claims.Readings), new DyeFormulas(scope.Formulas, new Dictionary<string, string>(), depict: false));
        Assert.True(pairing.Separable);
        Assert.Equal(15 + 3, pairing.Claims.Count);
        Assert.Contains(pairing.Limitations, l => l.Claim == "001:1" && l.Limitation.Id == "A/B" && l.Side == PairingSide.Medium);
        Assert.Contains(pairing.Limitations, l => l.Claim == "001:1" && l.Limitation.Id == "high-boiling-solvent" && l.Side == PairingSide.Ink);
        Assert.Contains(pairing.Limitations, l => l.Claim == "001:2" && l.Side == PairingSide.Ink);
    }

    [Theory]
    [InlineData("MED-1", null, null)]
    [InlineData("SHEET-1", null, null)]
    [InlineData("MED-1", "TCP", "{\"value\": 120, \"source\": \"literature\"}")]     // not high-boiling: 001 outside
    [InlineData("MED-1", "M-101", null)]                                               // dye without a structure
    public void CombinedSides_GiveTheVerdictsOfTheWholeChart(string medium, string? record, string? boiling)
    {
        var edits = new List<Edit>();
        if (record == "TCP")
        {
            edits.Add(Edit.Set("TCP", "boiling_point_c", boiling!));
        }
        else if (record == "M-101")
        {
            edits.Add(Edit.Remove("M-101", "smiles"));
            edits.Add(Edit.Set("M-101", "molfile", "\"not a molfile\""));
        }

        var chart = scope.Evaluate(medium, true, edits);
        var choices = ReadingChoices.Create(scope.Claims.Readings);
        var pairing = new PairingEvaluator(scope.Claims, choices, new DyeFormulas(scope.Formulas, ClaimEvaluator.FormulaReadings(choices), depict: false));
        var ink = pairing.EvaluateInk(chart.Subject.Ink!, chart.Subject.Components).Select(r => r.Verdict).ToList();
        var media = pairing.EvaluateMedium(chart.Subject.Medium).Select(r => r.Verdict).ToList();
        var combined = pairing.Combine(ink, media);
        var expected = chart.Claims.Where(c => c.Claim.Pairing == Model.Pairing.InkAndMedium).ToList();
        Assert.Equal(expected.Select(c => c.Claim.Id), pairing.Claims.Select(c => c.Id));
        Assert.Equal(expected.Select(c => c.Verdict), combined);
    }

    [Fact]
    public void WithinClaim_NamesItsNearestNumericLimitation_AndHowFar()
    {
        var chart = scope.Evaluate("MED-1", true, [Edit.Set("MED-1", Y, "34.65")]); // 5 % above 33 nm
        var claim5 = chart.Claims.Single(c => c.Claim.Id == "000:5");
        Assert.Equal(ClaimVerdict.Within, claim5.Verdict);
        Assert.Equal("Y", claim5.Margins[0].Label);
        Assert.Equal(0.05m, claim5.Margins[0].Fraction);
        Assert.Equal("Y = 34.65 nm against at least 33 nm: 5 % above", claim5.Margins[0].Text);
        Assert.True(claim5.Margins.Zip(claim5.Margins.Skip(1)).All(p => !p.Second.IsNumeric || p.First.Fraction <= p.Second.Fraction), "nearest first");

        // 001:1 is met by TCP alone among the ink's solvents: it hangs on it.
        var claim1 = chart.Claims.Single(c => c.Claim.Id == "001:1");
        Assert.Contains(claim1.Margins, m => m.Hinge == "hangs on solvent TCP alone (1 solvent listed)");
        Assert.Empty(chart.Claims.Single(c => c.Claim.Id == "002:1").Margins); // outside: no margin
    }

    [Fact]
    public void MarginOfARange_IsToItsNearerBound()
    {
        var chart = scope.Evaluate("MED-1", false, []);
        var sap = chart.Claims.Single(c => c.Claim.Id == "000:11").Limitations.Single().Margins.Single();
        Assert.Equal("saponification degree = 88 % against 65 to 90 %: 2.2 % below the upper bound", sap.Text);
    }
}
