using System.Globalization;
using System.Text.Json.Nodes;

namespace DyeRegistry.Claims.Evaluation;

/// <summary>Reading numbers exactly (decimal, never binary floating point) and writing them plainly.</summary>
internal static class Numbers
{
    /// <summary>A recorded quantity: a number, or {"value", "plus_minus"}; null when not a number.</summary>
    public static (decimal Value, decimal? PlusMinus)? Read(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue v when v.TryGetValue<decimal>(out var d):
                return (d, null);
            case JsonValue v when v.TryGetValue<double>(out var f) && double.IsFinite(f):
                return (FromDouble(f), null);
            case JsonObject o when Read(o["value"]) is { } inner:
                var pm = Read(o["plus_minus"])?.Value;
                return (inner.Value, pm);
            default:
                return null;
        }
    }

    /// <summary>A recorded quantity as an interval: exact, value &#177; plus_minus, or an estimate's
    /// {"value", "low", "high"} (a prediction interval, not symmetric around the value); null when
    /// not a number.</summary>
    public static Interval? ReadInterval(JsonNode? node)
    {
        if (Read(node) is not { } read)
        {
            return null;
        }

        if (node is JsonObject o && Read(o["low"]) is { } low && Read(o["high"]) is { } high)
        {
            return new Interval(Math.Min(low.Value, read.Value), read.Value, Math.Max(high.Value, read.Value));
        }

        return Interval.PlusMinus(read.Value, read.PlusMinus ?? 0);
    }

    /// <summary>A finite double as a decimal: its shortest round-trip text (so 2.0E-05 stays
    /// 0.00002); beyond decimal's range the largest decimal of its sign, and a magnitude too small
    /// for decimal the smallest, so the value never overflows and never silently becomes zero
    /// (comparisons with a claim's threshold stay right; the text says it is out of range).</summary>
    public static decimal FromDouble(double f)
    {
        if (Math.Abs(f) >= (double)decimal.MaxValue)
        {
            return f < 0 ? decimal.MinValue : decimal.MaxValue;
        }

        if (f != 0 && Math.Abs(f) < 1e-28)
        {
            return f < 0 ? -SmallestMagnitude : SmallestMagnitude;
        }

        return decimal.Parse(f.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>Whether <paramref name="d"/> stands for a value decimal cannot hold (see <see cref="FromDouble"/>
    /// and <see cref="Saturating"/>): never compared, never shown as if it were the value.</summary>
    public static bool IsOutOfRange(decimal d) => Saturating.IsSaturated(d) || Math.Abs(d) == SmallestMagnitude;

    /// <summary>The smallest positive decimal (10^-28).</summary>
    public const decimal SmallestMagnitude = 0.0000000000000000000000000001m;

    /// <summary>A number as a reader expects it: no trailing zeros, no exponent for the sizes claims use.</summary>
    public static string Text(decimal d)
    {
        if (Saturating.IsSaturated(d))
        {
            return d < 0 ? "below -7.9 x10^28 (out of the range dyereg computes in)" : "above 7.9 x10^28 (out of the range dyereg computes in)";
        }

        if (Math.Abs(d) == SmallestMagnitude)
        {
            return d < 0 ? "between -10^-28 and 0" : "between 0 and 10^-28";
        }

        var rounded = Math.Round(d, 6, MidpointRounding.AwayFromZero);
        if (rounded == 0 && d != 0)
        {
            return ((double)d).ToString("G6", CultureInfo.InvariantCulture);
        }

        return rounded.ToString("0.######", CultureInfo.InvariantCulture);
    }

    /// <summary>A value with its unit ("30 um", "65 %", "2.0 x10^-5 ml/cm2/um").</summary>
    public static string WithUnit(decimal d, string unit) => unit.Length == 0 ? Text(d) : unit.StartsWith(':') ? $"{Text(d)} {unit}" : $"{Text(d)} {unit}";

    /// <summary>An interval in words: "2 x10^-5 ml/cm2/um" or "2 (1.9 to 2.1) x10^-5 ml/cm2/um".</summary>
    public static string Describe(Interval i, string unit) =>
        i.IsExact ? WithUnit(i.Central, unit) : $"{Text(i.Central)} ({Text(i.Low)} to {Text(i.High)}){(unit.Length == 0 ? string.Empty : " " + unit)}";
}
