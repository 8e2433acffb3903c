using System.Text;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Chemistry.IO;
using DyeRegistry.Registry;
using DyeRegistry.Server.Api;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Accounts;
using static DyeRegistry.Server.Web.Html;

namespace DyeRegistry.Server.Web;

/// <summary>
/// <c>/register/bulk</c> (chemist and above): an SDF, SMILES, CSV or TSV file of dyes (or JSON
/// records) in three steps: upload; map the file's fields (which SD tag or column is the SMILES,
/// the id, the name, the supplier, the catalogue and CAS numbers); a validation report of what the
/// import would do (a dry run of the import use case: created, form, duplicate, failed with the
/// reason); then commit, which runs the same import for real. The file travels between the steps
/// in the form (base64), so the server keeps nothing between them.
/// </summary>
internal static class BulkUploadPage
{
    private const int SampledRecords = 200;

    public static void Map(WebApplication app)
    {
        app.MapGet("/register/bulk", (HttpContext c) => Upload(c, null, 200)).RequireAuthorization(RolePolicies.For(Role.Chemist));
        app.MapPost("/register/bulk", Post).RequireAuthorization(RolePolicies.For(Role.Chemist));
    }

    /// <summary>The mapping chosen in step 2: header or tag names; null keeps import's default.</summary>
    private sealed record Mapping(string? Smiles, string? Id, string? Name, string? Supplier, string? Catalog, string? Cas, bool AsForm)
    {
        public SmilesColumns Columns(string format) => format is "sdf" or "json" ? SmilesColumns.Auto : new SmilesColumns(Smiles, Id, Name);

        public StructureFieldMap Fields(string format) => format == "sdf"
            ? new StructureFieldMap(Id, Name, Supplier, Catalog, Cas)
            : new StructureFieldMap(null, null, Supplier, Catalog, Cas);

        public static Mapping Read(IFormCollection form) => new(Forms.Text(form, "map_smiles"), Forms.Text(form, "map_id"), Forms.Text(form, "map_name"),
            Forms.Text(form, "map_supplier"), Forms.Text(form, "map_catalog"), Forms.Text(form, "map_cas"), Forms.Text(form, "as_form") == "on");
    }

    private static async Task<IResult> Post(HttpContext context, IRegistryStore store, IAccountStore accounts, ServerResources resources)
    {
        var form = await Forms.ReadAsync(context);
        if (form is null)
        {
            return Forms.Forged();
        }

        var action = Forms.Text(form, "action") ?? "read";
        string fileName;
        byte[] content;
        if (action == "read")
        {
            var file = form.Files.GetFile("file");
            if (file is null || file.Length == 0)
            {
                return Upload(context, "file: choose an SDF, SMILES, CSV, TSV or JSON file to upload", 400);
            }

            fileName = Path.GetFileName(file.FileName);
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, context.RequestAborted);
            content = buffer.ToArray();
        }
        else
        {
            fileName = Forms.Text(form, "file_name") ?? "upload";
            try
            {
                content = Convert.FromBase64String(Forms.Text(form, "content") ?? string.Empty);
            }
            catch (FormatException)
            {
                return Upload(context, "content: the uploaded file did not come back intact; upload it again", 400);
            }
        }

        var format = UploadedImport.FormatOf(Forms.Text(form, "format") is { } f && f != "auto" ? f : null, fileName, null);
        if (format is null || !UploadedImport.Extensions.ContainsKey(format))
        {
            return Upload(context, $"format: cannot tell the format of '{fileName}': choose SDF, SMILES, CSV, TSV or JSON", 400);
        }

        var mapping = action == "read" ? new Mapping(null, null, null, null, null, null, false) : Mapping.Read(form);
        if (action is "read" or "map")
        {
            return MappingStep(context, fileName, format, content, mapping, resources, null);
        }

        var commit = action == "commit";
        UploadedImport.Result result;
        await resources.WriteGate.WaitAsync(context.RequestAborted);
        try
        {
            result = UploadedImport.Run(content, format, fileName, new ImportOptions { DryRun = !commit, AsForm = mapping.AsForm, Audit = new ChangeAudit(Forms.UserOf(context), context.TraceIdentifier, Context: $"imported from {fileName}") }, mapping.Columns(format), mapping.Fields(format), store, resources);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException)
        {
            return MappingStep(context, fileName, format, content, mapping, resources, e.Message);
        }
        finally
        {
            resources.WriteGate.Release();
        }

        return Report(context, fileName, format, content, mapping, result);
    }

    private static IResult Upload(HttpContext context, string? error, int status)
    {
        var html = new StringBuilder();
        if (error is not null)
        {
            html.Append(Layout.Note(error, "error"));
        }

        html.Append($"""
            <p>Step 1 of 3: upload. Then map the file's fields, read the validation report (nothing is written yet), and commit.</p>
            <form method="post" action="/register/bulk" enctype="multipart/form-data" class="panel" id="upload-form">
            {Forms.Token(context)}
            <div class="row">
            <div class="field"><label for="f-file">File of dyes (SDF, SMILES, CSV, TSV, or JSON records)</label><input id="f-file" name="file" type="file" accept=".sdf,.sd,.mol,.smi,.smiles,.txt,.csv,.tsv,.json" required></div>
            {Select("format", "Format", [("auto", "from the file name"), ("sdf", "SDF"), ("smiles", "SMILES lines"), ("csv", "CSV"), ("tsv", "TSV"), ("json", "JSON records")], "auto")}
            </div>
            <div class="actions"><button type="submit" name="action" value="read">Read the file</button> <a href="/register">Register one dye</a></div>
            </form>
            """);
        return Layout.Page(context, "Bulk upload", html.ToString(), status);
    }

    // The fields the file offers (SD tags, or header columns), from its first records.
    private static (IReadOnlyList<string> Names, IReadOnlyList<IReadOnlyDictionary<string, string>> Sample, string? Rule, bool Header) Fields(string format, byte[] content, ServerResources resources)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dyereg-upload-{Guid.NewGuid():N}{UploadedImport.Extensions[format]}");
        File.WriteAllBytes(path, content);
        try
        {
            var names = new List<string>();
            var sample = new List<IReadOnlyDictionary<string, string>>();
            string? rule = null;
            var header = false;
            if (format is "smiles" or "csv" or "tsv")
            {
                using var reader = new StreamReader(path);
                var first = reader.ReadLine();
                var layout = SmilesLayout.Decide(first, UploadedImport.Extensions[format], SmilesColumns.Auto);
                header = layout.Header;
                names.AddRange(layout.Header ? layout.HeaderNames : Enumerable.Range(1, layout.Fields(first ?? string.Empty).Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                rule = layout.Rule;
            }

            foreach (var r in StructureFileReader.Read(path, resources.Options.StructureLimits).Take(SampledRecords))
            {
                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                if (r.Id is not null)
                {
                    row[format == "sdf" ? "(title line)" : "(id)"] = r.Id;
                }

                foreach (var (k, v) in r.Fields)
                {
                    row[k] = v;
                    if (format == "sdf" && !names.Contains(k, StringComparer.OrdinalIgnoreCase))
                    {
                        names.Add(k);
                    }
                }

                if (sample.Count < 5)
                {
                    sample.Add(row);
                }
            }

            return (names, sample, rule, header);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Hidden(string fileName, string format, byte[] content) =>
        $"<input type=\"hidden\" name=\"file_name\" value=\"{E(fileName)}\"><input type=\"hidden\" name=\"format\" value=\"{E(format)}\"><input type=\"hidden\" name=\"content\" value=\"{Convert.ToBase64String(content)}\">";

    private static string MappingHidden(Mapping m) => string.Concat(new[]
    {
        ("map_smiles", m.Smiles), ("map_id", m.Id), ("map_name", m.Name), ("map_supplier", m.Supplier), ("map_catalog", m.Catalog), ("map_cas", m.Cas),
    }.Where(p => p.Item2 is not null).Select(p => $"<input type=\"hidden\" name=\"{p.Item1}\" value=\"{E(p.Item2)}\">")) +
        (m.AsForm ? "<input type=\"hidden\" name=\"as_form\" value=\"on\">" : string.Empty);

    private static IResult MappingStep(HttpContext context, string fileName, string format, byte[] content, Mapping mapping, ServerResources resources, string? error)
    {
        var html = new StringBuilder();
        if (error is not null)
        {
            html.Append(Layout.Note(error, "error"));
        }

        IReadOnlyList<string> names;
        IReadOnlyList<IReadOnlyDictionary<string, string>> sample = [];
        string? rule = null;
        var header = false;
        try
        {
            (names, sample, rule, header) = format == "json" ? ([], [], null, false) : Fields(format, content, resources);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return Upload(context, $"{fileName}: {e.Message}", 400);
        }

        html.Append($"<p>Step 2 of 3: which of <b>{E(fileName)}</b>'s {(format == "sdf" ? "SD tags" : "columns")} hold what. Defaults: import's own names (ID, NAME, SUPPLIER, CATALOG_NUMBER, CAS; or a header column smiles, id, name).</p>");
        if (rule is not null)
        {
            html.Append($"<p class=\"muted\" id=\"read-rule\">Read as: {E(rule)}</p>");
        }

        IEnumerable<(string, string)> Choices(string defaultText) => new[] { (string.Empty, defaultText) }.Concat(names.Select(n => (n, format == "sdf" || header ? n : "column " + n)));
        var fields = format == "json" ? "<p>JSON records carry their own field names: nothing to map.</p>" : string.Concat(
            format == "sdf" ? string.Empty : Select("map_smiles", "SMILES column", Choices("default (smiles, or the first)"), mapping.Smiles),
            Select("map_id", format == "sdf" ? "Id (SD tag)" : "Id column", Choices(format == "sdf" ? "default (ID tag, else the title line)" : "default (id, or after the SMILES)"), mapping.Id),
            Select("map_name", format == "sdf" ? "Name (SD tag)" : "Name column", Choices("default (NAME)"), mapping.Name),
            header || format == "sdf" ? Select("map_supplier", format == "sdf" ? "Supplier (SD tag)" : "Supplier column", Choices("default (SUPPLIER)"), mapping.Supplier) : string.Empty,
            header || format == "sdf" ? Select("map_catalog", format == "sdf" ? "Catalogue number (SD tag)" : "Catalogue number column", Choices("default (CATALOG_NUMBER)"), mapping.Catalog) : string.Empty,
            header || format == "sdf" ? Select("map_cas", format == "sdf" ? "CAS number (SD tag)" : "CAS number column", Choices("default (CAS)"), mapping.Cas) : string.Empty);
        html.Append($"""
            <form method="post" action="/register/bulk" class="panel" id="mapping-form">
            {Forms.Token(context)}{Hidden(fileName, format, content)}
            <div class="row">{fields}</div>
            <div class="field"><label><input type="checkbox" name="as_form"{(mapping.AsForm ? " checked" : string.Empty)}> Add a dye whose parent is registered as a form of that dye (otherwise it is reported as a duplicate)</label></div>
            <div class="actions"><button type="submit" name="action" value="check" id="check-button">Check (nothing is written)</button> <a href="/register/bulk">Upload another file</a></div>
            </form>
            """);
        if (sample.Count > 0)
        {
            var keys = sample.SelectMany(r => r.Keys).Distinct().ToList();
            html.Append("<h2>The first records as read</h2><div class=\"chart-frame\"><table id=\"sample\"><tr>" + string.Concat(keys.Select(k => $"<th>{E(k)}</th>")) + "</tr>" +
                string.Concat(sample.Select(r => "<tr>" + string.Concat(keys.Select(k => $"<td class=\"mono\">{E(r.TryGetValue(k, out var v) ? Short(v) : string.Empty)}</td>")) + "</tr>")) + "</table></div>");
        }

        return Layout.Page(context, "Bulk upload: map the fields", html.ToString(), error is null ? 200 : 400);
    }

    private static string Short(string v) => v.Length > 60 ? v[..57] + "..." : v;

    private static IResult Report(HttpContext context, string fileName, string format, byte[] content, Mapping mapping, UploadedImport.Result result)
    {
        var html = new StringBuilder();
        var counts = UploadedImport.StatusWords.Select(w => (Word: w, Count: result.Outcomes.Count(o => UploadedImport.StatusText(o) == w))).Where(c => c.Count > 0).ToList();
        var summary = $"{result.Outcomes.Count} record{(result.Outcomes.Count == 1 ? string.Empty : "s")}: " + string.Join(", ", counts.Select(c => $"{c.Count} {c.Word}"));
        var writes = result.Outcomes.Count(o => o.Status is ImportStatus.Created or ImportStatus.Updated);
        if (result.DryRun)
        {
            html.Append($"<p>Step 3 of 3: the validation report of <b>{E(fileName)}</b>. Nothing has been written yet.</p>");
            html.Append(Layout.Note("Would be: " + summary, writes > 0 ? "info" : "warn"));
            if (!mapping.AsForm && result.Outcomes.Any(o => o.Status == ImportStatus.Duplicate))
            {
                html.Append("<p class=\"muted\">A duplicate is not imported. To add the duplicates as forms of the registered dyes, choose \"Change the mapping\" and tick \"Add a dye whose parent is registered as a form\"; a registrar registers one as a unique dye, with a reason, on the Register page.</p>");
            }
        }
        else
        {
            html.Append(Layout.Note($"Imported {fileName}: {summary}.", "ok"));
        }

        if (result.Rules.Count > 0)
        {
            html.Append($"<p class=\"muted\">Read as: {E(string.Join("; ", result.Rules))}</p>");
        }

        html.Append("<table id=\"report\"><tr><th>Where</th><th>Id</th><th>Outcome</th><th>Reason or note</th></tr>");
        foreach (var o in result.Outcomes)
        {
            var status = UploadedImport.StatusText(o);
            var id = o.Input.Id is { } i && !result.DryRun && o.Status is ImportStatus.Created or ImportStatus.Updated or ImportStatus.Unchanged ? $"<a href=\"/dyes/{U(i)}\">{E(i)}</a>" : E(o.Input.Id);
            var message = o.Status == ImportStatus.Duplicate ? "duplicate: " + o.Message : o.Message;
            html.Append($"<tr class=\"outcome-{status}\"><td class=\"nowrap\">{E(o.Input.Location)}</td><td class=\"nowrap\">{id}</td><td><b>{E(status)}</b></td><td>{E(message)}</td></tr>");
        }

        html.Append("</table>");
        if (result.DryRun)
        {
            html.Append($"""
                <form method="post" action="/register/bulk" class="actions" id="commit-form">
                {Forms.Token(context)}{Hidden(fileName, format, content)}{MappingHidden(mapping)}
                {(writes > 0 ? $"<button type=\"submit\" name=\"action\" value=\"commit\" id=\"commit-button\">Commit: import {writes} record{(writes == 1 ? string.Empty : "s")}</button>" : "<span class=\"muted\">Nothing would be imported.</span>")}
                <button type="submit" name="action" value="map" class="secondary">Change the mapping</button>
                </form>
                """);
        }
        else
        {
            html.Append("<p><a href=\"/register/bulk\">Upload another file</a> · <a href=\"/search\">Search</a></p>");
        }

        return Layout.Page(context, result.DryRun ? "Bulk upload: validation report" : "Bulk upload: imported", html.ToString());
    }
}
