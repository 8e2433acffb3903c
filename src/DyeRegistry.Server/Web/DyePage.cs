using System.Text;
using System.Text.Json.Nodes;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Application.Records;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;
using static DyeRegistry.Server.Web.Html;

namespace DyeRegistry.Server.Web;

/// <summary><c>/dyes/ID</c>: the depiction; identifiers and properties with their sources; what
/// standardization set aside; forms and salts; formula memberships, each with the core drawn
/// highlighted; the inks that use it; its history.</summary>
internal static class DyePage
{
    public static void Map(WebApplication app) => app.MapGet("/dyes/{id}", Show).RequireAuthorization(RolePolicies.For(Role.Viewer));

    private static IResult Show(HttpContext context, IRegistryStore store, ServerResources resources, string id)
    {
        RecordView view;
        try
        {
            view = RecordView.Of(store, id);
        }
        catch (RegistryException e)
        {
            return Layout.NotFound(context, e.Message);
        }

        if (view.Record.Kind != RecordKind.Dye)
        {
            return Results.Redirect(view.Record.Kind switch { RecordKind.Ink => $"/inks/{U(id)}", RecordKind.Medium => $"/media/{U(id)}", _ => $"/records/{U(id)}" });
        }

        var doc = view.Record.Document;
        var html = new StringBuilder("<div class=\"two\"><div>");
        html.Append($"<img class=\"depiction\" src=\"/depict/{U(id)}.svg?w=420&amp;h=320\" alt=\"structure of {E(id)}\" width=\"420\" height=\"320\">");
        if (view.Dye is { } dye)
        {
            html.Append($"<p><b>Standardized parent:</b> <span class=\"mono\" id=\"parent-smiles\">{E(dye.ParentSmiles)}</span></p>");
            html.Append($"<p><b>Set aside by standardization:</b> {(dye.RemovedFragments.Count == 0 ? "nothing" : $"<span class=\"mono\">{E(string.Join(", ", dye.RemovedFragments))}</span>")}</p>");
        }

        html.Append("</div><div><h2>Identifiers and properties</h2><table id=\"properties\"><tr><th>Field</th><th>Value</th><th>Source</th></tr>");
        foreach (var (key, value) in doc)
        {
            if (key is "kind" or "smiles" or "molfile")
            {
                continue;
            }

            var (shown, source) = value is JsonObject o && o.ContainsKey("value") ? (o["value"]?.ToString(), o["source"]?.ToString()) : (value?.ToString(), null);
            html.Append($"<tr><td>{E(key)}</td><td>{E(shown)}</td><td>{E(source)}</td></tr>");
        }

        foreach (var q in view.Computed)
        {
            html.Append($"<tr><td>{E(q.Field)}</td><td>{E(N(q.Value))} {E(q.Unit)}</td><td>computed: {E(q.Method)}</td></tr>");
        }

        html.Append("</table>");
        if (doc["smiles"] is JsonValue smiles)
        {
            html.Append($"<p><b>SMILES as registered:</b> <span class=\"mono\">{E(smiles.ToString())}</span></p>");
        }

        html.Append("</div></div>");

        // Forms and salts: its parent (when it is a form) and the forms registered of it.
        var parent = doc["parent"]?.ToString();
        var forms = view.ReferencedBy.Select(store.Get).Where(r => r is { Kind: RecordKind.Dye } && r.Document["parent"]?.ToString() == id).Select(r => r!).ToList();
        html.Append("<h2>Forms and salts</h2>");
        if (parent is not null)
        {
            html.Append($"<p>A form of <a href=\"/dyes/{U(parent)}\">{E(parent)}</a>.</p>");
        }

        if (doc["distinct_from"] is JsonObject distinct)
        {
            html.Append($"<p id=\"distinct-from\">Registered as a unique dye beside <a href=\"/dyes/{U(distinct["dye"]?.ToString())}\">{E(distinct["dye"]?.ToString())}</a>, which has the same standardized parent. Reason: {E(distinct["reason"]?.ToString())}</p>");
        }

        html.Append(forms.Count == 0 ? "<p class=\"muted\">No other form registered.</p>"
            : "<div class=\"grid\" id=\"forms\">" + string.Concat(forms.Select(f => $"<div class=\"card\"><img src=\"/depict/{U(f.Id)}.svg\" alt=\"structure of {E(f.Id)}\" width=\"320\" height=\"240\"><a class=\"id\" href=\"/dyes/{U(f.Id)}\">{E(f.Id)}</a> <span class=\"muted\">{E(f.Document["name"]?.ToString())}</span></div>")) + "</div>");

        html.Append("<h2>Formula memberships</h2>");
        var within = view.Dye?.Within ?? [];
        if (within.Count == 0)
        {
            html.Append("<p class=\"muted\">Within none of the general formulas.</p>");
        }
        else
        {
            html.Append("<div class=\"grid\" id=\"memberships\">");
            // Matched once for every formula it is within: the cards say whether the core was found
            // in a tautomer, and their drawings (core and slots) are kept for the requests that follow.
            var matches = new Dictionary<string, Markush.Matching.FormulaMatch>(StringComparer.Ordinal);
            if (view.Dye is { } stored && Chemistry.Molecule.ParsePickle(stored.RecordPickle) is { Success: true } parsed)
            {
                using var drawn = parsed.Value!;
                var ids = within.Where(w => !w.StartsWith(Registry.DyeChemistry.UndeterminedPrefix, StringComparison.Ordinal) && resources.Formulas.Find(w) is not null).ToList();
                foreach (var m in Depictions.Matches(resources, drawn, ids))
                {
                    matches[m.FormulaId] = m;
                    if (m.Svg is { } svg)
                    {
                        Depictions.Keep(stored.RecordPickle, m.FormulaId, resources.Formulas.Stamp, svg);
                    }
                }
            }

            foreach (var w in within)
            {
                var undetermined = w.StartsWith(Registry.DyeChemistry.UndeterminedPrefix, StringComparison.Ordinal);
                var formulaId = undetermined ? w[Registry.DyeChemistry.UndeterminedPrefix.Length..] : w;
                var f = resources.Formulas.Find(formulaId);
                var inTautomer = matches.TryGetValue(formulaId, out var match) && match.IsWithin && match.Tautomer is not null;
                var how = undetermined ? "<span class=\"verdict-undetermined\">undetermined</span>: a search limit was reached deciding it (no core is highlighted)"
                    : inTautomer ? "<span class=\"verdict-within\">within</span> as a tautomer (H moved between heteroatoms): the core embeds in that tautomer, drawn here with its core and slots highlighted, not in the structure as drawn"
                    : "<span class=\"verdict-within\">within</span>: the core embeds and every slot holds an allowed substituent (core and slots highlighted)";
                html.Append($"<div class=\"card\"><img src=\"/depict/{U(id)}.svg?formula={U(formulaId)}\" alt=\"{E(id)}{(inTautomer ? " as a tautomer" : string.Empty)} with the core of {E(formulaId)} highlighted\" width=\"320\" height=\"240\">" +
                    $"<div><b>{E(formulaId)}</b> {E(f?.Formula.Name)}</div><div class=\"how\">{how}</div>" +
                    $"<div class=\"muted\">{(f is null ? string.Empty : $"formula {E(f.Formula.Provenance.ToString().ToLowerInvariant())}; publication {E(f.Formula.Document.Publication)}")} · <a href=\"/formulas#formula-{E(formulaId)}\">the formula</a></div></div>");
            }

            html.Append("</div>");
        }

        var inks = view.ReferencedBy.Select(store.Get).Where(r => r is { Kind: RecordKind.Ink }).Select(r => r!).ToList();
        html.Append("<h2>Inks that use it</h2>");
        html.Append(inks.Count == 0 ? "<p class=\"muted\">No ink uses it.</p>"
            : "<ul id=\"inks\">" + string.Concat(inks.Select(i => $"<li><a href=\"/inks/{U(i.Id)}\">{E(i.Id)}</a> {E(i.Document["name"]?.ToString())}</li>")) + "</ul>");

        html.Append(History.Table(context, view));
        return Layout.Page(context, $"Dye {id}", html.ToString());
    }
}

/// <summary>A record's history with who changed it (from the service's audit, where it was changed through the service).</summary>
internal static class History
{
    public static string Table(HttpContext context, RecordView view)
    {
        var audit = context.RequestServices.GetRequiredService<Storage.Accounts.IAccountStore>()
            .Audit(new Storage.Accounts.AuditFilter(RecordId: view.Record.Id, Limit: 1000));
        var rows = string.Concat(view.History.Select(h =>
        {
            var who = audit.LastOrDefault(a => a.Version == h.Version && a.Change == h.Change);
            return $"<tr><td class=\"num\">{h.Version}</td><td>{E(h.Change)}</td><td>{h.AtUtc:yyyy-MM-dd HH:mm} UTC</td><td>{E(who?.User ?? h.ChangedBy ?? "(imported)")}</td><td>{E(who?.Reason)}</td></tr>";
        }));
        return $"<h2>History</h2><table id=\"history\"><tr><th>Version</th><th>Change</th><th>When</th><th>Who</th><th>Reason</th></tr>{rows}</table>";
    }

    /// <summary>True when <paramref name="user"/> created the record through the service (a chemist edits only those).</summary>
    public static bool CreatedBy(Storage.Accounts.IAccountStore accounts, string id, string user) =>
        accounts.Audit(new Storage.Accounts.AuditFilter(RecordId: id, Limit: int.MaxValue)).LastOrDefault(e => e.Change == "created")?.User == user;

    /// <summary>Whether <paramref name="user"/> may change the stored record <paramref name="id"/>:
    /// a registrar any record, a chemist the records they created.</summary>
    public static bool MayEdit(Role role, Storage.Accounts.IAccountStore accounts, string id, string user) =>
        role >= Role.Registrar || (role >= Role.Chemist && CreatedBy(accounts, id, user));
}
