using DyeRegistry.Application.Accounts;
using DyeRegistry.Application.Rendering;
using DyeRegistry.Application.Searching;
using DyeRegistry.Chemistry;
using DyeRegistry.Storage;

namespace DyeRegistry.Server.Api;

/// <summary><c>GET /api/v1/search?smarts=|formula=|similar=</c>: the registered dyes by
/// substructure, formula membership or similarity, as <c>dyereg search --format jsonl</c> gives
/// them; a SMARTS search under the server's size limits and time budget says when it ran out.</summary>
internal static class SearchEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/search", Search).RequireAuthorization(RolePolicies.For(Role.Viewer));

    private static IResult Search(IRegistryStore store, ServerResources resources, string? smarts, string? formula, string? similar, double? min_tanimoto)
    {
        try
        {
            var query = new DyeSearchQuery(smarts, formula, similar) { MinTanimoto = min_tanimoto ?? 0.7, Limits = resources.Options.SearchLimits }.Checked();
            var result = DyeSearch.Run(store, resources.Chemistry, query);
            return Results.Ok(new
            {
                complete = result.Complete,
                searched = result.Searched,
                unreadable = result.Unreadable,
                message = result.Complete ? null : FormattableString.Invariant(
                    $"search stopped: the time limit of {result.Budget.TotalSeconds:G} s ran out after {result.Searched} dyes; the {result.Hits.Count} hits are those found so far, not all"),
                hits = result.Hits.Select(SearchHitText.Json),
            });
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message.Replace("--smarts, --formula, --similar", "smarts, formula, similar", StringComparison.Ordinal));
        }
        catch (ChemistryException e)
        {
            return Problems.Unprocessable(e.Message);
        }
    }
}
