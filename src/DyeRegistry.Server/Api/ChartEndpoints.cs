using DyeRegistry.Application.Accounts;
using DyeRegistry.Application.Charts;
using DyeRegistry.Application.Documents;
using DyeRegistry.Application.Scope;
using DyeRegistry.Claims;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Claims.Loading;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;
using DyeRegistry.Storage.Stores;

namespace DyeRegistry.Server.Api;

/// <summary>
/// Claim charts over registered records, by the renderers <c>dyereg scope</c> uses:
/// <c>GET /api/v1/charts?medium=ID[&amp;ink=ID]&amp;format=json|html|text</c> and
/// <c>GET /api/v1/charts/matrix?format=...</c>, with <c>claim=</c> and <c>reading=</c> as
/// <c>--claim</c> and <c>--reading</c>. The documents come from the same writers as
/// <c>dyereg scope</c>'s: a chart as <c>format=pdf</c> or <c>format=docx</c> (<c>paper=a4|letter</c>,
/// A4 by default), the matrix as <c>format=xlsx</c>.
/// </summary>
internal static class ChartEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/charts", Chart).RequireAuthorization(RolePolicies.For(Role.Viewer));
        api.MapGet("/charts/matrix", Matrix).RequireAuthorization(RolePolicies.For(Role.Viewer));
    }

    private static IResult Chart(ServerResources resources, System.Security.Claims.ClaimsPrincipal user, string? medium, string? ink, string? format, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? claim, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? reading, string? paper) =>
        format is "pdf" or "docx" ? ChartDocument(resources, user, medium, ink, format, claim, reading, paper) : Run(resources, format, claim, reading, (charts, sources, fmt, shown) =>
        {
            if (medium is null)
            {
                throw new ArgumentException("medium: name the medium (medium=ID)");
            }

            var m = sources.Get(medium, RecordKind.Medium);
            var i = ink is null ? null : sources.Get(ink, RecordKind.Ink);
            // The chart names the signed-in account as its author (issue 21).
            return (ClaimCharts.Render(charts.Evaluate(sources, m, i), fmt, shown, DateTimeOffset.UtcNow, user.Identity?.Name ?? ClaimCharts.UnknownAuthor), []);
        });

    private static IResult Matrix(ServerResources resources, System.Security.Claims.ClaimsPrincipal user, string? format, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? claim, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? reading) =>
        format == "xlsx" ? MatrixWorkbook(resources, user, claim, reading) : Run(resources, format, claim, reading, (charts, sources, fmt, shown) => charts.Matrix(sources, fmt, shown, DateTimeOffset.UtcNow));

    private static IResult Run(ServerResources resources, string? format, string[]? claim, string[]? reading, Func<ClaimCharts, ScopeSources, string, Func<ClaimResult, bool>, (string Text, List<string> Failures)> make)
    {
        var fmt = format ?? "json";
        if (!ClaimCharts.Formats.Contains(fmt))
        {
            return Problems.BadRequest($"format: '{fmt}' is not one of {string.Join(", ", ClaimCharts.Formats)} (documents: pdf or docx for a chart, xlsx for the matrix)");
        }

        try
        {
            var choices = ReadingChoices.Create(resources.Claims.Readings, reading ?? []);
            var shown = ClaimCharts.Filter(claim ?? [], resources.Claims);
            var charts = new ClaimCharts(resources.Claims, choices, resources.Formulas, depict: fmt == "html");
            using var sources = new ScopeSources(resources.Options.Registry, p => RegistryStores.Open(p, create: false), []);
            var (text, _) = make(charts, sources, fmt, shown); // the matrix names its failures inside
            return Results.Text(text, fmt switch { "json" => "application/json", "html" => "text/html; charset=utf-8", _ => "text/plain; charset=utf-8" }, System.Text.Encoding.UTF8);
        }
        catch (Exception e) when (e is ArgumentException or RegistryException or ClaimFileException)
        {
            return Problems.BadRequest(e.Message);
        }
    }
    /// <summary>Content types of the document formats.</summary>
    public static string ContentType(string format) => format switch
    {
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a document format"),
    };

    // A chart as PDF (Debian's chromium prints the chart's HTML) or Word, named by the signed-in account.
    private static IResult ChartDocument(ServerResources resources, System.Security.Claims.ClaimsPrincipal user, string? medium, string? ink, string format, string[]? claim, string[]? reading, string? paper)
    {
        if (medium is null)
        {
            return Problems.BadRequest("medium: name the medium (medium=ID)");
        }

        if ((paper is null ? ChartPaper.A4 : ChartPapers.Parse(paper)) is not { } sheet)
        {
            return Problems.BadRequest($"paper: '{paper}' is not one of a4, letter");
        }

        return Document(() =>
        {
            var choices = ReadingChoices.Create(resources.Claims.Readings, reading ?? []);
            var shown = ClaimCharts.Filter(claim ?? [], resources.Claims);
            var charts = new ClaimCharts(resources.Claims, choices, resources.Formulas, depict: true); // the PDF's HTML and the Word document both draw the dyes
            using var sources = new ScopeSources(resources.Options.Registry, p => RegistryStores.Open(p, create: false), []);
            var m = sources.Get(medium, RecordKind.Medium);
            var i = ink is null ? null : sources.Get(ink, RecordKind.Ink);
            var bytes = ClaimCharts.Document(charts.Evaluate(sources, m, i), format, shown, DateTimeOffset.UtcNow, user.Identity?.Name ?? ClaimCharts.UnknownAuthor, sheet);
            return (bytes, $"chart-{(ink is null ? string.Empty : ink + "-on-")}{medium}.{format}");
        }, format);
    }

    // The portfolio matrix as an Excel workbook, one sheet per patent (records that fail are named in it).
    private static IResult MatrixWorkbook(ServerResources resources, System.Security.Claims.ClaimsPrincipal user, string[]? claim, string[]? reading) =>
        Document(() =>
        {
            var choices = ReadingChoices.Create(resources.Claims.Readings, reading ?? []);
            var shown = ClaimCharts.Filter(claim ?? [], resources.Claims);
            var charts = new ClaimCharts(resources.Claims, choices, resources.Formulas, depict: false);
            using var sources = new ScopeSources(resources.Options.Registry, p => RegistryStores.Open(p, create: false), []);
            var (workbook, _) = charts.MatrixWorkbook(sources, shown, DateTimeOffset.UtcNow, user.Identity?.Name ?? ClaimCharts.UnknownAuthor);
            return (workbook, "claim-matrix.xlsx");
        }, "xlsx");

    private static IResult Document(Func<(byte[] Bytes, string FileName)> make, string format)
    {
        try
        {
            var (bytes, name) = make();
            return Results.File(bytes, ContentType(format), name);
        }
        catch (Exception e) when (e is ArgumentException or RegistryException or ClaimFileException)
        {
            return Problems.BadRequest(e.Message);
        }
        catch (IOException e)
        {
            // The PDF's browser missing or failing: the server cannot make this format now.
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, e.Message);
        }
    }
}
