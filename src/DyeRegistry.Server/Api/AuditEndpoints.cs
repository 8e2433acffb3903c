using System.Text.Json.Nodes;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Accounts;

namespace DyeRegistry.Server.Api;

/// <summary><c>GET /api/v1/audit?record=&amp;user=&amp;from=&amp;to=&amp;limit=</c>: every change made
/// through the service, oldest first, with user, time, request id, and the documents before
/// and after (from the record's history).</summary>
internal static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/audit", Audit).RequireAuthorization(RolePolicies.For(Role.Viewer));

    private static IResult Audit(IRegistryStore store, IAccountStore accounts, string? record, string? user, DateTimeOffset? from, DateTimeOffset? to, int? limit)
    {
        var take = limit ?? 1000;
        if (take < 1 || take > 10_000)
        {
            return Problems.BadRequest("limit: 1 to 10000");
        }

        var entries = accounts.Audit(new AuditFilter(record, user, from, to, take));
        var histories = new Dictionary<string, IReadOnlyList<RecordChange>>(StringComparer.Ordinal);
        return Results.Ok(entries.Select(e =>
        {
            if (!histories.TryGetValue(e.RecordId, out var history))
            {
                histories[e.RecordId] = history = store.History(e.RecordId);
            }

            var change = history.FirstOrDefault(h => h.Version == e.Version && h.Change == e.Change);
            return new
            {
                sequence = e.Sequence,
                record = e.RecordId,
                version = e.Version,
                change = e.Change,
                user = e.User,
                request_id = e.RequestId,
                at = e.AtUtc,
                reason = e.Reason,
                previous = change?.PreviousDocument is { } p ? JsonNode.Parse(p) : null,
                document = change?.Document is { } d ? JsonNode.Parse(d) : null,
            };
        }).ToList());
    }
}
