using System.Text;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Application.Charts;
using DyeRegistry.Application.Scope;
using DyeRegistry.Claims.Evaluation;
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
        var html = new StringBuilder("<p>Each cell: the claims within / undetermined / outside for that ink on that medium (the first row: the medium alone). Select a cell for its chart.</p>");
        html.Append("<div style=\"overflow-x:auto\"><table class=\"heat\" id=\"heat\"><tr><th scope=\"col\">Ink \\ medium</th>");
        html.Append(string.Concat(media.Select(m => $"<th scope=\"col\"><a href=\"/media/{U(m.Id)}\">{E(m.Id)}</a></th>")));
        html.Append("</tr>");
        foreach (var ink in new ScopeRecord?[] { null }.Concat(inks))
        {
            html.Append($"<tr><th scope=\"row\">{(ink is null ? "(medium alone)" : $"<a href=\"/inks/{U(ink.Id)}\">{E(ink.Id)}</a>")}</th>");
            foreach (var m in media)
            {
                var link = $"/charts?medium={U(m.Id)}" + (ink is null ? string.Empty : $"&ink={U(ink.Id)}");
                try
                {
                    var chart = charts.Evaluate(sources, m, ink);
                    var within = chart.Claims.Count(c => c.Verdict == ClaimVerdict.Within);
                    var undetermined = chart.Claims.Count(c => c.Verdict == ClaimVerdict.Undetermined);
                    var outside = chart.Claims.Count(c => c.Verdict == ClaimVerdict.Outside);
                    var css = within > 0 ? "within" : undetermined > 0 ? "undetermined" : chart.Claims.Count > 0 ? "outside" : "none";
                    html.Append($"<td class=\"cell {css}\"><a href=\"{E(link)}\" title=\"{within} within, {undetermined} undetermined, {outside} outside\">{within} / {undetermined} / {outside}</a></td>");
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    html.Append($"<td class=\"cell none\" title=\"{E(e.Message)}\">not evaluated</td>");
                }
            }

            html.Append("</tr>");
        }

        html.Append("</table></div><p class=\"muted\">Legend: <span class=\"heat\"><span class=\"within\">&nbsp;some claim within&nbsp;</span> <span class=\"undetermined\">&nbsp;none within, some undetermined&nbsp;</span> <span class=\"outside\">&nbsp;all outside&nbsp;</span></span></p>");
        return Layout.Page(context, "Portfolio", html.ToString());
    }
}
