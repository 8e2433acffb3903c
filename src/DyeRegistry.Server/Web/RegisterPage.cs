using System.Text;
using System.Text.Json.Nodes;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Registry;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Accounts;
using DyeRegistry.Storage.Records;
using static DyeRegistry.Server.Web.Html;

namespace DyeRegistry.Server.Web;

/// <summary>
/// <c>/register</c> (chemist and above): a dye drawn in the editor, pasted (SMILES or molfile) or
/// uploaded. Before anything is written the page shows what RDKit made of it: the standardized
/// parent, what standardization set aside, and a registered dye with the same parent side by side,
/// with the choices the role allows (a chemist adds it as a form of that dye; a registrar may
/// register it as a unique dye with a recorded reason). The structure travels between
/// preview and commit as text in the form; the server prepares it again on commit, so what is
/// written is decided on the server.
/// </summary>
internal static class RegisterPage
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/register", (HttpContext c, IRegistryStore store) => Form(c, new Entry(NextId(store), null, null, null, null), null, null))
            .RequireAuthorization(RolePolicies.For(Role.Chemist));
        app.MapPost("/register", Post).RequireAuthorization(RolePolicies.For(Role.Chemist));
    }

    private sealed record Entry(string? Id, string? Name, string? Structure, string? Supplier, string? Cas, string? Reason = null);

    private sealed record Preview(DyeStructure Dye, string? Duplicate, IReadOnlyList<string> Errors);

    // A free id for a new dye: D-0001, D-0002, ... (the user may type another).
    private static string NextId(IRegistryStore store)
    {
        var n = store.List(RecordKind.Dye).Count + 1;
        while (store.Get($"D-{n:D4}") is not null)
        {
            n++;
        }

        return $"D-{n:D4}";
    }

    private static async Task<IResult> Post(HttpContext context, IRegistryStore store, IAccountStore accounts, ServerResources resources)
    {
        var form = await Forms.ReadAsync(context);
        if (form is null)
        {
            return Forms.Forged();
        }

        var entry = new Entry(Forms.Text(form, "id"), Forms.Text(form, "name"), await StructureInput.FromFormAsync(form), Forms.Text(form, "supplier"), Forms.Text(form, "cas"), Forms.Text(form, "reason"));
        var action = Forms.Text(form, "action") ?? "preview";
        if (entry.Id is null)
        {
            return Form(context, entry, null, "id: give the new dye's id (for example D-0001)", 400);
        }

        if (entry.Structure is null)
        {
            return Form(context, entry, null, "structure: draw the dye, paste a SMILES or molfile, or upload a .mol file", 400);
        }

        var document = Document(entry);
        var importer = new RegistryImporter(store, resources.Chemistry);
        var prepared = importer.Prepare(new RecordInput("register form", "record", document));
        if (!prepared.Valid || prepared.Dye is null)
        {
            return Form(context, entry, null, string.Join("; ", prepared.Errors), 422);
        }

        var duplicate = store.DyeWithParentKey(prepared.Dye.ParentKey) is { } d && d != entry.Id ? d : null;
        if (duplicate is not null && store.Get(duplicate)?.Document["parent"] is JsonValue pv && pv.TryGetValue<string>(out var root))
        {
            duplicate = root; // a form's registered dye: the one a form or a unique dye refers to
        }

        var preview = new Preview(prepared.Dye, duplicate, []);
        if (action == "preview" || (action == "register" && duplicate is not null))
        {
            return Form(context, entry, preview, duplicate is null ? null : null, duplicate is null ? 200 : 409);
        }

        if (action is "form" or "unique" && duplicate is null)
        {
            return Form(context, entry, preview, "there is no registered dye with the same parent: register it as a new dye", 400);
        }

        if (action == "unique")
        {
            if (Forms.RoleOf(context) < Role.Registrar)
            {
                return Layout.Refused(context, "Registering a duplicate as a unique dye (overriding the duplicate check) is for a registrar.");
            }

            if (entry.Reason is null)
            {
                return Form(context, entry, preview, "reason: say why this is a unique dye although it has the parent of " + duplicate + " (the reason is recorded)", 400);
            }

            document["distinct_from"] = new JsonObject { ["dye"] = duplicate, ["reason"] = entry.Reason };
            prepared = importer.Prepare(new RecordInput("register form", "record", document));
        }

        await resources.WriteGate.WaitAsync(context.RequestAborted);
        try
        {
            if (store.Get(entry.Id) is not null)
            {
                return Form(context, entry, preview, $"id: a record '{entry.Id}' exists already; choose another id", 409);
            }

            // The audit entry (with "added as a form of X" or the registrar's reason) is written in the
            // record's own transaction by the importer.
            var outcome = importer.Import([prepared], new ImportOptions { AsForm = action == "form", Audit = new ChangeAudit(Forms.UserOf(context), context.TraceIdentifier) })[0];
            if (outcome.Status != ImportStatus.Created)
            {
                return Form(context, entry, preview, outcome.Message ?? outcome.Status.ToString(), 409);
            }
        }
        finally
        {
            resources.WriteGate.Release();
        }

        return Results.Redirect($"/dyes/{U(entry.Id)}");
    }

    private static JsonObject Document(Entry e)
    {
        var document = new JsonObject { ["kind"] = "dye", ["id"] = e.Id, ["name"] = e.Name ?? e.Id };
        document[StructureInput.IsMolfile(e.Structure!) ? "molfile" : "smiles"] = StructureInput.IsMolfile(e.Structure!) ? e.Structure : e.Structure!.Trim();
        if (e.Supplier is not null)
        {
            document["supplier"] = e.Supplier;
        }

        if (e.Cas is not null)
        {
            document["cas_number"] = e.Cas;
        }

        return document;
    }

    private static IResult Form(HttpContext context, Entry entry, Preview? preview, string? error, int status = 200)
    {
        var html = new StringBuilder();
        if (error is not null)
        {
            html.Append(Layout.Note(error, "error"));
        }

        if (preview is not null)
        {
            var dye = preview.Dye;
            html.Append("<section class=\"panel\" id=\"preview\" aria-labelledby=\"preview-title\"><h2 id=\"preview-title\">What will be registered</h2>");
            var parentCard = $"<div class=\"card\" id=\"new-parent\"><img src=\"/depict.svg?smiles={U(dye.ParentSmiles)}\" alt=\"standardized parent of the new dye\" width=\"320\" height=\"240\"><div><b>{E(entry.Id)}</b> (new): standardized parent</div><div class=\"mono\">{E(dye.ParentSmiles)}</div>" +
                $"<div>Set aside: {(dye.RemovedFragments.Count == 0 ? "nothing" : $"<span class=\"mono\" id=\"set-aside\">{E(string.Join(", ", dye.RemovedFragments))}</span>")}</div></div>";
            if (preview.Duplicate is { } dup)
            {
                html.Append(Layout.Note($"Duplicate: {dup} is registered with the same standardized parent.", "warn"));
                html.Append($"<div class=\"side\" id=\"duplicate\">{parentCard}<div class=\"card\" id=\"registered\"><img src=\"/depict/{U(dup)}.svg\" alt=\"structure of the registered dye {E(dup)}\" width=\"320\" height=\"240\"><div><a class=\"id\" href=\"/dyes/{U(dup)}\">{E(dup)}</a> (registered)</div></div></div>");
            }
            else
            {
                html.Append(parentCard);
                html.Append("<p>Within formulas: " + (dye.Within.Count == 0 ? "none" : E(string.Join(", ", dye.Within))) + "</p>");
            }

            html.Append("</section>");
        }

        var role = Forms.RoleOf(context);
        var buttons = preview?.Duplicate is { } d2
            ? $"<button type=\"submit\" name=\"action\" value=\"form\">Add as a form of {E(d2)}</button> <button type=\"submit\" name=\"action\" value=\"preview\" class=\"secondary\">Preview again</button>" +
              (role >= Role.Registrar
                  ? $"</div><fieldset id=\"unique-choice\"><legend>Registrar: register it as a unique dye instead</legend><div class=\"field\"><label for=\"f-reason\">Reason for registering it as a unique dye beside {E(d2)} (recorded)</label><textarea id=\"f-reason\" name=\"reason\" rows=\"2\">{E(entry.Reason)}</textarea></div>" +
                    $"<div class=\"actions\"><button type=\"submit\" name=\"action\" value=\"unique\" id=\"unique-button\">Register as a unique dye</button></div></fieldset><div>"
                  : string.Empty)
            : "<button type=\"submit\" name=\"action\" value=\"register\" id=\"register-button\">Register</button> <button type=\"submit\" name=\"action\" value=\"preview\" class=\"secondary\">Preview</button>";
        html.Append("<p><a href=\"/register/bulk\">Bulk upload (SDF, SMILES, CSV): map the fields, check, then commit</a></p>");
        html.Append($"""
            <form method="post" action="/register" enctype="multipart/form-data" class="panel" id="register-form">
            {Forms.Token(context)}
            <div class="row">
            {Field("id", "Dye id", entry.Id, required: true)}
            {Field("name", "Name", entry.Name)}
            {Field("supplier", "Supplier", entry.Supplier)}
            {Field("cas", "CAS number", entry.Cas)}
            </div>
            {Assets.EditorBox("Draw the dye")}
            <input type="hidden" name="drawn" value="">
            <div class="row">
            <div class="field"><label for="f-molfile">Or paste a SMILES or molfile</label><textarea id="f-molfile" name="structure" rows="4">{"\n"}{E(entry.Structure)}</textarea></div>
            <div class="field"><label for="f-upload">Or upload a molfile (.mol)</label><input id="f-upload" name="upload" type="file" accept=".mol,.sdf,.txt"></div>
            </div>
            <div class="actions">{buttons}</div>
            </form>
            """);
        return Layout.Page(context, "Register a dye", html.ToString(), status, Assets.EditorScripts);
    }
}
