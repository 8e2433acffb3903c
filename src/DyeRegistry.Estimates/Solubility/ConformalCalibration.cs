namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// Split conformal prediction: the half-width of an interval that holds the true value with
/// probability at least <c>level</c> for a new compound exchangeable with the calibration ones.
/// </summary>
public static class ConformalCalibration
{
    /// <summary>
    /// The ceil((n + 1) level)-th smallest absolute residual of the calibration compounds
    /// (Lei et al. 2018); infinite when there are too few compounds for the level.
    /// </summary>
    public static double Quantile(IReadOnlyList<double> absoluteResiduals, double level)
    {
        ArgumentNullException.ThrowIfNull(absoluteResiduals);
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "a coverage level lies strictly between 0 and 1");
        }

        if (absoluteResiduals.Any(r => !(r >= 0)))
        {
            throw new ArgumentException("absolute residuals are non-negative numbers", nameof(absoluteResiduals));
        }

        var n = absoluteResiduals.Count;
        var k = (int)Math.Ceiling((n + 1) * level);
        if (k > n)
        {
            return double.PositiveInfinity;
        }

        var sorted = absoluteResiduals.OrderBy(r => r).ToArray();
        return sorted[k - 1];
    }
}
