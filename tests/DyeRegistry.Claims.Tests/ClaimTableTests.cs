using DyeRegistry.Claims.Evaluation;

namespace DyeRegistry.Claims.Tests;

/// <summary>Runs the claim table (<see cref="ClaimCases"/>): every claim of the three patents at
/// inside, outside, exact-boundary and missing-data conditions.</summary>
public sealed class ClaimTableTests(ScopeFixture scope) : IClassFixture<ScopeFixture>
{
    public static IEnumerable<object[]> Keys() => ClaimCases.Keys();

    [Theory]
    [MemberData(nameof(Keys))]
    public void Claim_HasTheVerdictTheRulesGive(string key)
    {
        var c = ClaimCases.All.Single(x => x.Key == key);
        var chart = scope.Evaluate(c.Medium, c.WithInk, c.Edits);
        var result = chart.Claims.Single(r => r.Claim.Id == c.Claim);
        Assert.True(c.Expected == result.Verdict,
            $"{key}: expected {c.Expected}, got {result.Verdict}\n  " + string.Join("\n  ", result.Limitations.Select(l => $"{l.Verdict} {l.Limitation.Id}: {l.Reason}")) +
            "\n  deciding: " + string.Join("; ", result.Deciding.Select(d => $"{d.Claim} {d.Limitation}: {string.Join(", ", d.What)}")));
        if (result.Verdict != ClaimVerdict.Within)
        {
            Assert.NotEmpty(result.Deciding);
            Assert.All(result.Deciding, d => Assert.NotEmpty(d.What));
        }
    }

    [Fact]
    public void EveryClaimOfTheThreePatents_IsInTheTable_AtInsideOutsideBoundaryAndMissing()
    {
        var all = scope.Claims.Claims.Select(c => c.Id).ToList();
        Assert.Equal(19 + 15 + 20, all.Count);
        foreach (var id in all)
        {
            var rows = ClaimCases.All.Where(c => c.Claim == id).ToList();
            Assert.True(rows.Any(r => r.Condition.StartsWith("inside")), $"{id}: no inside row");
            Assert.True(rows.Any(r => r.Condition.StartsWith("outside") || r.Expected == ClaimVerdict.Outside), $"{id}: no outside row");
            Assert.True(rows.Any(r => r.Condition.StartsWith("boundary")), $"{id}: no boundary row");
            Assert.True(rows.Any(r => r.Condition.StartsWith("missing")), $"{id}: no missing-data row");
        }

        Assert.Equal(ClaimCases.All.Count, ClaimCases.All.Select(c => c.Key).Distinct().Count());
    }
}
