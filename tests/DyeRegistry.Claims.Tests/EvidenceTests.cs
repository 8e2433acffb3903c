using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Storage;

namespace DyeRegistry.Claims.Tests;

/// <summary>Evidence, uncertainty, near-boundary warnings and the "what would decide it" of
/// claims not within (claims.md "Evaluation rules" and "Settled points").</summary>
public sealed class EvidenceTests(ScopeFixture scope) : IClassFixture<ScopeFixture>
{
    private const string A = "ink_receiving_layer.pore_volume_at_particle_diameter_ml_per_cm2";
    private const string B = "ink_receiving_layer.dry_thickness_um";

    private static LimitationResult Limitation(ClaimChart chart, string claim, string id) =>
        chart.Claims.Single(c => c.Claim.Id == claim).Limitations.Single(l => l.Limitation.Id == id);

    [Fact]
    public void UncertainA_StraddlingTheThreshold_IsUnknownWithTheMargin()
    {
        // A = 1.45e-4 +- 0.1e-4 over B = 7: A/B spans 1.9286 to 2.2143 x10^-5, straddling 2.0.
        var chart = scope.Evaluate("MED-1", false, [Edit.Set("MED-1", A, """{"value": 1.45e-4, "plus_minus": 0.1e-4, "source": "measured"}"""), Edit.Set("MED-1", B, "7")]);
        var ab = Limitation(chart, "000:1", "A/B");
        Assert.Equal(LimitationVerdict.Unknown, ab.Verdict);
        Assert.Contains("1.928571 to 2.214286", ab.Reason);
        Assert.Contains(ab.Changes, c => c.Contains("straddles 2 x10^-5 ml/cm2/um") && c.Contains("margin 0.071429"));
        Assert.Contains(ab.Needs, n => n.Contains(A) && n.Contains("smaller uncertainty"));
        Assert.Equal(ClaimVerdict.Undetermined, chart.Claims.Single(c => c.Claim.Id == "000:1").Verdict);
        var evidence = ab.Evidence.Single(e => e.Field == A);
        Assert.Equal(0.00001m, evidence.PlusMinus);
        Assert.Equal("measured", evidence.Source);
    }

    [Fact]
    public void UncertaintyInTheDenominator_CarriesThrough_AndAClearIntervalDecides()
    {
        // A = 7e-4 exactly, B = 30 +- 2: A/B spans 2.1875 to 2.5: all above 2.0, so met.
        var chart = scope.Evaluate("MED-1", false, [Edit.Set("MED-1", B, """{"value": 30, "plus_minus": 2}""")]);
        var ab = Limitation(chart, "000:1", "A/B");
        Assert.Equal(LimitationVerdict.Met, ab.Verdict);
        Assert.Contains("2.1875 to 2.5", ab.Reason);
    }

    [Fact]
    public void ExactBoundary_IsComparedInDecimal_AndIsMet()
    {
        var chart = scope.Evaluate("MED-1", false, [Edit.Set("MED-1", A, "1.4e-4"), Edit.Set("MED-1", B, "7")]);
        var ab = Limitation(chart, "000:1", "A/B");
        Assert.Equal(LimitationVerdict.Met, ab.Verdict);
        Assert.StartsWith("A/B = 2 x10^-5 ml/cm2/um from A = 0.00014 ml/cm2, B = 7 um", ab.Detail);
        Assert.StartsWith("“the ink receiving layer has a pore volume per unit thickness (A/B) of 2.0x10^-5 ml/cm2/um or more”: met (A/B = 2 x10^-5", ab.Reason);
        Assert.Contains(ab.Warnings, w => w.Contains("within 2 %"));
    }

    [Fact]
    public void NearBoundaryWarning_FiresWithinTwoPercent_AndNotBeyond()
    {
        var near = Limitation(scope.Evaluate("MED-1", false, [Edit.Set("MED-1", "ink_receiving_layer.peak_pore_diameter_nm", "33.6")]), "000:5", "Y");
        var far = Limitation(scope.Evaluate("MED-1", false, [Edit.Set("MED-1", "ink_receiving_layer.peak_pore_diameter_nm", "33.7")]), "000:5", "Y");
        Assert.Equal(LimitationVerdict.Met, near.Verdict);
        Assert.Contains(near.Warnings, w => w.Contains("within 2 % of the threshold 33 nm"));
        Assert.Empty(far.Warnings);
    }

    [Fact]
    public void OutsideClaim_SaysHowFarTheValueIsFromItsThreshold()
    {
        var chart = scope.Evaluate("MED-1", false, [Edit.Set("MED-1", A, "1.39e-4"), Edit.Set("MED-1", B, "7")]);
        var claim = chart.Claims.Single(c => c.Claim.Id == "000:2");
        Assert.Equal(ClaimVerdict.Outside, claim.Verdict);
        var what = string.Join(" | ", claim.Deciding.SelectMany(d => d.What));
        // Claim 2 is outside on its own A (13.9 < 50) and on claim 1's A/B (1.985714 < 2.0).
        Assert.Contains("A would have to rise by 36.1 x10^-5 ml/cm2 (72.2 % of the threshold) to 50 x10^-5 ml/cm2", what);
        Assert.Contains("A/B would have to rise by 0.014286 x10^-5 ml/cm2/um", what);
        Assert.Equal(["000:2", "000:1"], claim.Deciding.Select(d => d.Claim).Distinct());
    }

    [Fact]
    public void UndeterminedClaim_ListsExactlyTheDataThatWouldDecideIt()
    {
        var chart = scope.Evaluate("MED-1", false, [Edit.Remove("MED-1", B), Edit.Remove("MED-1", "ink_receiving_layer.mordant")]);
        var claim = chart.Claims.Single(c => c.Claim.Id == "000:15");
        Assert.Equal(ClaimVerdict.Undetermined, claim.Verdict);
        Assert.Equal(
            ["MED-1, ink receiving layer, mordant [field ink_receiving_layer.mordant]", "MED-1, ink receiving layer, dry thickness (um) [field ink_receiving_layer.dry_thickness_um]"],
            claim.Deciding.SelectMany(d => d.What).ToArray());
    }

    [Fact]
    public void ComputedValues_AreUsed_WithTheirSourceAndMethod()
    {
        var computed = new[] { new ComputedQuantity("ink_receiving_layer.peak_pore_diameter_nm", 41.5, "nm", "BJH, desorption branch") };
        var chart = scope.Evaluate("MED-1", false, [Edit.Remove("MED-1", "ink_receiving_layer.peak_pore_diameter_nm")], computed: computed);
        var y = Limitation(chart, "000:5", "Y");
        Assert.Equal(LimitationVerdict.Met, y.Verdict);
        var e = Assert.Single(y.Evidence);
        Assert.Equal("computed", e.Source);
        Assert.Contains("BJH", e.Method);
        Assert.Equal("41.5", e.Value);
    }

    [Fact]
    public void Claim2_NamesTheDyeTheFormulaAndTheAssignment()
    {
        var chart = scope.Evaluate("MED-1", true, []);
        var formula = Limitation(chart, "001:2", "formula");
        Assert.Equal(LimitationVerdict.Met, formula.Verdict);
        var mi = formula.Dyes.Single(d => d.FormulaId == "M-I");
        Assert.Equal("M-101", mi.Dye);
        Assert.Equal("within", mi.Verdict);
        Assert.Contains("A = five-membered-heterocyclic", mi.Explanation);
        Assert.Contains("R6 = aromatic", mi.Explanation);
        Assert.Contains("dye M-101", formula.Reason);
    }

    [Fact]
    public void Claim2_DyeWhoseTautomerSearchHitsItsLimit_IsUnknown_WithTheLimitAsReason()
    {
        // nci-1146 is within (I) only through a tautomer; with one tautomer allowed the search
        // stops before it, so nothing is decided: 001:2 must be unknown, never not met.
        const string Schiff = "\"OC1=C(C=CC=C1)C=NC2=CC=C(C=C2)N=CC3=C(O)C=CC=C3\"";
        var limited = scope.Evaluator([], new Markush.Matching.MatchOptions { MaxTautomers = 1 });
        var chart = scope.Evaluate("MED-1", true, [Edit.Set("M-101", "smiles", Schiff)], limited);
        var formula = Limitation(chart, "001:2", "formula");
        Assert.Equal(LimitationVerdict.Unknown, formula.Verdict);
        Assert.Contains("search limit", formula.Reason);
        Assert.Contains(formula.Dyes, d => d.FormulaId == "I" && d.Verdict == "undetermined");
        Assert.Equal(ClaimVerdict.Undetermined, chart.Claims.Single(c => c.Claim.Id == "001:2").Verdict);

        // With the default limit the same dye is within (I) and the limitation is met.
        var full = scope.Evaluate("MED-1", true, [Edit.Set("M-101", "smiles", Schiff)]);
        Assert.Equal(LimitationVerdict.Met, Limitation(full, "001:2", "formula").Verdict);
    }

    [Fact]
    public void Claim3_NamesTheSolventAndItsSolubility()
    {
        var chart = scope.Evaluate("MED-1", true, []);
        var solvent = Limitation(chart, "001:3", "solvent-solubility");
        Assert.Equal(LimitationVerdict.Met, solvent.Verdict);
        Assert.Contains("solvent TCP", solvent.Reason);
        Assert.Contains("solvent water solubility = 0.00004 g/100 g water", solvent.Reason);
        Assert.Contains(solvent.Evidence, e => e.Record == "TCP" && e.Field == "water_solubility_g_per_100g" && e.Source == "literature");
    }

    [Fact]
    public void Claim2_DyeThatIsNotHydrophobic_DoesNotMeetIt_EvenWithinAFormula()
    {
        var chart = scope.Evaluate("MED-1", true, [Edit.Set("M-101", "water_solubility_g_per_100g", "5")]);
        Assert.Equal(LimitationVerdict.NotMet, Limitation(chart, "001:2", "formula").Verdict);
    }

    [Fact]
    public void MediumAlone_GetsMediumClaimsOnly_InkAndMedium_GetsTheMethodClaimsToo()
    {
        var alone = scope.Evaluate("MED-1", false, []).Claims.Select(c => c.Claim.Id).ToList();
        var pair = scope.Evaluate("MED-1", true, []).Claims.Select(c => c.Claim.Id).ToList();
        Assert.Equal(16 + 20, alone.Count);
        Assert.DoesNotContain(alone, id => id.StartsWith("001:") || id is "000:17" or "000:18" or "000:19");
        Assert.Equal(19 + 15 + 20, pair.Count);
    }

    [Fact]
    public void IncludedLimitations_AreAttributedToTheClaimThatStatesThem()
    {
        var claim7 = scope.Evaluate("SHEET-1", false, []).Claims.Single(c => c.Claim.Id == "002:7");
        Assert.Equal(["002:1", "002:2", "002:3"], claim7.Limitations.Select(l => l.Claim).Distinct());
        Assert.Null(claim7.ParentVerdict);
    }
}
