using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Claims.Model;

namespace DyeRegistry.Application.Charts;

/// <summary>
/// What an attorney cites a chart by (issue 21): the subject, each patent document (title,
/// claim count, publication and applicant where recorded, the claim set's version), the records
/// with their registry versions, the readings in force, the product version, when and by whom it
/// was made, and what the chart is and is not. Every format prints it, the JSON included.
/// Immutable.
/// </summary>
public sealed partial record ChartHeader(
    string Title,
    IReadOnlyList<ClaimSet> Patents,
    IReadOnlyList<ScopeRecord> Records,
    IReadOnlyList<AppliedReading> Readings,
    string ProductVersion,
    DateTimeOffset Generated,
    string Author)
{
    /// <summary>What the chart is and is not, in every format (our wording; the spec is silent).</summary>
    public const string Statement =
        "This chart is an automated, limitation-by-limitation comparison of the claims named above with the data " +
        "recorded for the records listed, under the readings listed. It is not a legal opinion: it does not construe " +
        "the claims beyond those readings, and it does not consider validity, prior art, equivalents or any fact that " +
        "is not recorded. Each verdict is only as sound as the recorded data it cites.";

    /// <summary>"Claim chart: ink INK-1 on medium MED-1" (or a medium alone).</summary>
    public static string TitleOf(ClaimChart chart) =>
        $"Claim chart: {(chart.Subject.Ink is null ? string.Empty : $"ink {chart.Subject.Ink.Id} on ")}medium {chart.Subject.Medium.Id}";

    /// <summary>The header of <paramref name="chart"/> for the patents whose claims are shown.</summary>
    public static ChartHeader Of(ClaimChart chart, Func<ClaimResult, bool> shown, DateTimeOffset generated, string author) => new(
        TitleOf(chart),
        chart.Sets.Where(s => chart.Claims.Any(c => c.Claim.Patent == s.Patent && shown(c))).ToList(),
        chart.Records,
        chart.Readings.Where(r => Concerns(r, chart.Claims.Where(shown))).ToList(),
        ProgramVersion.Text(),
        generated,
        author);

    /// <summary>
    /// Whether a reading bears on the claims shown: readings.yaml names the claims each reading
    /// interprets in its term ("(claims 001:1, 001:3)"), so a medium-only chart does not list the
    /// ink's readings (dye solubility, formulas). A reading that names no claim is always listed.
    /// </summary>
    public static bool Concerns(AppliedReading reading, IEnumerable<ClaimResult> shown)
    {
        var named = ClaimIds().Matches(reading.Reading.Term).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        return named.Count == 0 || shown.Any(c => named.Contains(c.Claim.Id));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b\d{3}:\d+\b")]
    private static partial System.Text.RegularExpressions.Regex ClaimIds();

    /// <summary>"2026-12-07 08:15 UTC".</summary>
    public string GeneratedText => Generated.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"000: An ink-jet recording medium; ... (19 claims; publication not recorded; applicant not recorded; claim set version 1)".</summary>
    public static string Describe(ClaimSet s) =>
        $"{s.Patent}: {s.Document.Title} ({s.Document.Claims} claims; publication {s.Document.Publication}; applicant {s.Document.Applicant}; claim set version {s.Version})";

    /// <summary>"MED-1 (medium), registry version 3, registry /path" or "not registered".</summary>
    public static string Describe(ScopeRecord r) =>
        $"{r.Id} ({r.Kind.ToString().ToLowerInvariant()}), {(r.Version is { } v ? $"registry version {v}" : "not registered")}, {r.Origin}";
}
