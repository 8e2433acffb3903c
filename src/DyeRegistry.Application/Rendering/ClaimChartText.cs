using DyeRegistry.Markush.Loading;
using DyeRegistry.Claims.Evaluation;

namespace DyeRegistry.Application.Rendering;

/// <summary>
/// A claim chart as plain text: the subject, the readings, then per claim its verdict, each
/// limitation with its verdict and reason, and for claims not within what decides them.
/// </summary>
public static class ClaimChartText
{
    public static void Write(TextWriter w, ClaimChart chart, Func<ClaimResult, bool> shown)
    {
        var s = chart.Subject;
        w.WriteLine($"Claim chart: {(s.Ink is null ? string.Empty : $"ink {s.Ink.Id} on ")}medium {s.Medium.Id}");
        w.WriteLine($"  {ClaimMatrixRendering.Summary(chart.Claims.Where(shown))}");
        foreach (var r in chart.Records)
        {
            w.WriteLine($"  record {r.Id} ({r.Kind.ToString().ToLowerInvariant()}){(r.Version is { } v ? $" version {v}" : string.Empty)}, {r.Origin}");
        }

        w.WriteLine("Readings:");
        foreach (var r in chart.Readings)
        {
            w.WriteLine($"  {r.Describe()} [{ProvenanceText.ToText(r.Option.Provenance)}]");
        }

        foreach (var f in chart.Formulas.Where(f => f.Provenance != Markush.Model.Provenance.Read))
        {
            w.WriteLine($"  formula ({f.Id}) v{f.Version} is {(f.Provenance == Markush.Model.Provenance.Missing ? "MISSING from the claim text (never matches)" : "reconstructed (the drawing is not in the claim text)")}");
        }

        string? patent = null;
        foreach (var c in chart.Claims.Where(shown))
        {
            if (c.Claim.Patent != patent)
            {
                patent = c.Claim.Patent;
                w.WriteLine();
                var set = chart.Sets.First(x => x.Patent == patent);
                w.WriteLine($"== {patent}: {c.Title} (claim set v{set.Version})");
                w.WriteLine($"   from the patent document {set.Document.Describe()}");
            }

            var parent = c.Claim.Parent is { } p ? $" (claim {p}: {Verdicts.Text(c.ParentVerdict!.Value)})" : string.Empty;
            var includes = c.Claim.Includes.Count > 0 ? $" (repeats claims {string.Join(", ", c.Claim.Includes)})" : string.Empty;
            w.WriteLine($"{c.Claim.Id,-7} {Verdicts.Text(c.Verdict).ToUpperInvariant(),-12}{parent}{includes}{ClaimChartAdditions.TextNote(c)}");
            foreach (var l in c.Limitations)
            {
                var from = l.Claim == c.Claim.Id ? string.Empty : $" [{l.Claim}]";
                w.WriteLine($"    {Mark(l.Verdict)} {l.Limitation.Id}{from}: {l.Reason}");
                foreach (var warning in l.Warnings)
                {
                    w.WriteLine($"        ! {warning}");
                }

                foreach (var d in l.Dyes.Where(d => d.Verdict == "within"))
                {
                    w.WriteLine($"        dye {d.Dye}: {d.Explanation}");
                }
            }

            foreach (var d in c.Deciding)
            {
                w.WriteLine($"    -> {Verdicts.Text(d.Verdict)}: {d.Claim} {d.Limitation}: {string.Join("; ", d.What)}");
            }

            ClaimChartAdditions.TextMargins(w, c);
        }

        ClaimChartAdditions.TextSensitivity(w, chart, shown);
    }

    private static string Mark(LimitationVerdict v) => v switch
    {
        LimitationVerdict.Met => "[met]    ",
        LimitationVerdict.NotMet => "[not met]",
        _ => "[unknown]",
    };
}
