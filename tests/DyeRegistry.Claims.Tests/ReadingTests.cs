using DyeRegistry.Claims.Evaluation;

namespace DyeRegistry.Claims.Tests;

/// <summary>Readings are data, named in every chart and switchable per run.</summary>
public sealed class ReadingTests(ScopeFixture scope) : IClassFixture<ScopeFixture>
{
    private static ClaimVerdict Verdict(ClaimChart chart, string id) => chart.Claims.Single(c => c.Claim.Id == id).Verdict;

    [Fact]
    public void Ultraviolet_IsIonizingUnderTheDefaultReading_AndNotUnderStrict()
    {
        Edit[] uv = [Edit.Set("SHEET-1", "production.irradiation", "\"UV lamp\"")];
        var byDefault = scope.Evaluate("SHEET-1", false, uv);
        var strict = scope.Evaluate("SHEET-1", false, uv, scope.Evaluator(["ionizing-radiation=strict"]));
        Assert.Equal(ClaimVerdict.Within, Verdict(byDefault, "002:11"));
        Assert.Equal(ClaimVerdict.Outside, Verdict(strict, "002:11"));
        Assert.Equal(ClaimVerdict.Outside, Verdict(strict, "002:1"));
        var limitation = strict.Claims.Single(c => c.Claim.Id == "002:11").Limitations.Single(l => l.Limitation.Id == "(b)-irradiation");
        Assert.Contains("reading ionizing-radiation = family-usage would accept it", limitation.Reason);
        Assert.Contains(strict.Readings, r => r.Reading.Id == "ionizing-radiation" && r.Option.Id == "strict" && !r.IsDefault);
        var warned = byDefault.Claims.Single(c => c.Claim.Id == "002:11").Limitations.Single(l => l.Limitation.Id == "(b)-irradiation");
        Assert.Contains(warned.Warnings, w => w.Contains("only under reading ionizing-radiation = family-usage"));
    }

    [Fact]
    public void ElectronBeam_IsIonizingUnderBothReadings()
    {
        var strict = scope.Evaluate("SHEET-1", false, [], scope.Evaluator(["ionizing-radiation=strict"]));
        Assert.Equal(ClaimVerdict.Within, Verdict(strict, "002:11"));
    }

    [Fact]
    public void ThresholdReading_CanBeSetToANumber_AndTheChartSaysSo()
    {
        var evaluator = scope.Evaluator(["hydrophobic-dye=0.005"]);
        var chart = scope.Evaluate("MED-1", true, [], evaluator);
        Assert.Equal(ClaimVerdict.Outside, Verdict(chart, "001:1"));
        var applied = chart.Readings.Single(r => r.Reading.Id == "hydrophobic-dye");
        Assert.Equal(0.005m, applied.Threshold);
        Assert.Contains("set for this report", applied.Describe());
    }

    [Fact]
    public void EveryChart_NamesEveryReading()
    {
        var chart = scope.Evaluate("MED-1", false, []);
        Assert.Equal(scope.Claims.Readings.Readings.Select(r => r.Id).Order(), chart.Readings.Select(r => r.Reading.Id).Order());
        Assert.All(chart.Readings, r => Assert.True(r.IsDefault));
    }

    [Fact]
    public void FormulaReading_IsPassedToTheMarkushEngine()
    {
        var choices = ReadingChoices.Create(scope.Claims.Readings, ["formula-I-X=literal"]);
        Assert.Equal("literal", ClaimEvaluator.FormulaReadings(choices)["I"]);
        Assert.Equal("carbon-centred", ClaimEvaluator.FormulaReadings(ReadingChoices.Create(scope.Claims.Readings))["I"]);
    }

    [Theory]
    [InlineData("ionizing-radiation=lenient", "has no option 'lenient' (options: family-usage, strict)")]
    [InlineData("no-such=1", "no reading 'no-such'")]
    [InlineData("ionizing-radiation", "takes ID=OPTION or ID=NUMBER")]
    [InlineData("ionizing-radiation=5", "has no option '5'")]
    public void BadReadingSwitch_IsRefusedWithTheChoices(string value, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => ReadingChoices.Create(scope.Claims.Readings, [value]));
        Assert.Contains(message, e.Message);
    }
}
