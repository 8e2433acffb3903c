using System.Text;
using System.Text.Json.Nodes;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Application.Searching;
using DyeRegistry.Chemistry;
using DyeRegistry.Registry;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;
using static DyeRegistry.Server.Web.Html;

namespace DyeRegistry.Server.Web;

/// <summary>
/// <c>/search</c>: dyes by text (id, name, CAS, supplier, catalogue number), by a drawn or pasted
/// structure (exact = same standardized parent, substructure, similarity) and by formula
/// membership, combined; a grid of depictions with paging; <c>export=csv|sdf</c> gives all hits.
/// Every search is a plain GET (a drawn structure is turned into its SMILES first), so its URL
/// can be bookmarked and mailed.
/// </summary>
internal static class SearchPage
{
    public const int PageSize = 24;

    private static readonly string[] TextFields = ["name", "cas", "supplier", "catalog_number"];

    public static void Map(WebApplication app) => app.MapGet("/search", Search).RequireAuthorization(RolePolicies.For(Role.Viewer));

    private sealed record Hit(string Id, string Smiles, double? Similarity);

    private static IResult Search(HttpContext context, IRegistryStore store, ServerResources resources,
        string? q, string? structure, string? drawn, string? mode, string? formula, double? min, int? page, string? export)
    {
        mode = mode is "exact" or "similarity" ? mode : "substructure";
        if (!string.IsNullOrWhiteSpace(drawn))
        {
            // The editor's molfile becomes the SMILES in the URL: the search stays a short, bookmarkable link.
            var (m, error) = StructureInput.Read(drawn, resources.Options.StructureLimits, "drawn structure");
            if (m is null)
            {
                return Show(context, resources, q, structure, mode, formula, min, [], 0, error, null);
            }

            using (m)
            {
                return Results.Redirect(Link(q, m.ToSmiles(), mode, formula, min, null));
            }
        }

        var asked = !string.IsNullOrWhiteSpace(q) || !string.IsNullOrWhiteSpace(structure) || !string.IsNullOrWhiteSpace(formula);
        if (!asked)
        {
            return Show(context, resources, q, structure, mode, formula, min, [], 0, null, null);
        }

        List<Hit>? hits = null;
        var notes = new List<string>();
        void Narrow(IEnumerable<Hit> found)
        {
            var list = found.ToList();
            if (hits is null)
            {
                hits = list;
            }
            else
            {
                var keep = list.ToDictionary(h => h.Id, h => h);
                hits = hits.Where(h => keep.ContainsKey(h.Id)).Select(h => h.Similarity is null && keep[h.Id].Similarity is { } s ? h with { Similarity = s } : h).ToList();
            }
        }

        try
        {
            if (!string.IsNullOrWhiteSpace(structure))
            {
                var (m, error) = StructureInput.Read(structure, resources.Options.StructureLimits, "structure");
                if (m is null)
                {
                    return Show(context, resources, q, structure, mode, formula, min, [], 0, error, null);
                }

                using (m)
                {
                    Narrow(mode switch
                    {
                        "exact" => Exact(store, m),
                        "similarity" => Run(store, resources, new DyeSearchQuery(null, null, m.ToSmiles()) { MinTanimoto = min ?? 0.7 }, notes),
                        _ => Run(store, resources, new DyeSearchQuery(m.ToSmiles(), null, null), notes),
                    });
                }
            }

            if (!string.IsNullOrWhiteSpace(formula))
            {
                Narrow(Run(store, resources, new DyeSearchQuery(null, formula, null), notes));
            }
        }
        catch (Exception e) when (e is ArgumentException or ChemistryException)
        {
            return Show(context, resources, q, structure, mode, formula, min, [], 0, e.Message, null);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            Narrow(ByText(store, q.Trim()));
        }

        var all = hits!.OrderByDescending(h => h.Similarity ?? 0).ThenBy(h => h.Id, StringComparer.Ordinal).ToList();
        if (export is "csv" or "sdf")
        {
            return Export(store, all, export);
        }

        var p = Math.Max(1, page ?? 1);
        return Show(context, resources, q, structure, mode, formula, min, all, p, null, notes.Count == 0 ? null : string.Join("; ", notes), store);
    }

    private static IEnumerable<Hit> Run(IRegistryStore store, ServerResources resources, DyeSearchQuery query, List<string> notes)
    {
        var result = DyeSearch.Run(store, resources.Chemistry, (query with { Limits = resources.Options.SearchLimits }).Checked());
        if (!result.Complete)
        {
            notes.Add($"the search stopped at the time limit after {result.Searched} dyes: the hits are those found so far, not all");
        }

        if (result.UnreadableNote is { } unreadable)
        {
            notes.Add(unreadable);
        }

        return result.Hits.Select(h => new Hit(h.Id, h.Smiles, h.Similarity));
    }

    // Exact: the dye registered with the same standardized parent, and its forms.
    private static IEnumerable<Hit> Exact(IRegistryStore store, Molecule m)
    {
        var key = DyeChemistry.DuplicateKey(m);
        if (store.DyeWithParentKey(key) is not { } id)
        {
            return [];
        }

        var ids = new List<string> { id };
        ids.AddRange(store.ReferencedBy(id).Where(r => store.Get(r) is { Kind: RecordKind.Dye } d && d.Document["parent"]?.GetValue<string>() == id));
        return ids.Select(i => new Hit(i, store.GetDye(i)?.ParentSmiles ?? string.Empty, null));
    }

    private static IEnumerable<Hit> ByText(IRegistryStore store, string text) =>
        store.TextCandidates(RecordKind.Dye, text).Where(r => r.Id.Contains(text, StringComparison.OrdinalIgnoreCase)
            || TextFields.Any(f => r.Document[f] is JsonValue v && v.TryGetValue<string>(out var s) && s.Contains(text, StringComparison.OrdinalIgnoreCase)))
            .Select(r => new Hit(r.Id, r.Document["smiles"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty, null));

    private static IResult Export(IRegistryStore store, List<Hit> hits, string format)
    {
        var text = new StringBuilder();
        if (format == "csv")
        {
            text.Append("id,name,smiles,similarity\n");
            foreach (var h in hits)
            {
                var name = store.Get(h.Id)?.Document["name"]?.ToString() ?? string.Empty;
                text.Append($"{Csv(h.Id)},{Csv(name)},{Csv(h.Smiles)},{(h.Similarity is { } s ? N(s) : string.Empty)}\n");
            }

            return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", "dyes.csv");
        }

        foreach (var h in hits)
        {
            if (store.GetDye(h.Id) is not { } dye)
            {
                continue;
            }

            var parsed = Molecule.ParsePickle(dye.RecordPickle);
            if (!parsed.Success)
            {
                continue;
            }

            using var mol = parsed.Value!;
            var block = mol.ToMolBlock();
            var lines = block.Split('\n');
            lines[0] = h.Id;
            text.Append(string.Join('\n', lines).TrimEnd('\n')).Append('\n');
            text.Append($">  <id>\n{h.Id}\n\n>  <name>\n{store.Get(h.Id)?.Document["name"]?.ToString()}\n\n$$$$\n");
        }

        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "chemical/x-mdl-sdfile", "dyes.sdf");
    }

    private static string Csv(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    public static string Link(string? q, string? structure, string? mode, string? formula, double? min, int? page, string? export = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={U(value)}");
            }
        }

        Add("q", q);
        Add("structure", structure);
        Add("mode", string.IsNullOrWhiteSpace(structure) ? null : mode);
        Add("formula", formula);
        Add("min", min is { } m ? N(m) : null);
        Add("page", page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        Add("export", export);
        return "/search" + (parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts));
    }

    private static IResult Show(HttpContext context, ServerResources resources, string? q, string? structure, string mode, string? formula, double? min,
        List<Hit> hits, int page, string? error, string? note, IRegistryStore? store = null)
    {
        var formulas = new[] { (string.Empty, "any (no formula filter)") }.Concat(resources.Formulas.Formulas.Select(f => (f.Formula.Id, $"{f.Formula.Id} · {f.Formula.Name}")));
        var html = new StringBuilder();
        html.Append($"""
            <form method="get" action="/search" class="panel" id="search-form">
            <div class="row">
            {Field("q", "Text (id, name, CAS, supplier, catalogue number)", q, "search")}
            {Select("formula", "Formula filter", formulas, formula)}
            </div>
            <details{(string.IsNullOrWhiteSpace(structure) ? string.Empty : " open")}><summary>Structure query (draw or paste)</summary>
            {Assets.EditorBox("Draw a structure")}
            <input type="hidden" name="drawn" value="">
            <div class="row">
            <div class="field"><label for="f-structure">Pasted SMILES or molfile</label><textarea id="f-structure" name="structure" rows="2">{"\n"}{E(structure)}</textarea></div>
            {Select("mode", "Structure search", [("substructure", "substructure"), ("exact", "exact (same standardized parent)"), ("similarity", "similarity (Tanimoto)")], mode)}
            {Field("min", "Least similarity (Tanimoto, 0 to 1)", min is { } m ? N(m) : "0.7", "number", attributes: "step=\"0.05\" min=\"0\" max=\"1\"")}
            </div>
            </details>
            <div class="actions"><button type="submit">Search</button> <a class="button secondary" href="/search">Clear</a></div>
            </form>
            """);
        if (error is not null)
        {
            html.Append(Layout.Note(error, "error"));
        }

        if (note is not null)
        {
            html.Append(Layout.Note(note, "warn"));
        }

        if (store is not null)
        {
            var pages = Math.Max(1, (hits.Count + PageSize - 1) / PageSize);
            page = Math.Min(page, pages);
            html.Append($"<p id=\"result-count\" role=\"status\"><b>{hits.Count}</b> dye{(hits.Count == 1 ? string.Empty : "s")} found. Export: <a href=\"{E(Link(q, structure, mode, formula, min, null, "csv"))}\">CSV</a> · <a href=\"{E(Link(q, structure, mode, formula, min, null, "sdf"))}\">SDF</a></p>");
            html.Append("<div class=\"grid\" id=\"results\">");
            foreach (var h in hits.Skip((page - 1) * PageSize).Take(PageSize))
            {
                var name = store.Get(h.Id)?.Document["name"]?.ToString();
                html.Append($"<div class=\"card\" data-id=\"{E(h.Id)}\"><a href=\"/dyes/{U(h.Id)}\"><img src=\"/depict/{U(h.Id)}.svg\" alt=\"structure of {E(h.Id)}\" loading=\"lazy\" width=\"320\" height=\"240\"></a>" +
                    $"<div><a class=\"id\" href=\"/dyes/{U(h.Id)}\">{E(h.Id)}</a>{(h.Similarity is { } s ? $" <span class=\"muted\">similarity {s:F2}</span>" : string.Empty)}</div><div class=\"muted\">{E(name)}</div></div>");
            }

            html.Append("</div>");
            if (pages > 1)
            {
                html.Append($"<nav class=\"pager\" aria-label=\"Result pages\">{(page > 1 ? $"<a href=\"{E(Link(q, structure, mode, formula, min, page - 1))}\" rel=\"prev\">Previous</a>" : string.Empty)}<span>page {page} of {pages}</span>{(page < pages ? $"<a href=\"{E(Link(q, structure, mode, formula, min, page + 1))}\" rel=\"next\">Next</a>" : string.Empty)}</nav>");
            }
        }

        return Layout.Page(context, "Search dyes", html.ToString(), error is null ? 200 : 400, Assets.EditorScripts);
    }
}
