using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Application.Records;
using DyeRegistry.Registry;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Accounts;
using DyeRegistry.Storage.Records;
using static DyeRegistry.Server.Web.Html;

namespace DyeRegistry.Server.Web;

/// <summary>
/// <c>/inks</c> and <c>/media</c>: lists, and a form per record (<c>/inks/ID</c>, <c>/inks/new</c>,
/// the same for media) with the unit in every label and each error shown at its field. A chemist
/// creates records and edits those they created; a registrar edits anyone's. An edit is written
/// only while the record is still at the version the form was opened on.
/// </summary>
internal static class RecordPages
{
    /// <summary>A numeric field of the form: where it lives in the document, and its label with the unit.</summary>
    private sealed record NumberField(string Path, string Label);

    private static readonly NumberField[] MediumFields =
    [
        new("ink_receiving_layer.dry_thickness_um", "Dry thickness of the ink-receiving layer (µm)"),
        new("ink_receiving_layer.peak_pore_diameter_nm", "Y: peak pore diameter (nm)"),
        new("ink_receiving_layer.pore_volume_at_particle_diameter_ml_per_cm2", "A: pore volume at the particle diameter X (mL/cm²)"),
    ];

    private const int InkComponentRows = 5;

    private static readonly string[] InkForms = ["colored_fine_particle_dispersion", "dye_solution", "pigment_dispersion", "other"];

    private static readonly string[] ComponentRoles = ["dye", "polymer", "solvent", "other"];

    public static void Map(WebApplication app)
    {
        foreach (var (path, kind) in new[] { ("inks", RecordKind.Ink), ("media", RecordKind.Medium) })
        {
            app.MapGet($"/{path}", (HttpContext c, IRegistryStore s) => List(c, s, kind)).RequireAuthorization(RolePolicies.For(Role.Viewer));
            app.MapGet($"/{path}/new", (HttpContext c, IRegistryStore s) => Edit(c, s, kind, null, Template(kind), null, null, [])).RequireAuthorization(RolePolicies.For(Role.Chemist));
            app.MapGet($"/{path}/{{id}}", (HttpContext c, IRegistryStore s, string id) => Show(c, s, kind, id)).RequireAuthorization(RolePolicies.For(Role.Viewer));
            app.MapPost($"/{path}/save", (HttpContext c, IRegistryStore s, IAccountStore a, ServerResources r) => Save(c, s, a, r, kind)).RequireAuthorization(RolePolicies.For(Role.Chemist));
        }
    }

    private static string Path(RecordKind kind) => kind == RecordKind.Ink ? "inks" : "media";

    private static string Title(RecordKind kind) => kind == RecordKind.Ink ? "Inks" : "Media";

    private static IResult List(HttpContext context, IRegistryStore store, RecordKind kind)
    {
        var records = store.List(kind);
        var html = new StringBuilder();
        if (Forms.RoleOf(context) >= Role.Chemist)
        {
            html.Append($"<div class=\"actions\"><a class=\"button\" href=\"/{Path(kind)}/new\">New {(kind == RecordKind.Ink ? "ink" : "medium")}</a></div>");
        }

        html.Append($"<table id=\"records\"><tr><th>Id</th><th>Name</th><th>{(kind == RecordKind.Ink ? "Form" : "Support")}</th><th>Version</th><th>Claim chart</th></tr>");
        foreach (var r in records)
        {
            var detail = kind == RecordKind.Ink ? r.Document["form"]?.ToString() : r.Document["support"]?["type"]?.ToString();
            var chart = kind == RecordKind.Ink ? $"/charts?ink={U(r.Id)}" : $"/charts?medium={U(r.Id)}";
            html.Append($"<tr><td><a href=\"/{Path(kind)}/{U(r.Id)}\">{E(r.Id)}</a></td><td>{E(r.Document["name"]?.ToString())}</td><td>{E(detail)}</td><td class=\"num\">{r.Version}</td><td><a href=\"{E(chart)}\">chart</a></td></tr>");
        }

        html.Append("</table>");
        return Layout.Page(context, Title(kind), html.ToString());
    }

    private static IResult Show(HttpContext context, IRegistryStore store, RecordKind kind, string id)
    {
        RecordView view;
        try
        {
            view = RecordView.Of(store, id);
        }
        catch (RegistryException e)
        {
            return Layout.NotFound(context, e.Message);
        }

        if (view.Record.Kind != kind)
        {
            return Layout.NotFound(context, $"record '{id}' is a {RecordSchema.KindText(view.Record.Kind)}, not a {RecordSchema.KindText(kind)}");
        }

        return Edit(context, store, kind, view, view.Record.Document, view.Record.Version, null, []);
    }

    private static JsonObject Template(RecordKind kind) => kind == RecordKind.Ink
        ? new JsonObject { ["kind"] = "ink", ["id"] = string.Empty, ["name"] = string.Empty, ["form"] = "dye_solution", ["components"] = new JsonArray() }
        : new JsonObject { ["kind"] = "medium", ["id"] = string.Empty, ["name"] = string.Empty, ["support"] = new JsonObject { ["type"] = "resin-coated paper", ["absorptive"] = false }, ["ink_receiving_layer"] = new JsonObject { ["porous"] = true } };

    private static JsonNode? At(JsonObject doc, string path)
    {
        JsonNode? node = doc;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node;
    }

    private static void Set(JsonObject doc, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = doc;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject next)
            {
                next = new JsonObject();
                node[part] = next;
            }

            node = next;
        }

        if (value is null)
        {
            node.Remove(parts[^1]);
        }
        else
        {
            node[parts[^1]] = value;
        }
    }

    private static string? ErrorAt(IReadOnlyList<string> errors, string field) =>
        errors.Where(e => e.StartsWith(field + ":", StringComparison.Ordinal) || e.StartsWith(field + ".", StringComparison.Ordinal) || e.StartsWith(field + "[", StringComparison.Ordinal)) is var found && found.Any() ? string.Join("; ", found) : null;

    private static IResult Edit(HttpContext context, IRegistryStore store, RecordKind kind, RecordView? view, JsonObject doc, int? version, string? message, IReadOnlyList<string> errors, int status = 200)
    {
        var role = Forms.RoleOf(context);
        var user = Forms.UserOf(context);
        var id = doc["id"]?.ToString();
        var isNew = version is null;
        var accounts = context.RequestServices.GetRequiredService<IAccountStore>();
        var mayEdit = (isNew && role >= Role.Chemist) || (!isNew && History.MayEdit(role, accounts, id!, user));
        var html = new StringBuilder();
        if (message is not null)
        {
            html.Append(Layout.Note(message, "ok"));
        }

        var placed = new List<string>();
        string? Err(string field)
        {
            placed.Add(field);
            return ErrorAt(errors, field);
        }

        var fields = new StringBuilder();
        fields.Append("<div class=\"row\">");
        fields.Append(isNew ? Field("id", "Id", id, required: true, error: Err("id")) : $"<input type=\"hidden\" name=\"id\" value=\"{E(id)}\">");
        fields.Append(Field("name", "Name", doc["name"]?.ToString(), error: Err("name")));
        if (kind == RecordKind.Ink)
        {
            fields.Append(Select("form", "Form of the ink", InkForms.Select(f => (f, f)), doc["form"]?.ToString()));
        }

        fields.Append("</div>");
        if (kind == RecordKind.Ink)
        {
            var components = (doc["components"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            var refs = store.List().Where(r => r.Kind is RecordKind.Dye or RecordKind.Polymer or RecordKind.Solvent).Select(r => r.Id);
            fields.Append("<fieldset><legend>Components</legend><datalist id=\"component-ids\">" + string.Concat(refs.Select(r => $"<option value=\"{E(r)}\"></option>")) + "</datalist>");
            for (var i = 0; i < Math.Max(InkComponentRows, components.Count + 1); i++)
            {
                var c = i < components.Count ? components[i] : null;
                fields.Append("<div class=\"row component\">");
                fields.Append(Field($"c{i}.ref", $"Component {i + 1}: record id", c?["ref"]?.ToString(), error: Err($"components[{i}].ref"), attributes: "list=\"component-ids\" autocomplete=\"off\""));
                fields.Append(Select($"c{i}.role", $"Component {i + 1}: role", ComponentRoles.Select(r => (r, r)), c?["role"]?.ToString() ?? "dye"));
                fields.Append(Field($"c{i}.mass_percent", $"Component {i + 1}: mass %", c?["mass_percent"]?.ToString(), "number", error: Err($"components[{i}].mass_percent"), attributes: "step=\"any\" min=\"0\" max=\"100\""));
                fields.Append("</div>");
            }

            fields.Append("</fieldset>");
        }
        else
        {
            fields.Append("<fieldset><legend>Ink-receiving layer</legend><div class=\"row\">");
            foreach (var f in MediumFields)
            {
                // A value the record does not state but has computed (from its isotherm) is shown as the field's placeholder.
                var computed = view?.Computed.FirstOrDefault(q => q.Field == f.Path);
                var hint = computed is null ? string.Empty : $" placeholder=\"computed: {E(computed.Value.ToString("G4", CultureInfo.InvariantCulture))}\"";
                fields.Append(Field(f.Path, f.Label, At(doc, f.Path) is JsonValue jv && jv.TryGetValue<double>(out var number) ? N(number) : At(doc, f.Path)?.ToString(), "number", error: Err(f.Path), attributes: "step=\"any\" min=\"0\"" + hint));
            }

            fields.Append("</div></fieldset>");
        }

        var rest = errors.Where(e => !placed.Any(p => ErrorAt([e], p) is not null)).ToList();
        if (rest.Count > 0)
        {
            html.Append($"<div class=\"note error\" role=\"alert\" id=\"document-errors\">{E(string.Join("; ", rest))}</div>");
        }

        if (mayEdit)
        {
            html.Append($"""
                <form method="post" action="/{Path(kind)}/save" class="panel" id="record-form" novalidate>
                {Forms.Token(context)}<input type="hidden" name="version" value="{version}">
                {fields}
                <details><summary>The whole record (exchange-format JSON; the fields above are applied over it)</summary>
                <div class="field"><label for="f-document">Record document (JSON)</label><textarea id="f-document" name="document" rows="14">{E(doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }))}</textarea></div>
                </details>
                <div class="actions"><button type="submit">{(isNew ? "Create" : "Save")}</button></div>
                </form>
                """);
        }
        else
        {
            html.Append($"<div class=\"panel\"><p class=\"muted\">{(role < Role.Chemist ? "Viewers read records; a chemist edits them." : "A chemist edits the records they created; a registrar edits anyone's.")}</p><pre class=\"mono\">{E(doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }))}</pre></div>");
        }

        if (!isNew)
        {
            html.Append($"<p><a href=\"/charts?{(kind == RecordKind.Ink ? "ink" : "medium")}={U(id)}\">Claim charts of {E(id)}</a></p>");
            if (kind == RecordKind.Medium)
            {
                html.Append(IsothermSection.Panel(context, id!, doc));
            }
        }

        if (view is not null)
        {
            if (view.Computed.Count > 0)
            {
                // The claim quantities by their letters (Y, A) with the unit beside every value.
                static string Name(string field) => field switch
                {
                    Registry.MediumQuantities.PeakField => "Y: peak pore diameter",
                    Registry.MediumQuantities.AField => "A: pore volume at the particle diameter X, per cm² of medium",
                    _ => field,
                };
                html.Append("<section class=\"panel\" id=\"computed\" aria-labelledby=\"computed-title\"><h2 id=\"computed-title\">Computed from the record</h2><table id=\"computed-quantities\"><tr><th>Quantity</th><th>Value</th><th>How</th></tr>" +
                    string.Concat(view.Computed.Select(q => $"<tr data-field=\"{E(q.Field)}\"><th scope=\"row\">{E(Name(q.Field))}</th><td class=\"num\">{E(q.Value.ToString("G4", CultureInfo.InvariantCulture))} {E(q.Unit.Replace("ml/cm2", "mL/cm²", StringComparison.Ordinal))}</td><td class=\"muted\">{E(q.Source)}: {E(q.Method)}</td></tr>")) + "</table></section>");
            }

            html.Append(History.Table(context, view));
        }

        var title = isNew ? $"New {(kind == RecordKind.Ink ? "ink" : "medium")}" : $"{(kind == RecordKind.Ink ? "Ink" : "Medium")} {id}";
        return Layout.Page(context, title, html.ToString(), status);
    }

    private static async Task<IResult> Save(HttpContext context, IRegistryStore store, IAccountStore accounts, ServerResources resources, RecordKind kind)
    {
        var form = await Forms.ReadAsync(context);
        if (form is null)
        {
            return Forms.Forged();
        }

        var id = Forms.Text(form, "id") ?? string.Empty;
        int? version = int.TryParse(form["version"].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
        JsonObject doc;
        try
        {
            doc = Forms.Text(form, "document") is { } text ? JsonNode.Parse(text) as JsonObject ?? throw new JsonException("not a JSON object") : Template(kind);
        }
        catch (JsonException e)
        {
            return Edit(context, store, kind, null, Template(kind), version, null, [$"document: not valid JSON: {e.Message}"], 400);
        }

        doc["kind"] = RecordSchema.KindText(kind);
        doc["id"] = id;
        if (Forms.Text(form, "name") is { } name)
        {
            doc["name"] = name;
        }

        var errors = new List<string>();
        if (kind == RecordKind.Ink)
        {
            doc["form"] = Forms.Text(form, "form") ?? "other";
            var components = new JsonArray();
            for (var i = 0; form.ContainsKey($"c{i}.ref"); i++)
            {
                if (Forms.Text(form, $"c{i}.ref") is not { } r)
                {
                    continue;
                }

                var c = new JsonObject { ["ref"] = r, ["role"] = Forms.Text(form, $"c{i}.role") ?? "dye" };
                if (Forms.Text(form, $"c{i}.mass_percent") is { } mp)
                {
                    if (double.TryParse(mp, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    {
                        c["mass_percent"] = value;
                    }
                    else
                    {
                        errors.Add($"components[{components.Count}].mass_percent: expected a number (mass %), not '{mp}'");
                    }
                }

                components.Add(c);
            }

            doc["components"] = components;
        }
        else
        {
            foreach (var f in MediumFields)
            {
                var text = Forms.Text(form, f.Path);
                if (text is null)
                {
                    continue;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    Set(doc, f.Path, value);
                }
                else
                {
                    errors.Add($"{f.Path}: expected a number ({f.Label}), not '{text}'");
                }
            }
        }

        if (errors.Count > 0)
        {
            return Edit(context, store, kind, null, doc, version, null, errors, 400);
        }

        var role = Forms.RoleOf(context);
        var user = Forms.UserOf(context);
        await resources.WriteGate.WaitAsync(context.RequestAborted);
        try
        {
            var existing = store.Get(id);
            if (existing is not null && version is null)
            {
                return Edit(context, store, kind, null, doc, null, null, [$"id: a record '{id}' exists already; choose another id"], 409);
            }

            if (existing is not null && role < Role.Registrar && !History.CreatedBy(accounts, id, user))
            {
                return Layout.Refused(context, $"record '{id}' was not created by {user}: a registrar edits anyone's records");
            }

            var importer = new RegistryImporter(store, resources.Chemistry);
            var prepared = importer.Prepare(new RecordInput("form", "record", doc));
            if (!prepared.Valid)
            {
                return Edit(context, store, kind, null, doc, version, null, prepared.Errors, 422);
            }

            var outcome = importer.Import([prepared], new ImportOptions { Update = existing is not null, IfVersion = existing is null ? null : version, Audit = new ChangeAudit(user, context.TraceIdentifier) })[0];
            if (outcome.Status is not (ImportStatus.Created or ImportStatus.Updated or ImportStatus.Unchanged))
            {
                return Edit(context, store, kind, null, doc, version, null, [outcome.Message ?? outcome.Status.ToString()], 409);
            }

        }
        finally
        {
            resources.WriteGate.Release();
        }

        return Results.Redirect($"/{Path(kind)}/{U(id)}");
    }
}
