using System.Text;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Markush.Model;
using static DyeRegistry.Server.Web.Html;

namespace DyeRegistry.Server.Web;

/// <summary><c>/formulas</c>: each general formula with its provenance said plainly, its patent
/// document, its core variants, its slots and their classes; then the readings of disputed terms.</summary>
internal static class FormulasPage
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/formulas", Show).RequireAuthorization(RolePolicies.For(Role.Viewer));
        app.MapGet("/formulas/{id}/core/{variant:int}.svg", (ServerResources r, string id, int variant) => FormulaCores.Svg(r, id, variant)).RequireAuthorization(RolePolicies.For(Role.Viewer));
    }

    private static string Plainly(Provenance p) => p switch
    {
        Provenance.Read => "read: the claim text states it",
        Provenance.Reconstructed => "reconstructed: derived from the variable definitions; the drawing is missing",
        _ => "missing: not available, the formula never matches",
    };

    private static IResult Show(HttpContext context, ServerResources resources)
    {
        var html = new StringBuilder($"<p>Formula files: {E(resources.Formulas.Folder)} (stamp <span class=\"mono\">{E(resources.Formulas.Stamp)}</span>). <a href=\"#readings\">Readings</a></p>");
        foreach (var compiled in resources.Formulas.Formulas)
        {
            var f = compiled.Formula;
            html.Append($"<section class=\"panel\" id=\"formula-{E(f.Id)}\"><h2>{E(f.Id)}: {E(f.Name)}</h2>");
            html.Append($"<p><b>Provenance:</b> {E(Plainly(f.Provenance))}. <b>Source:</b> {E(f.Source)}. <b>Document:</b> {E(f.Document.Publication)}, {E(f.Document.Applicant)}{(f.Document.Claim is { } c ? $", claim {c}" : string.Empty)}. <b>Version</b> {f.Version}.</p>");
            if (f.Variants.Count > 0)
            {
                html.Append("<h3>Core variants</h3><div class=\"grid cores\">" + string.Concat(f.Variants.Select((v, i) =>
                    $"<figure class=\"card\"><img src=\"/formulas/{U(f.Id)}/core/{i}.svg\" alt=\"core of {E(f.Id)}, variant {E(v.Id)}, drawn from its SMARTS with the slots labelled at the atoms that bear them\" width=\"400\" height=\"300\">" +
                    $"<figcaption><b>{E(v.Id)}</b> <code>{E(v.Smarts)}</code></figcaption></figure>")) + "</div>");
                html.Append("<p class=\"muted\">Drawn by RDKit from the core SMARTS: generic atoms and any-bonds as the query states them (any-bonds dashed); each slot's name beside the core atom that bears it.</p>");
            }
            else
            {
                html.Append("<p>No core structure: only its exclusion screen decides.</p>");
            }

            if (f.Slots.Count > 0)
            {
                html.Append("<h3>Slots</h3><table><tr><th>Slot</th><th>Name</th><th>Allowed classes</th></tr>" +
                    string.Concat(f.Slots.Select(s => $"<tr><td>{E(s.Id)}</td><td>{E(s.Name)}</td><td>{E(string.Join(", ", s.Classes))}</td></tr>")) + "</table>");
            }

            html.Append($"<p><a href=\"/search?formula={U(f.Id)}\">Registered dyes within {E(f.Id)}</a></p></section>");
        }

        html.Append("<h2 id=\"readings\">Readings of disputed terms</h2><table><tr><th>Reading</th><th>Term</th><th>Options (default first)</th></tr>");
        foreach (var r in resources.Claims.Readings.Readings)
        {
            html.Append($"<tr><td>{E(r.Id)}</td><td>{E(r.Term)}</td><td>{string.Join("<br>", r.Options.OrderBy(o => o.Id == r.Default ? 0 : 1).Select(o => $"<b>{E(o.Id)}</b>: {E(o.Text)}"))}</td></tr>");
        }

        html.Append("</table>");
        return Layout.Page(context, "Formulas", html.ToString());
    }
}
