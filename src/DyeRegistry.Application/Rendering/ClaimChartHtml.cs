using DyeRegistry.Markush.Loading;
using System.Net;
using System.Text;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Markush.Model;

namespace DyeRegistry.Application.Rendering;

/// <summary>
/// A claim chart as one self-contained HTML file (inline CSS and SVG, no scripts, nothing
/// fetched): a verdict summary, the records with their registry versions, the readings and the
/// formula provenance, then per patent the claims as a tree (dependent claims inside their
/// parent), each limitation with verdict, reason and evidence, the dyes that meet claim 2 drawn
/// with the formula core highlighted, and for claims not within what decides them.
/// </summary>
public static class ClaimChartHtml
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:72em;color:#1d2330;line-height:1.4}
        h1{font-size:1.5em;margin-bottom:.2em} h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #ccd} h3{font-size:1em}
        .meta{color:#556;font-size:.9em} table{border-collapse:collapse;width:100%;margin:.4em 0 1em} td,th{border:1px solid #d5d9e2;padding:.3em .5em;vertical-align:top;font-size:.92em;text-align:left}
        th{background:#f1f3f8} .v{font-weight:600;white-space:nowrap;border-radius:3px;padding:.05em .45em}
        .within,.met{background:#dff3e4;color:#125a2b} .outside,.notmet{background:#fbe2e1;color:#8a1c17} .undetermined,.unknown{background:#fff1cc;color:#6b4e00}
        details{margin:.4em 0 .4em 1.2em;border-left:3px solid #d5d9e2;padding-left:.8em} details>summary{cursor:pointer;font-weight:600;margin:.3em 0}
        .claim-within{border-left-color:#3f9c5a} .claim-outside{border-left-color:#c4463f} .claim-undetermined{border-left-color:#d6a616}
        .ev{color:#334;font-size:.88em} .ev li{margin:.1em 0} .warn{color:#8a5a00} .decide{background:#f7f7fb;padding:.4em .8em;border:1px dashed #ccd;margin:.4em 0}
        .plain{background:#fff4f2;border:1px solid #e9b8b2;padding:.5em .8em} .depiction{display:inline-block;margin:.5em;border:1px solid #d5d9e2;padding:.3em;max-width:100%}
        .depiction svg{max-width:100%;height:auto} code{font-size:.9em}
        """;

    public static string Render(ClaimChart chart, Func<ClaimResult, bool> shown, DateTimeOffset generated, string version)
    {
        var s = chart.Subject;
        var title = $"Claim chart: {(s.Ink is null ? string.Empty : $"ink {s.Ink.Id} on ")}medium {s.Medium.Id}";
        var h = new StringBuilder();
        h.Append($"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(title)}</title><style>{Style}</style></head><body>\n");
        h.Append($"<h1>{E(title)}</h1><p class=\"meta\">Generated {generated:yyyy-MM-dd HH:mm} UTC by dyereg {E(version)}. Verdicts: a claim is <b>within</b> when every limitation (its parents' included) is met, <b>outside</b> when any is not met, otherwise <b>undetermined</b>.</p>\n");
        var claims = chart.Claims.Where(shown).ToList();
        Summary(h, chart, claims);
        Provenance(h, chart);
        foreach (var set in chart.Sets.Where(x => claims.Any(c => c.Claim.Patent == x.Patent)))
        {
            h.Append($"<h2>{E(set.Patent)}: {E(set.Title)}</h2><p class=\"meta\">From the patent document {E(set.Document.Describe())}. Claim set version {set.Version}, {E(set.Source)}</p>\n");
            var inSet = claims.Where(c => c.Claim.Patent == set.Patent).ToList();
            foreach (var root in inSet.Where(c => c.Claim.Parent is null || inSet.All(p => p.Claim.Number != c.Claim.Parent)))
            {
                Claim(h, root, inSet);
            }
        }

        h.Append("</body></html>\n");
        return h.ToString();
    }

    private static void Summary(StringBuilder h, ClaimChart chart, IReadOnlyList<ClaimResult> claims)
    {
        h.Append("<h2>Summary</h2><table><tr><th>Patent</th><th>Within</th><th>Undetermined</th><th>Outside</th></tr>\n");
        foreach (var group in claims.GroupBy(c => c.Claim.Patent))
        {
            h.Append($"<tr><td><b>{E(group.Key)}</b> {E(chart.Sets.First(x => x.Patent == group.Key).Title)}</td>");
            foreach (var v in new[] { ClaimVerdict.Within, ClaimVerdict.Undetermined, ClaimVerdict.Outside })
            {
                var ids = group.Where(c => c.Verdict == v).Select(c => $"<a href=\"#c{c.Claim.Patent}-{c.Claim.Number}\">{c.Claim.Number}</a>");
                h.Append($"<td>{string.Join(", ", ids)}</td>");
            }

            h.Append("</tr>\n");
        }

        h.Append("</table>\n");
    }

    private static void Provenance(StringBuilder h, ClaimChart chart)
    {
        h.Append("<h2>Records</h2><table><tr><th>Id</th><th>Kind</th><th>Registry version</th><th>Origin</th></tr>\n");
        foreach (var r in chart.Records)
        {
            h.Append($"<tr><td>{E(r.Id)}</td><td>{E(r.Kind.ToString().ToLowerInvariant())}</td><td>{(r.Version is { } v ? v.ToString() : "not registered")}</td><td>{E(r.Origin)}</td></tr>\n");
        }

        h.Append("</table><h2>Readings used</h2><table><tr><th>Term</th><th>Reading</th><th>Provenance</th></tr>\n");
        foreach (var r in chart.Readings)
        {
            h.Append($"<tr><td>{E(r.Reading.Term)}</td><td>{E(r.Describe())}</td><td>{E(ProvenanceText.ToText(r.Option.Provenance))}</td></tr>\n");
        }

        h.Append("</table><h2>General formulas</h2><table><tr><th>Formula</th><th>Version</th><th>Provenance</th><th>Source</th><th>Patent document</th></tr>\n");
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

    private static void Claim(StringBuilder h, ClaimResult c, IReadOnlyList<ClaimResult> all)
    {
        var verdict = Verdicts.Text(c.Verdict);
        var parent = c.Claim.Parent is { } p ? $" &middot; depends on claim {p} ({Verdicts.Text(c.ParentVerdict!.Value)})" : string.Empty;
        var includes = c.Claim.Includes.Count > 0 ? $" &middot; repeats the limitations of claims {string.Join(", ", c.Claim.Includes)}" : string.Empty;
        h.Append($"<details open=\"\" class=\"claim-{verdict}\" id=\"c{c.Claim.Patent}-{c.Claim.Number}\"><summary>Claim {c.Claim.Number} <span class=\"v {verdict}\">{verdict}</span>{ClaimChartAdditions.HtmlNote(c)}" +
            $"<span class=\"meta\">{(c.Claim.Preamble is { } pre ? " &middot; " + E(pre) : string.Empty)}{parent}{includes}</span></summary>\n");
        h.Append("<table><tr><th style=\"width:28%\">Limitation</th><th style=\"width:7em\">Verdict</th><th>Reason and evidence</th></tr>\n");
        foreach (var l in c.Limitations)
        {
            var lv = Verdicts.Text(l.Verdict);
            var from = l.Claim == c.Claim.Id ? string.Empty : $"<br><span class=\"meta\">(as claim {E(l.Claim)})</span>";
            h.Append($"<tr><td>{E(l.Limitation.Text)}{from}</td><td><span class=\"v {lv.Replace(" ", string.Empty)}\">{lv}</span></td><td>{E(l.Reason)}");
            if (l.Evidence.Count > 0)
            {
                h.Append("<ul class=\"ev\">");
                foreach (var e in l.Evidence)
                {
                    var pm = e.PlusMinus is { } x ? $" &plusmn; {x}" : string.Empty;
                    h.Append($"<li>{E(e.Label)}: <b>{E(e.Value)}</b>{pm}{(e.Unit is null ? string.Empty : " " + E(e.Unit))} &mdash; {E(e.Record)}{(e.RecordVersion is { } rv ? $" v{rv}" : string.Empty)} <code>{E(e.Field)}</code>, {E(e.Source)}{(e.Method is null ? string.Empty : ": " + E(e.Method))}</li>");
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

            Dyes(h, l);
            h.Append("</td></tr>\n");
        }

        h.Append("</table>\n");
        ClaimChartAdditions.HtmlMargins(h, c);
        if (c.Deciding.Count > 0)
        {
            h.Append($"<div class=\"decide\"><b>{(c.Verdict == ClaimVerdict.Outside ? "Outside because" : "Undetermined until")}</b><ul>");
            foreach (var d in c.Deciding)
            {
                h.Append($"<li>claim {E(d.Claim)}, {E(d.Limitation)} ({E(Verdicts.Text(d.Verdict))}): {E(string.Join("; ", d.What))}</li>");
            }

            h.Append("</ul></div>\n");
        }

        foreach (var child in all.Where(x => x.Claim.Parent == c.Claim.Number))
        {
            Claim(h, child, all);
        }

        h.Append("</details>\n");
    }

    private static void Dyes(StringBuilder h, LimitationResult l)
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

            h.Append("</ul>");
            foreach (var d in within.Where(d => d.Svg is not null))
            {
                h.Append($"<div class=\"depiction\" title=\"dye {E(d.Dye)} in ({E(d.FormulaId)})\">{InlineSvg(d.Svg!)}<div class=\"meta\">{E(d.Dye)} in ({E(d.FormulaId)}): core highlighted, each slot in its own colour</div></div>");
            }

            h.Append("</div>");
        }
    }

    /// <summary>RDKit's SVG without its XML declaration, so it can sit inside HTML.</summary>
    private static string InlineSvg(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
