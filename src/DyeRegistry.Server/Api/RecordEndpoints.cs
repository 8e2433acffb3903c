using System.Text.Json.Nodes;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Application.Records;
using DyeRegistry.Registry;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Accounts;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Server.Api;

/// <summary>
/// <c>/api/v1/records</c>: list (kind and text filter, paging), get (a version, the history),
/// put (create, or update with <c>If-Match: "VERSION"</c>), delete. Documents are the exchange
/// format of records.md, validated as <c>dyereg import</c> validates them, with its messages.
/// </summary>
internal static class RecordEndpoints
{
    public const int MaxPage = 1000;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/records", List).RequireAuthorization(RolePolicies.For(Role.Viewer));
        api.MapGet("/records/{id}", Get).RequireAuthorization(RolePolicies.For(Role.Viewer));
        api.MapPut("/records/{id}", Put).RequireAuthorization(RolePolicies.For(Role.Chemist));
        api.MapDelete("/records/{id}", Delete).RequireAuthorization(RolePolicies.For(Role.Registrar));
    }

    private static IResult List(IRegistryStore store, string? kind, string? text, int? offset, int? limit)
    {
        RecordKind? k;
        try
        {
            k = RecordKinds.Parse(kind);
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest("kind: " + e.Message);
        }

        var (skip, take) = (offset ?? 0, limit ?? 100);
        if (skip < 0 || take < 1 || take > MaxPage)
        {
            return Problems.BadRequest($"offset: 0 or more; limit: 1 to {MaxPage}");
        }

        // Streamed: only the page asked for is kept, whatever the registry size.
        var total = 0;
        var page = new List<StoredRecord>();
        foreach (var r in store.Records(k).Where(r => text is null || r.Id.Contains(text, StringComparison.OrdinalIgnoreCase)
            || (r.Document["name"] is JsonValue v && v.TryGetValue<string>(out var n) && n.Contains(text, StringComparison.OrdinalIgnoreCase))))
        {
            if (total++ >= skip && page.Count < take)
            {
                page.Add(r);
            }
        }

        return Results.Ok(new
        {
            total,
            offset = skip,
            limit = take,
            records = page.Select(r => new
            {
                id = r.Id,
                kind = RecordSchema.KindText(r.Kind),
                version = r.Version,
                name = r.Document["name"] is JsonValue nv && nv.TryGetValue<string>(out var name) ? name : null,
                updated = r.UpdatedUtc,
            }),
        });
    }

    private static IResult Get(HttpContext context, IRegistryStore store, string id, int? version)
    {
        RecordView view;
        try
        {
            view = RecordView.Of(store, id);
        }
        catch (RegistryException e)
        {
            return Problems.NotFound(e.Message);
        }

        var document = view.Record.Document;
        if (version is { } v && v != view.Record.Version)
        {
            var change = view.History.FirstOrDefault(h => h.Version == v && h.Document is not null);
            if (change is null)
            {
                return Problems.NotFound($"record '{id}' has no version {v} (versions: {string.Join(", ", view.History.Where(h => h.Document is not null).Select(h => h.Version))})");
            }

            document = JsonNode.Parse(change.Document!)!.AsObject();
        }

        context.Response.Headers.ETag = ETag(view.Record.Version);
        return Results.Ok(new
        {
            id = view.Record.Id,
            kind = RecordSchema.KindText(view.Record.Kind),
            version = version ?? view.Record.Version,
            current_version = view.Record.Version,
            updated = view.Record.UpdatedUtc,
            document,
            dye = view.Dye is { } d ? new { parent_smiles = d.ParentSmiles, removed = d.RemovedFragments, within = d.Within, formula_files = d.FormulaStamp } : null,
            computed = view.Computed.Select(q => new { field = q.Field, value = q.Value, unit = q.Unit, method = q.Method }),
            history = view.History.Select(h => new { version = h.Version, change = h.Change, at = h.AtUtc }),
            referenced_by = view.ReferencedBy,
        });
    }

    private static async Task<IResult> Put(HttpContext context, IRegistryStore store, IAccountStore accounts, ServerResources resources, string id, bool? asForm, string? reason)
    {
        byte[] body;
        try
        {
            body = await RequestBody.ReadAsync(context.Request, resources.Options.MaxBodyBytes, context.RequestAborted);
        }
        catch (RequestBody.TooLarge e)
        {
            return RequestBody.Refused(e);
        }

        var inputs = await RequestBody.WithTemporaryFile(body, ".json", p => RecordReader.ReadJson(p).ToList());
        if (inputs.Count != 1 || inputs[0].Document is null)
        {
            return Problems.BadRequest(inputs.Count == 1 ? inputs[0].ReadError! : $"expected one record object, not {inputs.Count}");
        }

        var input = inputs[0] with { File = "request body", Location = "record" };
        if (input.Id != id)
        {
            return Problems.Unprocessable($"id: the document's id '{input.Id}' is not the id in the path '{id}'");
        }

        var user = context.User.Identity!.Name!;
        var role = RolePolicies.RoleOf(context.User)!.Value;
        // Adding a duplicate as a form of the registered dye is a chemist's choice (docs/roles.md);
        // overriding the duplicate check (distinct_from: a unique dye beside it, with the reason) a registrar's.
        var distinct = input.Document!["distinct_from"];
        if (distinct is not null && role < Role.Registrar && !JsonNode.DeepEquals(distinct, store.Get(id)?.Document["distinct_from"]))
        {
            return Problems.Of(StatusCodes.Status403Forbidden, "distinct_from: registering a dye as unique beside one with the same parent (overriding the duplicate check) is for a registrar");
        }

        await resources.WriteGate.WaitAsync(context.RequestAborted);
        try
        {
            var existing = store.Get(id);
            if (Precondition(context, existing, id) is { } refused)
            {
                return refused;
            }

            if (existing is not null && role < Role.Registrar && !Web.History.CreatedBy(accounts, id, user))
            {
                return Problems.Of(StatusCodes.Status403Forbidden, $"record '{id}' was not created by {user}: a registrar edits anyone's records");
            }

            // The version If-Match named is checked again by the store inside the write's transaction
            // (another server process on the same registry may have changed it since the read
            // above), and the audit entry is written in that transaction.
            var importer = new RegistryImporter(store, resources.Chemistry);
            var outcome = importer.Import([importer.Prepare(input)], new ImportOptions
            {
                Update = existing is not null,
                IfVersion = existing?.Version,
                AsForm = asForm == true,
                Audit = new ChangeAudit(user, context.TraceIdentifier, asForm == true && !string.IsNullOrWhiteSpace(reason) ? reason : null),
            })[0];
            switch (outcome.Status)
            {
                case ImportStatus.Failed when outcome.VersionConflict:
                    return Problems.Of(StatusCodes.Status412PreconditionFailed, "If-Match: " + outcome.Message);
                case ImportStatus.Created or ImportStatus.Updated:
                    var change = outcome.Status == ImportStatus.Created ? "created" : "updated";
                    context.Response.Headers.ETag = ETag(outcome.Version!.Value);
                    var result = new { id, status = change, version = outcome.Version, message = outcome.Message };
                    return outcome.Status == ImportStatus.Created ? Results.Created($"/api/v1/records/{Uri.EscapeDataString(id)}", result) : Results.Ok(result);
                case ImportStatus.Unchanged:
                    context.Response.Headers.ETag = ETag(outcome.Version!.Value);
                    return Results.Ok(new { id, status = "unchanged", version = outcome.Version, message = (string?)null });
                case ImportStatus.Duplicate:
                    return Problems.Of(StatusCodes.Status409Conflict, "duplicate: " + outcome.Message);
                default:
                    return Problems.Unprocessable(outcome.Message ?? "not stored");
            }
        }
        finally
        {
            resources.WriteGate.Release();
        }
    }

    private static async Task<IResult> Delete(HttpContext context, IRegistryStore store, IAccountStore accounts, ServerResources resources, string id)
    {
        await resources.WriteGate.WaitAsync(context.RequestAborted);
        try
        {
            var existing = store.Get(id);
            if (existing is null)
            {
                return Problems.NotFound($"no record '{id}'");
            }

            if (Precondition(context, existing, id) is { } refused && context.Request.Headers.IfMatch.Count > 0)
            {
                return refused;
            }

            try
            {
                new RegistryEditor(store).Delete(id, new ChangeAudit(context.User.Identity!.Name!, context.TraceIdentifier),
                    context.Request.Headers.IfMatch.Count > 0 ? existing.Version : null);
            }
            catch (VersionConflictException e)
            {
                return Problems.Of(StatusCodes.Status412PreconditionFailed, "If-Match: " + e.Message);
            }
            catch (RegistryException e)
            {
                return Problems.Of(StatusCodes.Status409Conflict, e.Message);
            }

            return Results.NoContent();
        }
        finally
        {
            resources.WriteGate.Release();
        }
    }

    // If-Match: required to replace a stored record (428 without), and its version must be the
    // stored one (412 otherwise). Any If-Match on a missing record is stale (412): a record
    // deleted meanwhile is not recreated by a client that thought it was editing it.
    private static IResult? Precondition(HttpContext context, StoredRecord? existing, string id)
    {
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (existing is null)
        {
            return ifMatch.Length == 0 ? null : Problems.Of(StatusCodes.Status412PreconditionFailed, $"If-Match: record '{id}' does not exist (it was deleted, or never created)");
        }

        if (ifMatch.Length == 0)
        {
            return Problems.Of(StatusCodes.Status428PreconditionRequired, $"If-Match: record '{id}' exists (version {existing.Version}); send If-Match: \"{existing.Version}\" to replace it");
        }

        return ifMatch == ETag(existing.Version) ? null
            : Problems.Of(StatusCodes.Status412PreconditionFailed, $"If-Match: record '{id}' is at version {existing.Version}, not {ifMatch}; nothing was written");
    }

    // The record's creator is who created it last through the service; a record imported with
    // dyereg import has none, and only a registrar edits it.
    private static string ETag(int version) => $"\"{version}\"";
}
