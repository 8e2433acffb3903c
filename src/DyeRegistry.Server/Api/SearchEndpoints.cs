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
            // Streamed: the hits are serialized as they are found, none kept (bounded memory
            // whatever their number); what the search did is known after them, so it follows them.
            var result = DyeSearch.Stream(store, resources.Chemistry, query);
            return Results.Ok(new SearchResponse(result));
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

    /// <summary>The response: the hits first (streamed), then whether the search was complete,
    /// read once the hits are written (System.Text.Json writes properties in declaration order and
    /// reads each getter when it gets to it).</summary>
    private sealed class SearchResponse(DyeSearchStream result)
    {
        private long count;

        [System.Text.Json.Serialization.JsonPropertyName("hits")]
        public IEnumerable<System.Text.Json.Nodes.JsonObject> Hits => result.Hits.Select(h =>
        {
            count++;
            return SearchHitText.Json(h);
        });

        [System.Text.Json.Serialization.JsonPropertyName("complete")]
        public bool Complete => result.Complete;

        [System.Text.Json.Serialization.JsonPropertyName("searched")]
        public long Searched => result.SearchedOr(count);

        [System.Text.Json.Serialization.JsonPropertyName("unreadable")]
        public IReadOnlyList<string> Unreadable => result.Unreadable;

        [System.Text.Json.Serialization.JsonPropertyName("message")]
        public string? Message => result.Complete ? null : FormattableString.Invariant(
            $"search stopped: the time limit of {result.Budget.TotalSeconds:G} s ran out after {result.Searched} dyes; the {count} hits are those found so far, not all");
    }
}
