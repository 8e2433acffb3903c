using System.Text;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Application.Charts;
using DyeRegistry.Application.Scope;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Claims.Model;
using DyeRegistry.Storage.Records;
using DyeRegistry.Storage.Stores;
using static DyeRegistry.Server.Web.Html;

namespace DyeRegistry.Server.Web;

/// <summary><c>/portfolio</c>: every ink on every medium (and each medium alone) as a heat map of
/// claim verdicts: a cell is green when some claim is within, amber when none is but some is
/// undetermined, red when every claim is outside; each cell links to its chart.</summary>
internal static class PortfolioPage
{
    public static void Map(WebApplication app) => app.MapGet("/portfolio", Show).RequireAuthorization(RolePolicies.For(Role.Viewer));

    private static IResult Show(HttpContext context, ServerResources resources)
    {
        var charts = new ClaimCharts(resources.Claims, ReadingChoices.Create(resources.Claims.Readings), resources.Formulas, depict: false);
        using var sources = new ScopeSources(resources.Options.Registry, p => RegistryStores.Open(p, create: false), []);
        var media = sources.AllInRegistry(RecordKind.Medium);
        var inks = sources.AllInRegistry(RecordKind.Ink);
        var rows = new List<(ScopeRecord? Ink, ScopeRecord Medium, ClaimChart? Chart, string? Error)>();
        foreach (var ink in new ScopeRecord?[] { null }.Concat(inks))
        {
            foreach (var m in media)
            {
                try
                {
                    rows.Add((ink, m, charts.Evaluate(sources, m, ink), null));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    rows.Add((ink, m, null, e.Message));
                }
            }
        }

        // One column per claim that some subject was charted on, in claim-set and number order.
        var claims = rows.Where(r => r.Chart is not null).SelectMany(r => r.Chart!.Claims.Select(c => c.Claim))
            .DistinctBy(c => c.Id).OrderBy(c => c.Patent, StringComparer.Ordinal).ThenBy(c => c.Number).ToList();
        var html = new StringBuilder("<p>Each row is an ink on a medium (or a medium alone); each column a claim. A cell gives the claim's verdict: <span class=\"heat\"><span class=\"within\">&nbsp;W within&nbsp;</span> <span class=\"undetermined\">&nbsp;U undetermined&nbsp;</span> <span class=\"outside\">&nbsp;O outside&nbsp;</span></span>; select it for the chart, at that claim.</p>");
        html.Append("<div style=\"overflow-x:auto\"><table class=\"heat\" id=\"heat\"><thead><tr><th scope=\"col\">Ink on medium</th>");
        html.Append(string.Concat(claims.Select(c => $"<th scope=\"col\" class=\"claim\">{E(c.Patent)}<br>{c.Number}</th>")));
        html.Append("</tr></thead><tbody>");
        foreach (var (ink, m, chart, error) in rows)
        {
            var link = $"/charts?medium={U(m.Id)}" + (ink is null ? string.Empty : $"&ink={U(ink.Id)}");
            html.Append($"<tr><th scope=\"row\"><a href=\"{E(link)}\">{(ink is null ? $"{E(m.Id)} alone" : $"{E(ink.Id)} on {E(m.Id)}")}</a></th>");
            if (chart is null)
            {
                html.Append($"<td class=\"cell none\" colspan=\"{Math.Max(1, claims.Count)}\">not evaluated: {E(error)}</td></tr>");
                continue;
            }

            var verdicts = chart.Claims.ToDictionary(c => c.Claim.Id, c => c.Verdict);
            foreach (var c in claims)
            {
                if (!verdicts.TryGetValue(c.Id, out var v))
                {
                    html.Append("<td class=\"cell none\"></td>");
                    continue;
                }

                var (css, letter) = v switch { ClaimVerdict.Within => ("within", "W"), ClaimVerdict.Outside => ("outside", "O"), _ => ("undetermined", "U") };
                html.Append($"<td class=\"cell {css}\"><a href=\"{E(link)}#c{E(c.Patent)}-{c.Number}\" title=\"claim {E(c.Id)}: {css}\" aria-label=\"claim {E(c.Id)}: {css}\">{letter}</a></td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>");
        return Layout.Page(context, "Portfolio", html.ToString());
    }
}
