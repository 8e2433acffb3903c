using System.Text.Json;
using System.Text.Json.Nodes;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Chemistry.IO;
using DyeRegistry.Registry;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Accounts;

namespace DyeRegistry.Server.Api;

/// <summary>
/// <c>POST /api/v1/import</c>: a file in the body (JSON records, SDF, SMILES, CSV, TSV; said by
/// <c>format</c>, the <c>filename</c>'s extension or the content type), imported as
/// <c>dyereg import</c> imports it, with its per-record report (created, form, updated, unchanged,
/// duplicate, failed with the reason). <c>dryRun=true</c> reports what would happen and writes
/// nothing. Chemist and above; <c>update=true</c> (replace anyone's records) and a record that
/// overrides the duplicate check (<c>distinct_from</c>) are a registrar's.
/// </summary>
internal static class ImportEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/import", Import).RequireAuthorization(RolePolicies.For(Role.Chemist));

    private static async Task<IResult> Import(HttpContext context, IRegistryStore store, IAccountStore accounts, ServerResources resources,
        string? format, string? filename, bool? dryRun, bool? update, bool? asForm, string? smilesColumn, string? idColumn, string? nameColumn)
    {
        var role = RolePolicies.RoleOf(context.User)!.Value;
        var kind = UploadedImport.FormatOf(format, filename, context.Request.ContentType);
        if (kind is null || !UploadedImport.Extensions.ContainsKey(kind))
        {
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType,
                $"format: {(kind is null ? "not given" : $"'{kind}' is not known")}: give format=json|sdf|smiles|csv|tsv, a filename with that extension, or the content type (application/json, chemical/x-mdl-sdfile, chemical/x-daylight-smiles)");
        }

        if (update == true && role < Role.Registrar)
        {
            return Problems.Of(StatusCodes.Status403Forbidden, "update: replacing stored records (anyone's) is for a registrar");
        }

        byte[] body;
        try
        {
            body = await RequestBody.ReadAsync(context.Request, resources.Options.MaxBodyBytes, context.RequestAborted);
        }
        catch (RequestBody.TooLarge e)
        {
            return RequestBody.Refused(e);
        }

        if (body.Length == 0)
        {
            return Problems.BadRequest("request body: empty; send the file's content");
        }

        if (role < Role.Registrar && kind == "json" && OverridesDuplicateCheck(body))
        {
            return Problems.Of(StatusCodes.Status403Forbidden, "distinct_from: registering a dye as unique beside one with the same parent is for a registrar");
        }

        var name = string.IsNullOrWhiteSpace(filename) ? "request body" : Path.GetFileName(filename);
        // Each record's audit entry is written in its own transaction (none in a dry run: rolled back).
        var audit = new ChangeAudit(context.User.Identity!.Name!, context.TraceIdentifier, Context: $"imported from {name}");
        var options = new ImportOptions { DryRun = dryRun == true, Update = update == true, AsForm = asForm == true, Audit = audit };
        UploadedImport.Result result;
        await resources.WriteGate.WaitAsync(context.RequestAborted);
        try
        {
            result = UploadedImport.Run(body, kind, name, options, new SmilesColumns(smilesColumn, idColumn, nameColumn), StructureFieldMap.Default, store, resources);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException)
        {
            return Problems.BadRequest($"{name}: {e.Message}");
        }
        finally
        {
            resources.WriteGate.Release();
        }

        if (UploadedImport.Unreadable(result) is { } unreadable)
        {
            return Problems.BadRequest(unreadable);
        }

        return Results.Json(UploadedImport.Report(result), statusCode: StatusCodes.Status200OK);
    }

    // Any record of a JSON upload that carries distinct_from (unreadable JSON is left to the import's report).
    private static bool OverridesDuplicateCheck(byte[] body)
    {
        try
        {
            var root = JsonNode.Parse(body);
            IEnumerable<JsonNode?> records = root is JsonArray a ? a : [root];
            return records.OfType<JsonObject>().Any(r => r.ContainsKey("distinct_from"));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
