using DyeRegistry.Chemistry;
using DyeRegistry.Estimates.Solubility;

namespace DyeRegistry.Estimates.Tests;

public class IntervalClassesTests
{
    [Fact]
    public void AClassWithEnoughCompounds_GetsItsOwnWidth_OthersTheOverallOne()
    {
        // Class 1: 60 residuals 0.01..0.60 (wide); class 0: 100 residuals of 0.1; class 2: 10 of 5.0.
        var residuals = Enumerable.Range(1, 60).Select(i => i / 100.0).Concat(Enumerable.Repeat(0.1, 100)).Concat(Enumerable.Repeat(5.0, 10)).ToArray();
        var classes = Enumerable.Repeat(1, 60).Concat(Enumerable.Repeat(0, 100)).Concat(Enumerable.Repeat(2, 10)).ToArray();
        var widths = IntervalClasses.HalfWidths(residuals, classes, 0.9, out var counts);
        Assert.Equal([100, 60, 10, 0, 0, 0], counts);
        Assert.Equal(0.1, widths[0]);
        Assert.Equal(0.55, widths[1], 12);                        // ceil(61 x 0.9) = 55th of 0.01..0.60
        var overall = ConformalCalibration.Quantile(residuals, 0.9);
        Assert.Equal(overall, widths[2]);                        // too few: the overall width
        Assert.Equal(overall, widths[5]);
    }

    [Fact]
    public void Classes_AreSimilarityBinTimesIonicForm()
    {
        using var featurizer = new SolubilityFeaturizer();
        using var neutral = Molecule.FromSmiles("c1ccccc1O");
        using var salt = Molecule.FromSmiles("O=S(=O)([O-])c1ccccc1.[Na+]");
        var (n, s) = (featurizer.Featurize(neutral), featurizer.Featurize(salt));
        Assert.Equal(0, IntervalClasses.Of(n, 0.1, 0.3));
        Assert.Equal(1, IntervalClasses.Of(s, 0.1, 0.3));
        Assert.Equal(2, IntervalClasses.Of(n, 0.3, 0.3));
        Assert.Equal(5, IntervalClasses.Of(s, 0.5, 0.3));
    }

    [Fact]
    public void GlobalIntervals_UseOneWidthForEveryClass()
    {
        var model = SolubilityTrainer.Train(Fixture.Synthetic.Compounds, Fixture.Quick with { IntervalsByClass = false }, "fixture");
        Assert.All(model.Metadata.IntervalClassHalfWidths, w => Assert.Equal(model.Metadata.IntervalHalfWidth, w));
    }
}
