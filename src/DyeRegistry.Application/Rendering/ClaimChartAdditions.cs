using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DyeRegistry.Claims.Evaluation;

namespace DyeRegistry.Application.Rendering;

/// <summary>
/// What issue 20 adds to a claim chart, kept apart from the chart renderers (each calls these
/// in one place): beside a claim's badge, that its verdict depends on a reading (with
/// <c>--sensitivity</c>); under a within claim, its design-around margins (the numeric limitation
/// nearest its threshold first, then what hangs on a single dye, solvent or polymer); and both in
/// JSON (<c>reading_flips</c>, <c>margins</c> per claim; <c>sensitivity</c> for the chart).
/// </summary>
public static class ClaimChartAdditions
{
    /// <summary>How many margins a chart shows per claim (the nearest ones; JSON has them all).</summary>
    public const int MarginsShown = 3;

    /// <summary>" [depends on reading: within under formula-I-X=carbon-centred, outside under literal]", or empty.</summary>
    public static string TextNote(ClaimResult c) =>
        c.Flips.Count == 0 ? string.Empty : $"  [depends on reading: {string.Join("; ", c.Flips.Select(f => f.Note))}]";

    public static void TextMargins(TextWriter w, ClaimResult c)
    {
        foreach (var m in c.Margins.Take(MarginsShown))
        {
            w.WriteLine($"    margin: {m.Text}");
        }
    }

    /// <summary>The end of a text chart: whether the reading sensitivity found any verdict that changes.</summary>
    public static void TextSensitivity(TextWriter w, ClaimChart chart, Func<ClaimResult, bool> shown)
    {
        if (!chart.SensitivityEvaluated)
        {
            return;
        }

        var flips = chart.Claims.Where(shown).SelectMany(c => c.Flips).ToList();
        w.WriteLine();
        w.WriteLine($"Reading sensitivity (every option of every reading): {(flips.Count == 0 ? "no verdict changes with any reading" : $"{flips.Count} verdict change{(flips.Count == 1 ? string.Empty : "s")}")}");
        foreach (var f in flips)
        {
            w.WriteLine($"  {f.Text}");
        }
    }

    public static string HtmlNote(ClaimResult c) =>
        c.Flips.Count == 0 ? string.Empty : $" <span class=\"v undetermined\" title=\"{E(string.Join("; ", c.Flips.Select(f => f.Text)))}\">depends on reading: {E(string.Join("; ", c.Flips.Select(f => f.Note)))}</span>";

    public static void HtmlMargins(StringBuilder h, ClaimResult c)
    {
        if (c.Margins.Count > 0)
        {
            h.Append("<div class=\"ev\"><b>Design-around margins</b><ul>");
            foreach (var m in c.Margins.Take(MarginsShown))
            {
                h.Append($"<li>{E(m.Text)}</li>");
            }

            h.Append("</ul></div>\n");
        }
    }

    /// <summary>Adds the claim's margins and reading flips to its JSON object.</summary>
    public static JsonObject Json(JsonObject claim, ClaimResult c)
    {
        claim["margins"] = new JsonArray(c.Margins.Select(m => (JsonNode?)new JsonObject
        {
            ["text"] = m.Text,
            ["label"] = m.Where + m.Label,
            ["fraction"] = m.Fraction,
            ["hinge"] = m.Hinge,
        }).ToArray());
        claim["reading_flips"] = new JsonArray(c.Flips.Select(f => (JsonNode?)new JsonObject
        {
            ["reading"] = f.Reading,
            ["option"] = f.Option,
            ["verdict"] = Verdicts.Text(f.Verdict),
            ["other_option"] = f.OtherOption,
            ["other_verdict"] = Verdicts.Text(f.OtherVerdict),
            ["text"] = f.Text,
        }).ToArray());
        return claim;
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
