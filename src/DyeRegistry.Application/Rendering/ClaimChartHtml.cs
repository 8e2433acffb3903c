using System.Net;
using System.Text;
using DyeRegistry.Application.Charts;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Markush.Loading;

namespace DyeRegistry.Application.Rendering;

/// <summary>
/// A claim chart as one self-contained HTML file (inline CSS and SVG, no scripts, nothing
/// fetched), from the same view as text and Word: the citable header (patents, records with
/// registry versions, readings, product version, time, author, what the chart is and is not),
/// a verdict summary, the formula provenance, then per patent each claim as one block at full
/// width (a dependent claim follows its parent, marked by its heading, never narrowed), with the
/// sentence that decides it, the deciding limitations, and the others folded. Printed to PDF by
/// <see cref="Documents.ChartPdf"/>: then the folds are open and a claim is kept on one page
/// where it fits (CSS break-inside: avoid; ChartPdf marks the blocks taller than a page "overlong").
/// </summary>
public static class ClaimChartHtml
{
    private const string Style = """
        body{font-family:"DejaVu Sans",system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:72em;color:#1d2330;line-height:1.4;font-variant-ligatures:none}
        h1{font-size:1.5em;margin-bottom:.2em} h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #ccd} h3{font-size:1em;margin:.2em 0 .4em}
        .meta{color:#556;font-size:.9em} table{border-collapse:collapse;width:100%;margin:.4em 0 .8em;table-layout:fixed} td,th{border:1px solid #d5d9e2;padding:.3em .5em;vertical-align:top;font-size:.92em;text-align:left;overflow-wrap:anywhere}
        th{background:#f1f3f8} .v{font-weight:600;white-space:nowrap;border-radius:3px;padding:.05em .45em}
        .within,.met{background:#dff3e4;color:#125a2b} .outside,.notmet{background:#fbe2e1;color:#8a1c17} .undetermined,.unknown{background:#fff1cc;color:#6b4e00}
        .claim{margin:.8em 0;border-left:4px solid #d5d9e2;padding:.2em 0 .2em .8em}
        .claim-within{border-left-color:#3f9c5a} .claim-outside{border-left-color:#c4463f} .claim-undetermined{border-left-color:#d6a616}
        .cid{font-family:"DejaVu Sans Mono",monospace;color:#334} .dep{color:#556;font-weight:400}
        .decide{background:#f7f7fb;padding:.35em .7em;border:1px dashed #ccd;margin:.3em 0} .adds{margin:.3em 0}
        .claim-text{margin:.3em 0;padding:.3em .7em;border-left:3px solid #ccd;background:#fafafa;font-size:.92em}
        details.other>summary{cursor:pointer;color:#445;margin:.2em 0} .end{color:#889;font-size:.8em;margin:.2em 0 0}
        .ev{color:#334;font-size:.88em} .ev li{margin:.1em 0} .warn{color:#8a5a00} .statement{border:1px solid #ccd;padding:.5em .8em;background:#f7f7fb}
        .plain{background:#fff4f2;border:1px solid #e9b8b2;padding:.5em .8em} .figures{display:flex;flex-wrap:wrap;gap:.6em;margin:.2em 0 .4em}
        .depiction{margin:0;border:1px solid #d5d9e2;padding:.3em;flex:0 1 24em;max-width:100%}
        .depiction svg,.depiction img{width:100%;height:auto;display:block} code{font-size:.9em;word-break:break-all} th.lim{width:27%} th.ver{width:5.5em} table.header th{width:9em}
        @media print{
          body{margin:0;max-width:none;font-size:9pt}
          .claim{margin:.5em 0} h2{margin-top:1em}
          .claim{break-inside:avoid;page-break-inside:avoid}
          tr{break-inside:avoid;page-break-inside:avoid} tr.tall{break-inside:auto;page-break-inside:auto}
          h2,h3,.decide{break-after:avoid;page-break-after:avoid}
          .depiction{flex:0 0 7.4cm;break-inside:avoid;page-break-inside:avoid}
          .opening{break-inside:avoid;page-break-inside:avoid}
          .claim.overlong,.opening.overlong{break-inside:auto;page-break-inside:auto}
          a{color:inherit;text-decoration:none}
        }
        """;

    /// <summary>The chart for a screen: other limitations folded (closed).</summary>
    public static string Render(ClaimChart chart, Func<ClaimResult, bool> shown, DateTimeOffset generated, string version) =>
        Render(ClaimChartView.Of(chart, shown, generated, ClaimCharts.UnknownAuthor), print: false);

    /// <summary>The chart as HTML; <paramref name="print"/> opens every fold (a printed page cannot unfold).</summary>
    public static string Render(ClaimChartView view, bool print)
    {
        var hd = view.Header;
        var h = new StringBuilder();
        h.Append($"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(hd.Title)}</title><style>{Style}</style></head><body>\n");
        h.Append($"<h1>{E(hd.Title)}</h1>\n");
        Header(h, hd);
        Summary(h, view);
        if (view.ShowsFormulas)
        {
            Formulas(h, view.Chart);
        }

        foreach (var p in view.Patents)
        {
            // The patent's heading travels with its first claim: printed, a heading never ends a page alone.
            h.Append("<div class=\"opening\">");
            h.Append($"<h2>{E(p.Set.Patent)}: {E(p.Set.Title)}</h2><p class=\"meta\">From the patent document {E(p.Set.Document.Describe())}. Claim set version {p.Set.Version}, {E(p.Set.Source)}</p>\n");
            for (var i = 0; i < p.Claims.Count; i++)
            {
                Claim(h, p.Claims[i], print);
                if (i == 0)
                {
                    h.Append("</div>\n");
                }
            }

            if (p.Claims.Count == 0)
            {
                h.Append("</div>\n");
            }
        }

        h.Append("</body></html>\n");
        return h.ToString();
    }

    /// <summary>What an attorney cites the chart by, and what it is not.</summary>
    private static void Header(StringBuilder h, ChartHeader hd)
    {
        h.Append("<table class=\"header\">");
        h.Append($"<tr><th>Patents</th><td>{string.Join("<br>", hd.Patents.Select(s => E(ChartHeader.Describe(s))))}</td></tr>");
        h.Append($"<tr><th>Records</th><td>{string.Join("<br>", hd.Records.Select(r => E(ChartHeader.Describe(r))))}</td></tr>");
        h.Append($"<tr><th>Readings in force</th><td>{string.Join("<br>", hd.Readings.Select(r => $"{E(r.Describe())} [{E(ProvenanceText.ToText(r.Option.Provenance))}]"))}</td></tr>");
        h.Append($"<tr><th>Made</th><td>{E(hd.GeneratedText)} by {E(hd.Author)} with dyereg {E(hd.ProductVersion)}</td></tr>");
        h.Append("</table>\n");
        h.Append($"<p class=\"statement\"><b>What this chart is.</b> {E(ChartHeader.Statement)} Verdicts: a claim is <b>within</b> when every limitation (its parents' included) is met, <b>outside</b> when any is not met, otherwise <b>undetermined</b>.</p>\n");
    }

    private static void Summary(StringBuilder h, ClaimChartView view)
    {
        h.Append("<h2>Summary</h2><table><tr><th>Patent</th><th>Within</th><th>Undetermined</th><th>Outside</th></tr>\n");
        foreach (var p in view.Patents)
        {
            h.Append($"<tr><td><b>{E(p.Set.Patent)}</b> {E(p.Set.Title)}</td>");
            foreach (var v in new[] { ClaimVerdict.Within, ClaimVerdict.Undetermined, ClaimVerdict.Outside })
            {
                var ids = p.Claims.Where(c => c.Result.Verdict == v).OrderBy(c => c.Claim.Number).Select(c => $"<a href=\"#c{c.Claim.Patent}-{c.Claim.Number}\">{c.Claim.Number}</a>");
                h.Append($"<td>{string.Join(", ", ids)}</td>");
            }

            h.Append("</tr>\n");
        }

        h.Append("</table>\n");
    }

    private static void Formulas(StringBuilder h, ClaimChart chart)
    {
        h.Append("<h2>General formulas</h2><table><tr><th>Formula</th><th>Version</th><th>Provenance</th><th>Source</th><th>Patent document</th></tr>\n");
        foreach (var f in chart.Formulas)
        {
            var p = f.Provenance switch
            {
                Markush.Model.Provenance.Missing => "<b>missing</b>: the claim text does not give this formula's drawing; it never matches, and a dye not excluded from it leaves claim 2 undetermined",
                Markush.Model.Provenance.Reconstructed => "<b>reconstructed</b>: the drawing is not in the claim text; the skeleton is derived from the variable definitions (docs/formulas.md)",
                _ => "read from the claim text",
            };
            h.Append($"<tr><td>({E(f.Id)}) {E(f.Name)}</td><td>{f.Version}</td><td>{p}</td><td>{E(f.Source)}</td><td>{E(f.Document.DescribeWithClaim())}</td></tr>\n");
        }

        h.Append("</table>\n");
        var reconstructed = chart.Formulas.Where(f => f.Provenance == Markush.Model.Provenance.Reconstructed).Select(f => $"({f.Id})").ToList();
        var missing = chart.Formulas.Where(f => f.Provenance == Markush.Model.Provenance.Missing).Select(f => $"({f.Id})").ToList();
        if (reconstructed.Count + missing.Count > 0)
        {
            h.Append("<p class=\"plain\">Plainly: ");
            if (reconstructed.Count > 0)
            {
                h.Append($"formula{(reconstructed.Count > 1 ? "s" : string.Empty)} {E(string.Join(", ", reconstructed))} {(reconstructed.Count > 1 ? "are" : "is")} <b>reconstructed</b>: the claim text lacks the drawing, and a claim 2 verdict through {(reconstructed.Count > 1 ? "them" : "it")} rests on that reconstruction. ");
            }

            if (missing.Count > 0)
            {
                h.Append($"Formula{(missing.Count > 1 ? "s" : string.Empty)} {E(string.Join(", ", missing))} {(missing.Count > 1 ? "are" : "is")} <b>not encoded at all</b>: no dye is ever found within {(missing.Count > 1 ? "them" : "it")}, and a dye not excluded from {(missing.Count > 1 ? "them" : "it")} leaves claim 2 undetermined.");
            }

            h.Append("</p>\n");
        }
    }

    private static void Claim(StringBuilder h, ClaimView c, bool print)
    {
        var verdict = c.Verdict;
        h.Append($"<section class=\"claim claim-{verdict}\" id=\"c{c.Claim.Patent}-{c.Claim.Number}\">");
        h.Append($"<h3><span class=\"cid\">{E(c.Claim.Id)}</span> {E(c.Heading)} <span class=\"v {verdict}\">{verdict}</span>{ClaimChartAdditions.HtmlNote(c.Result)}");
        if (c.Claim.Preamble is { } pre)
        {
            h.Append($" <span class=\"dep\">&middot; {E(pre)}</span>");
        }

        h.Append("</h3>\n");
        if (c.Claim.Text is { } text)
        {
            h.Append($"<div class=\"claim-text\"><b>Claim text.</b> {E(text)}</div>\n");
        }

        if (c.Adds is { } adds)
        {
            h.Append($"<p class=\"adds\">{E(Capital(adds))}</p>\n");
        }

        h.Append($"<p class=\"decide\">{E(c.Decides)}</p>\n");
        ClaimChartAdditions.HtmlMargins(h, c.Result);
        if (c.Deciding.Count > 0)
        {
            Rows(h, c, c.Deciding, print);
        }

        if (c.Other.Count > 0)
        {
            h.Append($"<details class=\"other\"{(print ? " open=\"\"" : string.Empty)}><summary>Other limitations ({c.Other.Count}): they cannot change the verdict</summary>");
            Rows(h, c, c.Other, print);
            h.Append("</details>\n");
        }

        Depictions(h, c, print);
        h.Append($"<p class=\"end\">end of claim {E(c.Claim.Id)} ({verdict})</p></section>\n");
    }

    private static void Rows(StringBuilder h, ClaimView c, IReadOnlyList<LimitationResult> rows, bool print)
    {
        h.Append("<table><tr><th class=\"lim\">Limitation</th><th class=\"ver\">Verdict</th><th>Reason and evidence</th></tr>\n");
        foreach (var l in rows)
        {
            var lv = Verdicts.Text(l.Verdict);
            var from = l.Claim == c.Claim.Id ? string.Empty : $"<br><span class=\"meta\">(as claim {E(l.Claim)})</span>";
            h.Append($"<tr{(l.Dyes.Count > 0 ? " class=\"tall\"" : string.Empty)}><td class=\"lim\"><b>{E(l.Limitation.Id)}</b>: {E(l.Limitation.Text)}{from}</td><td class=\"ver\"><span class=\"v {lv.Replace(" ", string.Empty)}\">{lv}</span></td><td>{E(l.Reason)}");
            if (l.Evidence.Count > 0)
            {
                h.Append("<ul class=\"ev\">");
                foreach (var e in l.Evidence)
                {
                    h.Append($"<li>{E(ChartEvidence.Describe(e))}</li>");
                }

                h.Append("</ul>");
            }

            foreach (var w in l.Warnings)
            {
                h.Append($"<div class=\"warn\">&#9888; {E(w)}</div>");
            }

            foreach (var n in l.Needs)
            {
                h.Append($"<div class=\"ev\">needs: {E(n)}</div>");
            }

            Dyes(h, l, print);
            h.Append("</td></tr>\n");
        }

        h.Append("</table>\n");
    }

    private static void Dyes(StringBuilder h, LimitationResult l, bool print)
    {
        foreach (var group in l.Dyes.GroupBy(d => d.Dye))
        {
            var within = group.Where(d => d.Verdict == "within").ToList();
            h.Append($"<div class=\"ev\"><b>dye {E(group.Key)}</b>: ");
            h.Append(within.Count > 0 ? "within " + string.Join(", ", within.Select(d => $"({E(d.FormulaId)}) v{d.FormulaVersion} [{E(ProvenanceText.ToText(d.FormulaProvenance))}]")) : "within none");
            h.Append("<ul>");
            foreach (var d in group)
            {
                h.Append($"<li>({E(d.FormulaId)}): {E(d.Explanation)}</li>");
            }

            h.Append("</ul></div>");
        }
    }

    /// <summary>The dyes drawn within their formulas, side by side under the claim's table (in the
    /// reason cell they made the row taller than a page and narrowed the drawings).</summary>
    private static void Depictions(StringBuilder h, ClaimView c, bool print)
    {
        var drawn = c.Rows.SelectMany(l => l.Dyes).Where(d => d.Verdict == "within" && d.Svg is not null).ToList();
        if (drawn.Count == 0)
        {
            return;
        }

        h.Append("<div class=\"figures\">");
        foreach (var d in drawn)
        {
            var picture = print ? (d.Png is { Length: > 0 } png ? PngImage(png) : SvgImage(d.Svg!)) : InlineSvg(d.Svg!);
            h.Append($"<figure class=\"depiction\" title=\"dye {E(d.Dye)} in ({E(d.FormulaId)})\">{picture}<figcaption class=\"meta\">{E(d.Dye)} in ({E(d.FormulaId)}): core highlighted, each slot in its own colour</figcaption></figure>");
        }

        h.Append("</div>\n");
    }

    /// <summary>The PNG drawing (print): the same picture as the Word document's, highlights as bold
    /// as on screen (Chromium printed the SVG's highlights hairline-thin).</summary>
    private static string PngImage(byte[] png) =>
        $"<img alt=\"depiction\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">";

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>The SVG as an image (print): Chromium left inline RDKit SVG blank when printing.</summary>
    private static string SvgImage(string svg) =>
        $"<img alt=\"depiction\" src=\"data:image/svg+xml;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(svg))}\">";

    /// <summary>RDKit's SVG without its XML declaration, so it can sit inside HTML.</summary>
    private static string InlineSvg(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
