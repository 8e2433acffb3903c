using System.Text;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Application.Charts;
using DyeRegistry.Application.Scope;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Claims.Loading;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Charts;
using DyeRegistry.Storage.Records;
using DyeRegistry.Storage.Stores;
using static DyeRegistry.Server.Web.Html;

namespace DyeRegistry.Server.Web;

/// <summary>
/// <c>/charts?ink=I&amp;medium=M&amp;reading=ID=OPTION</c>: the claim chart as the HTML renderer of
/// <c>dyereg scope</c> makes it, readings switchable, printable (the print style leaves only the
/// chart). "Issue this chart" freezes it (<c>/charts/issued/N</c>: the chart, the record versions it
/// used, who issued it, when, a note), reopened unchanged whatever happens to the records later;
/// the issued charts of an ink and medium are listed under the chart.
/// </summary>
internal static class ChartPages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/charts", Chart).RequireAuthorization(RolePolicies.For(Role.Viewer));
        app.MapPost("/charts/issue", Issue).RequireAuthorization(RolePolicies.For(Role.Viewer));
        app.MapGet("/charts/issued/{number:long}", Issued).RequireAuthorization(RolePolicies.For(Role.Viewer));
    }

    private static IResult Chart(HttpContext context, IRegistryStore store, ServerResources resources, string? ink, string? medium, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? reading)
    {
        var picker = Picker(context, store, resources, ink, medium, reading ?? []);
        if (string.IsNullOrWhiteSpace(medium))
        {
            return Layout.Page(context, "Claim chart", picker + "<p>Pick a medium (and an ink applied to it, or none for the medium alone).</p>");
        }

        var made = Make(resources, ink, medium, reading ?? []);
        if (made.Error is not null)
        {
            return Layout.Page(context, "Claim chart", picker + Layout.Note(made.Error, "error"), 400);
        }

        var html = new StringBuilder(picker);
        html.Append($"""
            <form method="post" action="/charts/issue" class="panel no-print" id="issue-form">
            {Forms.Token(context)}<input type="hidden" name="medium" value="{E(medium)}"><input type="hidden" name="ink" value="{E(ink)}">
            {string.Concat((reading ?? []).Select(r => $"<input type=\"hidden\" name=\"reading\" value=\"{E(r)}\">"))}
            <div class="row">{Field("note", "Note kept with the issued chart", null, help: "for example the matter or the question it answers")}</div>
            <div class="actions"><button type="submit">Issue this chart</button> <span class="muted">Freezes this chart with the record versions it used; it can be reopened unchanged later.</span></div>
            </form>
            """);
        html.Append(IssuedList(resources, medium, ink));
        html.Append($"<div class=\"chart-frame\" id=\"chart\">{BodyOf(made.Html!)}</div>");
        return Layout.Page(context, ink is null ? $"Claim chart: medium {medium}" : $"Claim chart: {ink} on {medium}", html.ToString());
    }

    /// <summary>The chart's HTML and JSON and the record versions it used, or why it cannot be made.</summary>
    internal static (string? Html, string? Json, IReadOnlyList<string> Versions, string? Error) Make(ServerResources resources, string? ink, string medium, string[] reading)
    {
        try
        {
            var choices = ReadingChoices.Create(resources.Claims.Readings, reading);
            var charts = new ClaimCharts(resources.Claims, choices, resources.Formulas, depict: true);
            using var sources = new ScopeSources(resources.Options.Registry, p => RegistryStores.Open(p, create: false), []);
            var m = sources.Get(medium, RecordKind.Medium);
            var i = string.IsNullOrWhiteSpace(ink) ? null : sources.Get(ink, RecordKind.Ink);
            var chart = charts.Evaluate(sources, m, i);
            var now = DateTimeOffset.UtcNow;
            var shown = ClaimCharts.Filter([], resources.Claims);
            return (ClaimCharts.Render(chart, "html", shown, now), ClaimCharts.Render(chart, "json", shown, now),
                chart.Records.Select(r => $"{r.Id}@{r.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "file"}").ToList(), null);
        }
        catch (Exception e) when (e is ArgumentException or RegistryException or ClaimFileException)
        {
            return (null, null, [], e.Message);
        }
    }

    private static string Picker(HttpContext context, IRegistryStore store, ServerResources resources, string? ink, string? medium, string[] reading)
    {
        var inks = store.List(RecordKind.Ink);
        var media = store.List(RecordKind.Medium);
        string Options(IEnumerable<StoredRecord> records) => string.Concat(records.Select(r => $"<option value=\"{E(r.Id)}\">{E(r.Document["name"]?.ToString())}</option>"));
        var chosen = reading.Select(r => r.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        var readings = string.Concat(resources.Claims.Readings.Readings.Select(r => Select("reading", $"Reading: {r.Term}",
            r.Options.Select(o => ($"{r.Id}={o.Id}", o.Id == r.Default ? $"{o.Id} (default)" : o.Id)), $"{r.Id}={(chosen.TryGetValue(r.Id, out var v) ? v : r.Default)}", "reading-" + r.Id)));
        return $"""
            <form method="get" action="/charts" class="panel no-print" id="chart-form">
            <div class="row">
            {Field("ink", "Ink (type to choose; empty for the medium alone)", ink, attributes: "list=\"ink-list\" autocomplete=\"off\"")}
            {Field("medium", "Medium (type to choose)", medium, required: true, attributes: "list=\"medium-list\" autocomplete=\"off\"")}
            </div>
            <datalist id="ink-list">{Options(inks)}</datalist><datalist id="medium-list">{Options(media)}</datalist>
            <details><summary>Readings of disputed terms</summary><div class="row">{readings}</div></details>
            <div class="actions"><button type="submit">Show chart</button></div>
            </form>
            """;
    }

    private static string IssuedList(ServerResources resources, string medium, string? ink)
    {
        using var snapshots = OpenSnapshots(resources, out var refused);
        if (snapshots is null)
        {
            return Layout.Note(refused!, "warn");
        }

        var list = snapshots.List(medium, string.IsNullOrWhiteSpace(ink) ? null : ink);
        if (list.Count == 0)
        {
            return "<p class=\"muted no-print\" id=\"issued\">No chart of this ink and medium has been issued yet.</p>";
        }

        return "<div class=\"no-print\" id=\"issued\"><h2>Issued charts of this ink and medium</h2><table><tr><th>Issued</th><th>By</th><th>Note</th><th>Record versions</th></tr>" +
            string.Concat(list.Select(s => $"<tr><td><a href=\"/charts/issued/{s.Number}\">No. {s.Number}, {s.IssuedUtc:yyyy-MM-dd HH:mm} UTC</a></td><td>{E(s.IssuedBy)}</td><td>{E(s.Note)}</td><td class=\"mono\">{E(string.Join(", ", s.Versions))}</td></tr>")) +
            "</table></div>";
    }

    private static IChartSnapshotStore? OpenSnapshots(ServerResources resources, out string? refused)
    {
        try
        {
            refused = null;
            return RegistryStores.OpenChartSnapshots(resources.Options.Registry);
        }
        catch (RegistryException e)
        {
            refused = e.Message;
            return null;
        }
    }

    private static async Task<IResult> Issue(HttpContext context, ServerResources resources)
    {
        var form = await Forms.ReadAsync(context);
        if (form is null)
        {
            return Forms.Forged();
        }

        var medium = Forms.Text(form, "medium");
        var ink = Forms.Text(form, "ink");
        if (medium is null)
        {
            return Layout.Page(context, "Issue a chart", Layout.Note("medium: name the medium of the chart", "error"), 400);
        }

        var made = Make(resources, ink, medium, form["reading"].Where(r => r is not null).Select(r => r!).ToArray());
        if (made.Error is not null)
        {
            return Layout.Page(context, "Issue a chart", Layout.Note(made.Error, "error"), 400);
        }

        using var snapshots = OpenSnapshots(resources, out var refused);
        if (snapshots is null)
        {
            return Layout.Page(context, "Issue a chart", Layout.Note(refused!, "error"), 501);
        }

        var issued = snapshots.Add(new ChartSnapshot(0, medium, ink, made.Versions, Forms.UserOf(context), DateTimeOffset.UtcNow, Forms.Text(form, "note") ?? string.Empty, made.Html!, made.Json!));
        return Results.Redirect($"/charts/issued/{issued.Number}");
    }

    private static IResult Issued(HttpContext context, ServerResources resources, long number)
    {
        using var snapshots = OpenSnapshots(resources, out var refused);
        if (snapshots is null)
        {
            return Layout.Page(context, "Issued chart", Layout.Note(refused!, "error"), 501);
        }

        if (snapshots.Get(number) is not { } s)
        {
            return Layout.NotFound(context, $"no issued chart No. {number}");
        }

        var current = $"/charts?medium={U(s.MediumId)}" + (s.InkId is null ? string.Empty : $"&ink={U(s.InkId)}");
        return Layout.Page(context, $"Issued chart No. {s.Number}: {(s.InkId is null ? string.Empty : s.InkId + " on ")}{s.MediumId}", $"""
            <div class="panel" id="issued-meta">
            <p><b>Issued</b> {s.IssuedUtc:yyyy-MM-dd HH:mm:ss} UTC by <b>{E(s.IssuedBy)}</b>. {(s.Note.Length > 0 ? $"<b>Note:</b> {E(s.Note)}" : string.Empty)}</p>
            <p><b>Record versions used:</b> <span class="mono">{E(string.Join(", ", s.Versions))}</span></p>
            <p class="no-print">This is the chart as it was issued; it does not change when the records do. <a href="{E(current)}">The chart on today's records</a></p>
            </div>
            <div class="chart-frame" id="chart">{BodyOf(s.Html)}</div>
            """);
    }
}
