namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// Mondrian (class-conditional) conformal classes: compounds are calibrated separately by how close
/// their nearest training compound is (below the domain threshold, below 0.5, from 0.5) and by
/// whether they are ionic (a salt fragment set aside, or charged atoms in the parent), so that a
/// far or ionic compound (most dyes) gets the wider interval its class needs instead of the
/// average one. A class with fewer than <see cref="MinimumCalibrationCompounds"/> calibration
/// compounds uses the width of all of them.
/// </summary>
public static class IntervalClasses
{
    public const int Count = 6;

    public const int MinimumCalibrationCompounds = 50;

    /// <summary>Similarity from which a compound is in the "near" bin.</summary>
    public const double NearSimilarity = 0.5;

    public static readonly IReadOnlyList<string> Names =
    [
        "far, neutral", "far, ionic", "middle, neutral", "middle, ionic", "near, neutral", "near, ionic",
    ];

    private static readonly int SaltFragments = IndexOf("salt_fragments");
    private static readonly int ChargedAtoms = IndexOf("charged_atoms");

    public static int Of(FeaturizedCompound compound, double nearestSimilarity, double domainThreshold)
    {
        ArgumentNullException.ThrowIfNull(compound);
        var bin = nearestSimilarity < domainThreshold ? 0 : nearestSimilarity < NearSimilarity ? 1 : 2;
        var ionic = compound.Features[SaltFragments] > 0 || compound.Features[ChargedAtoms] > 0;
        return 2 * bin + (ionic ? 1 : 0);
    }

    /// <summary>Each class's conformal half-width (the overall one where a class has too few compounds).</summary>
    public static double[] HalfWidths(IReadOnlyList<double> absoluteResiduals, IReadOnlyList<int> classes, double level, out int[] counts)
    {
        var overall = ConformalCalibration.Quantile(absoluteResiduals, level);
        counts = new int[Count];
        var widths = new double[Count];
        for (var k = 0; k < Count; k++)
        {
            var mine = absoluteResiduals.Where((_, i) => classes[i] == k).ToArray();
            counts[k] = mine.Length;
            widths[k] = mine.Length >= MinimumCalibrationCompounds ? ConformalCalibration.Quantile(mine, level) : overall;
        }

        return widths;
    }

    private static int IndexOf(string name)
    {
        for (var i = 0; i < SolubilityFeatures.Names.Count; i++)
        {
            if (SolubilityFeatures.Names[i] == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"no feature {name}");
    }
}
