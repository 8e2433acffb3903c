using DyeRegistry.Claims.Evaluation;

namespace DyeRegistry.Application.Charts;

/// <summary>One piece of evidence as every chart format prints it: the claim's name for the value,
/// the value with unit and uncertainty, then where it is recorded (record, registry version, field
/// in words, the field path last) and its source.</summary>
public static class ChartEvidence
{
    public static string Describe(Evidence e)
    {
        var pm = e.PlusMinus is { } x ? $" ± {x}" : string.Empty;
        var unit = e.Unit is null ? string.Empty : " " + e.Unit;
        var version = e.RecordVersion is { } rv ? $" v{rv}" : string.Empty;
        var method = e.Method is null ? string.Empty : ": " + e.Method;
        var label = e.Label.Contains('_', StringComparison.Ordinal) ? FieldWords.Of(e.Label) : e.Label;
        return $"{label}: {e.Value}{pm}{unit} — {FieldWords.At(e.Record + version, e.Field)} [field {e.Field}], {e.Source}{method}";
    }
}
