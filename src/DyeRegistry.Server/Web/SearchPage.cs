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

    private sealed record Hit(string Id, string Smiles, double? Similarity, string? Name);

    /// <summary>The page's order: most similar first (similarity searches), then by id.</summary>
    private static readonly IComparer<Hit> PageOrder = Comparer<Hit>.Create((a, b) =>
        a.Similarity is { } x && b.Similarity is { } y && x != y ? y.CompareTo(x) : string.CompareOrdinal(a.Id, b.Id));

    private static IResult Search(HttpContext context, IRegistryStore store, ServerResources resources,
        string? q, string? structure, string? drawn, string? mode, string? formula, double? min, int? page, string? export, string? count)
    {
        mode = mode is "exact" or "similarity" ? mode : "substructure";
        var countAll = count == "all";
        if (!string.IsNullOrWhiteSpace(drawn))
        {
            // The editor's molfile becomes the SMILES in the URL: the search stays a short, bookmarkable link.
            var (m, error) = StructureInput.Read(drawn, resources.Options.StructureLimits, "drawn structure");
            if (m is null)
            {
                return Show(context, resources, q, structure, mode, formula, min, null, error, null);
            }

            using (m)
            {
                return Results.Redirect(Link(q, m.ToSmiles(), mode, formula, min, null));
            }
        }

        var asked = !string.IsNullOrWhiteSpace(q) || !string.IsNullOrWhiteSpace(structure) || !string.IsNullOrWhiteSpace(formula);
        if (!asked)
        {
            return Show(context, resources, q, structure, mode, formula, min, null, null, null);
        }

        var notes = new List<string>();
        ResultWindow<Hit>? window;
        try
        {
            if (export is "csv" or "sdf")
            {
                return Export(store, EveryHit(store, resources, q, structure, mode, formula, min, notes), export);
            }

            // The page walks its first filter's hits (already in the page's order) only as far as
            // the page needs, each one checked against the other filters' hits (sets of ids).
            var (first, others) = Filters(store, resources, q, structure, mode, formula, min, notes);
            var sets = others.Select(f => f().Select(h => h.Id).ToHashSet(StringComparer.Ordinal)).ToList();
            window = ResultWindow<Hit>.Take(first().Where(h => sets.All(s => s.Contains(h.Id))), page ?? 1, PageSize, PageOrder, countAll);
            if (window is null)
            {
                // A store that gave its hits out of the page's order: every hit, sorted, as before.
                notes.Clear();
                window = ResultWindow<Hit>.Take(EveryHit(store, resources, q, structure, mode, formula, min, notes), page ?? 1, PageSize, PageOrder, countAll)!;
            }
        }
        catch (StructureException e)
        {
            return Show(context, resources, q, structure, mode, formula, min, null, e.Message, null);
        }
        catch (Exception e) when (e is ArgumentException or ChemistryException)
        {
            return Show(context, resources, q, structure, mode, formula, min, null, e.Message, null);
        }

        return Show(context, resources, q, structure, mode, formula, min, window, null, notes.Count == 0 ? null : string.Join("; ", notes.Distinct()), countAll);
    }

    /// <summary>A query's structure that cannot be read: shown at the form.</summary>
    private sealed class StructureException(string message) : Exception(message);

    /// <summary>Every hit of every filter, intersected and sorted: the export (which gives every
    /// hit) and the page's fallback.</summary>
    private static List<Hit> EveryHit(IRegistryStore store, ServerResources resources, string? q, string? structure, string mode, string? formula, double? min, List<string> notes)
    {
        var (first, others) = Filters(store, resources, q, structure, mode, formula, min, notes);
        var sets = others.Select(f => f().Select(h => h.Id).ToHashSet(StringComparer.Ordinal)).ToList();
        var all = first().Where(h => sets.All(s => s.Contains(h.Id))).ToList();
        all.Sort(PageOrder);
        return all;
    }

    /// <summary>The query's filters as hit streams, the first the one the page walks: the
    /// structure (the costliest to decide, and the one that gives similarities), else the
    /// formula, else the text. Each stream is in the page's order.</summary>
    private static (Func<IEnumerable<Hit>> First, List<Func<IEnumerable<Hit>>> Others) Filters(IRegistryStore store, ServerResources resources,
        string? q, string? structure, string mode, string? formula, double? min, List<string> notes)
    {
        var filters = new List<Func<IEnumerable<Hit>>>();
        if (!string.IsNullOrWhiteSpace(structure))
        {
            var (m, error) = StructureInput.Read(structure, resources.Options.StructureLimits, "structure");
            if (m is null)
            {
                throw new StructureException(error!);
            }

            // The query's SMILES (or, for exact, its hits) are taken now: the molecule is freed here.
            using (m)
            {
                if (mode == "exact")
                {
                    var exact = Exact(store, m).OrderBy(h => h.Id, StringComparer.Ordinal).ToList();
                    filters.Add(() => exact);
                }
                else
                {
                    var smiles = m.ToSmiles();
                    var query = mode == "similarity" ? new DyeSearchQuery(null, null, smiles) { MinTanimoto = min ?? 0.7 } : new DyeSearchQuery(smiles, null, null);
                    filters.Add(() => Run(store, resources, query, notes));
                }
            }
        }

        if (!string.IsNullOrWhiteSpace(formula))
        {
            filters.Add(() => Run(store, resources, new DyeSearchQuery(null, formula, null), notes));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            filters.Add(() => ByText(store, text));
        }

        return (filters[0], filters.Skip(1).ToList());
    }

    // The search's hits as they are found; its notes (time limit, unreadable parents) are added
    // once the walk ends or is stopped, for the dyes it walked.
    private static IEnumerable<Hit> Run(IRegistryStore store, ServerResources resources, DyeSearchQuery query, List<string> notes)
    {
        var stream = DyeSearch.Stream(store, resources.Chemistry, (query with { Limits = resources.Options.SearchLimits }).Checked());
        try
        {
            foreach (var h in stream.Hits)
            {
                yield return new Hit(h.Id, h.Smiles, h.Similarity, h.Name);
            }
        }
        finally
        {
            if (!stream.Complete)
            {
                notes.Add($"the search stopped at the time limit after {stream.Searched} dyes: the hits are those found so far, not all");
            }

            if (stream.UnreadableNote is { } unreadable)
            {
                notes.Add(unreadable);
            }
        }
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
        return ids.Select(i => new Hit(i, store.GetDye(i)?.ParentSmiles ?? string.Empty, null, store.Get(i)?.Document["name"]?.ToString()));
    }

    private static IEnumerable<Hit> ByText(IRegistryStore store, string text) =>
        store.TextCandidates(RecordKind.Dye, text).Where(r => r.Id.Contains(text, StringComparison.OrdinalIgnoreCase)
            || TextFields.Any(f => r.Document[f] is JsonValue v && v.TryGetValue<string>(out var s) && s.Contains(text, StringComparison.OrdinalIgnoreCase)))
            .Select(r => new Hit(r.Id, r.Document["smiles"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty, null, r.Document["name"]?.ToString()));

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

    public static string Link(string? q, string? structure, string? mode, string? formula, double? min, int? page, string? export = null, bool countAll = false)
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
        Add("count", countAll ? "all" : null);
        return "/search" + (parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts));
    }

    private static IResult Show(HttpContext context, ServerResources resources, string? q, string? structure, string mode, string? formula, double? min,
        ResultWindow<Hit>? window, string? error, string? note, bool countAll = false)
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

        if (window is not null)
        {
            var page = window.Page;
            string PageLink(int p) => E(Link(q, structure, mode, formula, min, p, null, countAll));
            var dyes = window.Seen == 1 && !window.More ? "dye" : "dyes";
            var total = window.More
                ? $"More than <b>{window.Seen}</b> {dyes} found (the search stopped once this page was filled; <a id=\"count-all\" href=\"{E(Link(q, structure, mode, formula, min, page, null, countAll: true))}\">count them all</a>)."
                : $"<b>{window.Seen}</b> {dyes} found.";
            html.Append($"<p id=\"result-count\" role=\"status\">{total} Export: <a href=\"{E(Link(q, structure, mode, formula, min, null, "csv"))}\">CSV</a> · <a href=\"{E(Link(q, structure, mode, formula, min, null, "sdf"))}\">SDF</a></p>");
            html.Append("<div class=\"grid\" id=\"results\">");
            foreach (var h in window.Shown)
            {
                html.Append($"<div class=\"card\" data-id=\"{E(h.Id)}\"><a href=\"/dyes/{U(h.Id)}\"><img src=\"/depict/{U(h.Id)}.svg\" alt=\"structure of {E(h.Id)}\" loading=\"lazy\" width=\"320\" height=\"240\"></a>" +
                    $"<div><a class=\"id\" href=\"/dyes/{U(h.Id)}\">{E(h.Id)}</a>{(h.Similarity is { } s ? $" <span class=\"muted\">similarity {s:F2}</span>" : string.Empty)}</div><div class=\"muted\">{E(h.Name)}</div></div>");
            }

            html.Append("</div>");
            var pages = window.More ? (int?)null : (int)Math.Max(1, (window.Seen + PageSize - 1) / PageSize);
            var next = window.More || page < pages;
            if (page > 1 || next)
            {
                html.Append($"<nav class=\"pager\" aria-label=\"Result pages\">{(page > 1 ? $"<a href=\"{PageLink(page - 1)}\" rel=\"prev\">Previous</a>" : string.Empty)}<span>page {page}{(pages is { } n ? $" of {n}" : string.Empty)}</span>{(next ? $"<a href=\"{PageLink(page + 1)}\" rel=\"next\">Next</a>" : string.Empty)}</nav>");
            }
        }

        return Layout.Page(context, "Search dyes", html.ToString(), error is null ? 200 : 400, Assets.EditorScripts);
    }
}
