namespace DyeRegistry.Claims.Evaluation;

/// <summary>
/// A value with its uncertainty as a closed interval, in decimal so exact boundaries stay exact
/// (A = 1.4e-4 ml/cm2 over B = 7 um is 2.0 x10^-5, not 1.9999...). Computed values carry the
/// interval through: A/B spans (A-a)/(B+b) to (A+a)/(B-b). Arithmetic saturates instead of
/// overflowing (<see cref="Saturating"/>).
/// </summary>
public readonly record struct Interval(decimal Low, decimal Central, decimal High)
{
    public static Interval Exact(decimal v) => new(v, v, v);

    public static Interval PlusMinus(decimal v, decimal e) => new(Saturating.Subtract(v, e), v, Saturating.Add(v, e));

    public bool IsExact => Low == High;

    public Interval Scale(decimal factor) => new(Saturating.Multiply(Low, factor), Saturating.Multiply(Central, factor), Saturating.Multiply(High, factor));

    public static Interval Difference(Interval a, Interval b) => new(Saturating.Subtract(a.Low, b.High), Saturating.Subtract(a.Central, b.Central), Saturating.Subtract(a.High, b.Low));

    /// <summary>a / b for a denominator that stays above zero; null when b's interval reaches zero or below.</summary>
    public static Interval? Ratio(Interval a, Interval b)
    {
        if (b.Low <= 0)
        {
            return null;
        }

        decimal[] q = [Saturating.Divide(a.Low, b.Low), Saturating.Divide(a.Low, b.High), Saturating.Divide(a.High, b.Low), Saturating.Divide(a.High, b.High)];
        return new Interval(q.Min(), Saturating.Divide(a.Central, b.Central), q.Max());
    }
}
