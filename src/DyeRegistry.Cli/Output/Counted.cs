using System.Globalization;

namespace DyeRegistry.Cli.Output;

/// <summary>A count with its noun in the right number: "1 hit", "2 hits", "0 records".</summary>
internal static class Counted
{
    public static string Of(long count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural ?? singular + "s")}");
}
