namespace DyeRegistry.Claims.Evaluation;

/// <summary>
/// A value with its uncertainty as a closed interval, in decimal so exact boundaries stay exact
/// (A = 1.4e-4 ml/cm2 over B = 7 um is 2.0 x10^-5, not 1.9999...). Computed values carry the
/// interval through: A/B spans (A-a)/(B+b) to (A+a)/(B-b).
/// </summary>
public readonly record struct Interval(decimal Low, decimal Central, decimal High)
{
    public static Interval Exact(decimal v) => new(v, v, v);

    public static Interval PlusMinus(decimal v, decimal e) => new(v - e, v, v + e);

    public bool IsExact => Low == High;

    public Interval Scale(decimal factor) => new(Low * factor, Central * factor, High * factor);

    public static Interval Difference(Interval a, Interval b) => new(a.Low - b.High, a.Central - b.Central, a.High - b.Low);

    /// <summary>a / b for a denominator that stays above zero; null when b's interval reaches zero or below.</summary>
    public static Interval? Ratio(Interval a, Interval b)
    {
        if (b.Low <= 0)
        {
            return null;
        }

        decimal[] q = [a.Low / b.Low, a.Low / b.High, a.High / b.Low, a.High / b.High];
        return new Interval(q.Min(), a.Central / b.Central, q.Max());
    }
}
