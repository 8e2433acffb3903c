namespace DyeRegistry.Estimates.Solubility;

/// <summary>Errors of predictions against measured values (log units), and interval coverage.</summary>
/// <param name="Count">Compounds compared.</param>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="R2">1 - SSres/SStot (NaN for fewer than two compounds or no spread).</param>
/// <param name="Coverage">Share of measured values inside their interval (NaN when no intervals).</param>
public sealed record RegressionMetrics(int Count, double Rmse, double Mae, double R2, double Coverage)
{
    public static RegressionMetrics Of(IReadOnlyList<double> measured, IReadOnlyList<double> predicted, IReadOnlyList<(double Low, double High)>? intervals = null)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(predicted);
        if (measured.Count != predicted.Count || (intervals is not null && intervals.Count != measured.Count))
        {
            throw new ArgumentException("measured values, predictions and intervals must be as many");
        }

        var n = measured.Count;
        if (n == 0)
        {
            return new RegressionMetrics(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double sse = 0, sae = 0, mean = measured.Average(), sst = 0;
        var inside = 0;
        for (var i = 0; i < n; i++)
        {
            var e = measured[i] - predicted[i];
            sse += e * e;
            sae += Math.Abs(e);
            sst += (measured[i] - mean) * (measured[i] - mean);
            if (intervals is not null && measured[i] >= intervals[i].Low && measured[i] <= intervals[i].High)
            {
                inside++;
            }
        }

        return new RegressionMetrics(
            n,
            Math.Sqrt(sse / n),
            sae / n,
            n < 2 || sst == 0 ? double.NaN : 1 - sse / sst,
            intervals is null ? double.NaN : (double)inside / n);
    }
}
