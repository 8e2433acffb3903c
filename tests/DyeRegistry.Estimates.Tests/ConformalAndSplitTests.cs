using DyeRegistry.Estimates.Solubility;

namespace DyeRegistry.Estimates.Tests;

public class ConformalAndSplitTests
{
    [Fact]
    public void Quantile_IsTheCeilNPlusOneLevelSmallestResidual()
    {
        var residuals = Enumerable.Range(1, 19).Select(i => (double)i).Reverse().ToArray();
        Assert.Equal(18.0, ConformalCalibration.Quantile(residuals, 0.9)); // ceil(20 x 0.9) = 18
        Assert.Equal(10.0, ConformalCalibration.Quantile(residuals, 0.5)); // ceil(20 x 0.5) = 10
    }

    [Fact]
    public void Quantile_WithTooFewResiduals_IsInfinite() =>
        Assert.Equal(double.PositiveInfinity, ConformalCalibration.Quantile([0.1, 0.2, 0.3], 0.9));

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Quantile_RefusesALevelOutsideZeroToOne(double level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ConformalCalibration.Quantile([1, 2, 3], level));

    [Fact]
    public void Folds_PutEachGroupInOneFold_AndBalanceTheFolds()
    {
        var groups = Enumerable.Range(0, 500).Select(i => "g" + (i * 7919 % 97)).ToArray();
        var folds = ScaffoldSplit.Folds(groups, 5);
        foreach (var g in groups.Distinct())
        {
            Assert.Single(groups.Select((x, i) => (x, i)).Where(p => p.x == g).Select(p => folds[p.i]).Distinct());
        }

        var sizes = Enumerable.Range(0, 5).Select(f => folds.Count(x => x == f)).ToArray();
        var largestGroup = groups.GroupBy(g => g).Max(g => g.Count());
        Assert.True(sizes.Max() - sizes.Min() <= largestGroup, string.Join(",", sizes));
    }

    [Fact]
    public void Holdout_TakesWholeGroupsNearTheFraction_WhateverTheInputOrder()
    {
        var groups = Enumerable.Range(0, 1000).Select(i => "s" + (i % 173)).ToArray();
        var held = ScaffoldSplit.Holdout(groups, 0.2, 7);
        var heldGroups = groups.Where((_, i) => held[i]).ToHashSet();
        Assert.All(groups.Select((g, i) => (g, i)), p => Assert.Equal(heldGroups.Contains(p.g), held[p.i]));
        Assert.InRange(held.Count(h => h), 180, 200);

        var reversed = groups.Reverse().ToArray();
        var heldReversed = ScaffoldSplit.Holdout(reversed, 0.2, 7);
        Assert.Equal(heldGroups, reversed.Where((_, i) => heldReversed[i]).ToHashSet());
        Assert.NotEqual(heldGroups, groups.Where((_, i) => ScaffoldSplit.Holdout(groups, 0.2, 8)[i]).ToHashSet());
    }

    [Fact]
    public void Metrics_AreTheTextbookOnes()
    {
        var m = RegressionMetrics.Of([1, 2, 3, 4], [1.5, 2, 2.5, 4], [(1, 2), (0, 1), (2, 4), (3, 5)]);
        Assert.Equal(Math.Sqrt(0.5 / 4), m.Rmse, 12);
        Assert.Equal(0.25, m.Mae, 12);
        Assert.Equal(1 - 0.5 / 5.0, m.R2, 12);
        Assert.Equal(0.75, m.Coverage, 12);
    }

    [Fact]
    public void Esol_IsDelaneysEquation() =>
        Assert.Equal(0.16 - 0.63 * 2.0 - 0.0062 * 100 + 0.066 * 3 - 0.74 * 0.5, EsolEquation.LogS(2.0, 100, 3, 0.5), 12);
}
