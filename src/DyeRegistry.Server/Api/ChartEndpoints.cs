using DyeRegistry.Application.Accounts;
using DyeRegistry.Application.Charts;
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
/// <c>--claim</c> and <c>--reading</c>.
/// </summary>
internal static class ChartEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/charts", Chart).RequireAuthorization(RolePolicies.For(Role.Viewer));
        api.MapGet("/charts/matrix", Matrix).RequireAuthorization(RolePolicies.For(Role.Viewer));
    }

    private static IResult Chart(ServerResources resources, System.Security.Claims.ClaimsPrincipal user, string? medium, string? ink, string? format, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? claim, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? reading) =>
        Run(resources, format, claim, reading, (charts, sources, fmt, shown) =>
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

    private static IResult Matrix(ServerResources resources, string? format, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? claim, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? reading) =>
        Run(resources, format, claim, reading, (charts, sources, fmt, shown) => charts.Matrix(sources, fmt, shown, DateTimeOffset.UtcNow));

    private static IResult Run(ServerResources resources, string? format, string[]? claim, string[]? reading, Func<ClaimCharts, ScopeSources, string, Func<ClaimResult, bool>, (string Text, List<string> Failures)> make)
    {
        var fmt = format ?? "json";
        if (!ClaimCharts.Formats.Contains(fmt))
        {
            return Problems.BadRequest($"format: '{fmt}' is not one of {string.Join(", ", ClaimCharts.Formats)}");
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
}
