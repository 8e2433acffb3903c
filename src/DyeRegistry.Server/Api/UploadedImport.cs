using System.Text.Json.Nodes;
using DyeRegistry.Application.Records;
using DyeRegistry.Chemistry.IO;
using DyeRegistry.Registry;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Accounts;

namespace DyeRegistry.Server.Api;

/// <summary>
/// An uploaded file (JSON records, SDF, SMILES/CSV/TSV) run through the import use case of
/// <c>dyereg import</c> (<see cref="RecordImport"/>), for real or as a dry run, with the same
/// per-record outcomes. The import endpoint and the bulk upload page both come here.
/// </summary>
internal static class UploadedImport
{
    /// <summary>The formats a file may be given in, and the extension the readers decide by.</summary>
    public static readonly IReadOnlyDictionary<string, string> Extensions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = ".json",
        ["sdf"] = ".sdf",
        ["smiles"] = ".smi",
        ["csv"] = ".csv",
        ["tsv"] = ".tsv",
    };

    /// <summary>The format named by a format parameter, a file name's extension or a content type; null when none says.</summary>
    public static string? FormatOf(string? format, string? fileName, string? contentType)
    {
        if (!string.IsNullOrWhiteSpace(format))
        {
            return format.Trim().ToLowerInvariant();
        }

        var ext = fileName is null ? null : Path.GetExtension(fileName).ToLowerInvariant();
        var byName = ext switch
        {
            ".json" => "json",
            ".sdf" or ".sd" or ".mol" => "sdf",
            ".smi" or ".smiles" or ".ism" or ".txt" => "smiles",
            ".csv" => "csv",
            ".tsv" or ".tab" => "tsv",
            _ => null,
        };
        if (byName is not null)
        {
            return byName;
        }

        return contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
        {
            "application/json" => "json",
            "chemical/x-mdl-sdfile" => "sdf",
            "chemical/x-daylight-smiles" or "text/plain" => "smiles",
            "text/csv" => "csv",
            "text/tab-separated-values" => "tsv",
            _ => null,
        };
    }

    /// <summary>What came of one upload: the outcomes (their <c>Where</c> names the uploaded file) and how its lines were read.</summary>
    public sealed record Result(string FileName, bool DryRun, IReadOnlyList<ImportOutcome> Outcomes, IReadOnlyList<string> Rules);

    /// <summary>Runs the import on <paramref name="body"/>. Throws <see cref="IOException"/> for a file that
    /// cannot be read as the format says (a named column missing, a broken encoding).</summary>
    public static Result Run(byte[] body, string format, string fileName, ImportOptions options, SmilesColumns columns, StructureFieldMap fields, IRegistryStore store, ServerResources resources)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dyereg-upload-{Guid.NewGuid():N}{Extensions[format]}");
        File.WriteAllBytes(path, body);
        try
        {
            var rules = new List<string>();
            var outcomes = RecordImport.Run(store, resources.Chemistry, [path], options, resources.Options.StructureLimits, Math.Max(1, Environment.ProcessorCount / 2), null, columns, (_, rule) => rules.Add(rule), null, fields);
            return new Result(fileName, options.DryRun, [.. outcomes.Select(o => o with { Input = o.Input with { File = fileName } })], rules);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The report's word for an outcome: created, form, updated, unchanged, duplicate, failed.</summary>
    public static string StatusText(ImportOutcome o) => o.Status == ImportStatus.Created && o.FormOf is not null ? "form" : o.Status.ToString().ToLowerInvariant();

    public static readonly string[] StatusWords = ["created", "form", "updated", "unchanged", "duplicate", "failed"];

    /// <summary>A file the readers could not take at all (not JSON, not one record): its message, else null.</summary>
    public static string? Unreadable(Result r) =>
        r.Outcomes.Count == 0 ? $"{r.FileName}: no records in the file"
        : r.Outcomes is [{ Input: { Document: null, Location: "file" } } only] ? only.Input.Where + ": " + only.Message
        : null;

    /// <summary>The report as JSON: per record where, id, status, version, form_of, message; and counts.</summary>
    public static JsonObject Report(Result r)
    {
        var counts = new JsonObject();
        foreach (var word in StatusWords)
        {
            counts[word] = r.Outcomes.Count(o => StatusText(o) == word);
        }

        return new JsonObject
        {
            ["file"] = r.FileName,
            ["dry_run"] = r.DryRun,
            ["read_as"] = new JsonArray([.. r.Rules.Select(x => (JsonNode?)x)]),
            ["counts"] = counts,
            ["records"] = new JsonArray([.. r.Outcomes.Select(o => (JsonNode?)new JsonObject
            {
                ["where"] = o.Input.Where,
                ["id"] = o.Input.Id,
                ["status"] = StatusText(o),
                ["version"] = o.Version,
                ["form_of"] = o.FormOf,
                ["message"] = o.Status == ImportStatus.Duplicate ? "duplicate: " + o.Message : o.Message,
            })]),
        };
    }
}
