namespace DyeRegistry.Claims.Evaluation;

/// <summary>
/// Decimal arithmetic that never throws: a result beyond decimal's range (about 7.9 x10^28)
/// becomes the largest decimal of its sign. Claim thresholds are small numbers, so a saturated
/// value still compares correctly with every one of them, and the chart says the value is out of
/// range (<see cref="Numbers.Text"/>) instead of the evaluation dying. Import keeps recorded values
/// in documented ranges where this never happens; this guards documents stored before that rule
/// and any arithmetic a claim file asks for.
/// </summary>
internal static class Saturating
{
    public static bool IsSaturated(decimal d) => d == decimal.MaxValue || d == decimal.MinValue;

    public static decimal Add(decimal a, decimal b) => Try(() => a + b, Math.Sign(a) + Math.Sign(b) >= 0 ? 1 : -1);

    public static decimal Subtract(decimal a, decimal b) => Try(() => a - b, a >= b ? 1 : -1);

    public static decimal Multiply(decimal a, decimal b) => Try(() => a * b, Math.Sign(a) * Math.Sign(b));

    /// <summary>a / b for b not zero.</summary>
    public static decimal Divide(decimal a, decimal b) => Try(() => a / b, Math.Sign(a) * Math.Sign(b));

    private static decimal Try(Func<decimal> operation, int sign)
    {
        try
        {
            return operation();
        }
        catch (OverflowException)
        {
            return sign < 0 ? decimal.MinValue : decimal.MaxValue;
        }
    }
}
