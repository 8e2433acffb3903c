using DyeRegistry.Markush.Model;

namespace DyeRegistry.Claims.Model;

/// <summary>
/// An interpretation of a claim term the claims do not define (claims.md "Readings"): its
/// options, the default, and each option's provenance; <paramref name="Formula"/> names the
/// general formula whose Markush reading the options set (formula-I-X: I), else null. Immutable.
/// </summary>
public sealed record Reading(string Id, string Term, string Default, IReadOnlyList<ReadingOption> Options, int Line, string? Formula = null)
{
    public ReadingOption? Option(string id) => Options.FirstOrDefault(o => string.Equals(o.Id, id, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One way to read a term: words, provenance, and what it sets: a threshold (with its
/// unit), the reading passed to the Markush engine, or the accepted terms of a free-text field.</summary>
public sealed record ReadingOption(
    string Id,
    Provenance Provenance,
    string Text,
    decimal? Threshold,
    string? Unit,
    string? FormulaReading,
    IReadOnlyList<string> Terms);

/// <summary>Every reading, as loaded from readings.yaml, with its version and source.</summary>
public sealed record ReadingSet(int Version, string Source, string File, IReadOnlyList<Reading> Readings)
{
    public Reading? Find(string id) => Readings.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
}
