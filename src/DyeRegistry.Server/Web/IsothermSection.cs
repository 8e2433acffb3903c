using System.Globalization;
using System.Text;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Application.Media;
using DyeRegistry.Registry;
using DyeRegistry.Storage.Accounts;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;
using static DyeRegistry.Server.Web.Html;

namespace DyeRegistry.Server.Web;

/// <summary>
/// A medium's nitrogen isotherm: uploaded on the medium's page (the files <c>dyereg pores</c>
/// reads), analysed on the server, and shown as the pore-distribution plot with X and Y marked,
/// with the computed Y and A and how they were computed. A medium record that carries its
/// isotherm shows the same on its page. The upload itself writes nothing; whoever may edit the
/// medium can then save the isotherm into the record (<c>/media/ID/isotherm/save</c>): a new
/// version, audited, whose A and Y the importer computes from the isotherm as it does at import.
/// </summary>
internal static class IsothermSection
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/media/{id}/isotherm", Post).RequireAuthorization(RolePolicies.For(Role.Viewer));
        app.MapPost("/media/{id}/isotherm/save", Save).RequireAuthorization(RolePolicies.For(Role.Chemist));
    }

    // Who may save the isotherm: whoever may edit the medium (as its form).
    private static bool MayEdit(HttpContext context, string id) =>
        History.MayEdit(Forms.RoleOf(context), context.RequestServices.GetRequiredService<IAccountStore>(), id, Forms.UserOf(context));

    /// <summary>The panel on a medium's page: its recorded isotherm's plot, if any, and the upload form.</summary>
    public static string Panel(HttpContext context, string id, System.Text.Json.Nodes.JsonObject medium)
    {
        var html = new StringBuilder("<section class=\"panel\" id=\"isotherm\" aria-labelledby=\"isotherm-title\"><h2 id=\"isotherm-title\">Nitrogen isotherm and pore distribution</h2>");
        try
        {
            if (MediumIsotherm.OfRecord(medium, id) is { } recorded)
            {
                html.Append("<p>From the isotherm this record carries:</p>").Append(Result(recorded, MediumIsotherm.ParticleDiameter(medium), MediumIsotherm.CoatWeight(medium)));
            }
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException)
        {
            html.Append(Layout.Note($"ink_receiving_layer.isotherm: {e.Message}", "error"));
        }

        html.Append(UploadForm(context, id, MediumIsotherm.ParticleDiameter(medium), MediumIsotherm.CoatWeight(medium)));
        return html.Append("</section>").ToString();
    }

    private static string F(double? v) => v?.ToString("G6", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string UploadForm(HttpContext context, string id, double? x, double? coat) => $"""
        <form method="post" action="/media/{U(id)}/isotherm" enctype="multipart/form-data" id="isotherm-form">
        {Forms.Token(context)}
        <div class="row">
        <div class="field"><label for="f-isotherm">Isotherm file (nitrogen, 77 K)</label><input id="f-isotherm" name="isotherm" type="file" accept=".json,.csv,.txt" required><small>pyGAPS JSON or CSV, or a CSV with relative_pressure, an amount column naming its unit, and branch</small></div>
        {Field("x_nm", "X: polymer particles' average diameter (nm)", F(x), "number", attributes: "step=\"any\" min=\"0\"")}
        {Field("coat_weight", "Coat weight of the layer (g/m²)", F(coat), "number", attributes: "step=\"any\" min=\"0\"")}
        {Select("branch", "Branch", [("des", "desorption"), ("ads", "adsorption")], "des")}
        {Select("method", "Method", [("bjh", "BJH"), ("dh", "Dollimore-Heal")], "bjh")}
        </div>
        <div class="actions"><button type="submit" id="isotherm-button">Plot the pore distribution</button></div>
        </form>
        """;

    private static string Result(IsothermAnalysis a, double? x, double? coat)
    {
        var svg = Convert.ToBase64String(Encoding.UTF8.GetBytes(a.Svg));
        var rows = new StringBuilder();
        rows.Append($"<tr><th scope=\"row\">Y: peak pore diameter</th><td id=\"peak-y\">{E(a.PeakDiameterNanometres.ToString("0.00", CultureInfo.InvariantCulture))} nm</td></tr>");
        rows.Append($"<tr><th scope=\"row\">X: particle diameter</th><td>{(x is null ? "not given" : E(F(x)) + " nm")}</td></tr>");
        rows.Append($"<tr><th scope=\"row\">A: curve at D = X, per g ({E(a.Convention)})</th><td id=\"value-a-per-g\">{(a.ValueAtXPerGram is { } g ? E(g.ToString("G4", CultureInfo.InvariantCulture)) + " cm³/g" : "—")}</td></tr>");
        rows.Append($"<tr><th scope=\"row\">A per cm² of medium{(coat is null ? string.Empty : $" (coat weight {E(F(coat))} g/m²)")}</th><td id=\"value-a\">{(a.ValueAtXPerSquareCentimetre is { } c ? E(c.ToString("G4", CultureInfo.InvariantCulture)) + " mL/cm²" : "—")}</td></tr>");
        return $"""
            <div class="two"><div><img class="plot" id="psd-plot" src="data:image/svg+xml;base64,{svg}" alt="pore distribution of {E(a.Material)} ({E(a.Convention)} against pore diameter), with X and Y marked" width="640" height="420"></div>
            <div><table id="isotherm-quantities">{rows}</table>{(a.Note is null ? string.Empty : Layout.Note(a.Note, "warn"))}<p class="muted">Method: {E(a.Method)}</p></div></div>
            """;
    }

    // What saving writes, said before it is written, and the isotherm travelling as pyGAPS JSON text
    // (the server reads and checks it again on save, as the register page does with a structure).
    private static string SaveForm(HttpContext context, string id, StoredRecord record, System.Text.Json.Nodes.JsonObject isotherm, string file, double? x, double? coat, bool otherThanImports)
    {
        var layer = record.Document["ink_receiving_layer"] as System.Text.Json.Nodes.JsonObject;
        var replaced = MediumIsotherm.StatedQuantities.Where(s => layer?[s.Field] is not null).Select(s => $"{s.Label} = {layer![s.Field]} {s.Unit}").ToList();
        var writes = new List<string> { $"the isotherm from {file} (relative pressure, liquid cm³/g)" };
        if (x is not null)
        {
            writes.Add($"X = {F(x)} nm (polymer particles' average diameter)");
        }

        if (coat is not null)
        {
            writes.Add($"coat weight = {F(coat)} g/m²");
        }

        var text = $"Saving writes version {record.Version + 1} of {id}: {string.Join(", ", writes)}. The record's A and Y are then computed from the isotherm by BJH on the desorption branch, as import computes them" +
            (otherThanImports ? " (not the branch or method chosen for this plot)" : string.Empty) + "." +
            (replaced.Count == 0 ? string.Empty : $" They replace the stated {string.Join(" and ", replaced)}, which stay in the history.");
        var json = isotherm.ToJsonString();
        return $"""
            <form method="post" action="/media/{U(id)}/isotherm/save" id="isotherm-save-form" class="save-isotherm">
            {Forms.Token(context)}<input type="hidden" name="version" value="{record.Version}"><input type="hidden" name="file" value="{E(file)}">
            <input type="hidden" name="x_nm" value="{F(x)}"><input type="hidden" name="coat_weight" value="{F(coat)}"><input type="hidden" name="isotherm" value="{E(json)}">
            <p id="isotherm-save-note">{E(text)}</p>
            <div class="actions"><button type="submit" id="isotherm-save-button">Save this isotherm into {E(id)}</button></div>
            </form>
            """;
    }

    private static async Task<IResult> Save(HttpContext context, IRegistryStore store, ServerResources resources, string id)
    {
        var form = await Forms.ReadAsync(context);
        if (form is null)
        {
            return Forms.Forged();
        }

        var back = $"<p><a href=\"/media/{U(id)}\">Back to medium {E(id)}</a></p>";
        if (!int.TryParse(form["version"].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version))
        {
            return Layout.Page(context, $"Medium {id}: isotherm", back + Layout.Note("version: missing; upload the isotherm again from the medium's page", "error"), 400);
        }

        System.Text.Json.Nodes.JsonObject raw;
        double? x = null, coat = null;
        try
        {
            raw = System.Text.Json.Nodes.JsonNode.Parse(form["isotherm"].ToString()) as System.Text.Json.Nodes.JsonObject ?? throw new InvalidDataException("isotherm: not a JSON object");
            foreach (var (name, set) in new (string, Action<double>)[] { ("x_nm", v => x = v), ("coat_weight", v => coat = v) })
            {
                if (Forms.Text(form, name) is { } t)
                {
                    set(double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v) ? v : throw new InvalidDataException($"{name}: '{t}' is not a positive number"));
                }
            }
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException)
        {
            return Layout.Page(context, $"Medium {id}: isotherm", back + Layout.Note(e.Message, "error"), 400);
        }

        await resources.WriteGate.WaitAsync(context.RequestAborted);
        try
        {
            var record = store.Get(id);
            if (record is null || record.Kind != RecordKind.Medium)
            {
                return Layout.NotFound(context, $"no medium '{id}'");
            }

            if (!MayEdit(context, id))
            {
                return Layout.Refused(context, $"medium '{id}' was not created by {Forms.UserOf(context)}: a registrar edits anyone's records");
            }

            System.Text.Json.Nodes.JsonObject doc;
            try
            {
                doc = MediumIsotherm.WithIsotherm(record.Document, raw, x, coat); // the isotherm is read again here: what is written is checked on the server
            }
            catch (InvalidDataException e)
            {
                return Layout.Page(context, $"Medium {id}: isotherm", back + Layout.Note(e.Message, "error"), 400);
            }

            var importer = new RegistryImporter(store, resources.Chemistry);
            var prepared = importer.Prepare(new RecordInput("isotherm form", "record", doc));
            if (!prepared.Valid)
            {
                return Layout.Page(context, $"Medium {id}: isotherm", back + Layout.Note(string.Join("; ", prepared.Errors), "error"), 422);
            }

            var file = Forms.Text(form, "file") ?? "an uploaded file";
            var outcome = importer.Import([prepared], new ImportOptions { Update = true, IfVersion = version, Audit = new ChangeAudit(Forms.UserOf(context), context.TraceIdentifier, Context: $"isotherm saved from {file}") })[0];
            if (outcome.Status is not (ImportStatus.Updated or ImportStatus.Unchanged))
            {
                return Layout.Page(context, $"Medium {id}: isotherm", back + Layout.Note(outcome.Message ?? outcome.Status.ToString(), "error"), 409);
            }
        }
        finally
        {
            resources.WriteGate.Release();
        }

        return Results.Redirect($"/media/{U(id)}#isotherm");
    }

    private static async Task<IResult> Post(HttpContext context, IRegistryStore store, string id)
    {
        var form = await Forms.ReadAsync(context);
        if (form is null)
        {
            return Forms.Forged();
        }

        var record = store.Get(id);
        if (record is null || record.Kind != RecordKind.Medium)
        {
            return Layout.NotFound(context, $"no medium '{id}'");
        }

        double? Number(string name, out string? error)
        {
            error = null;
            var text = Forms.Text(form, name);
            if (text is null)
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v))
            {
                return v;
            }

            error = $"{name}: '{text}' is not a positive number";
            return null;
        }

        var x = Number("x_nm", out var xError);
        var coat = Number("coat_weight", out var coatError);
        var file = form.Files.GetFile("isotherm");
        var html = new StringBuilder($"<p><a href=\"/media/{U(id)}\">Back to medium {E(id)}</a></p>");
        var error = xError ?? coatError ?? (file is null || file.Length == 0 ? "isotherm: choose the isotherm file to upload" : null);
        if (error is null)
        {
            var name = Path.GetFileName(file!.FileName);
            var ext = Path.GetExtension(name).ToLowerInvariant() is ".json" ? ".json" : ".csv";
            var path = Path.Combine(Path.GetTempPath(), $"dyereg-isotherm-{Guid.NewGuid():N}{ext}");
            try
            {
                await using (var target = File.Create(path))
                {
                    await file.CopyToAsync(target, context.RequestAborted);
                }

                var adsorption = Forms.Text(form, "branch") == "ads";
                var dollimoreHeal = Forms.Text(form, "method") == "dh";
                var analysis = MediumIsotherm.Analyse(path, x, coat, adsorption, dollimoreHeal);
                html.Append($"<section class=\"panel\" id=\"isotherm\"><h2>{E(name)}</h2>{Result(analysis, x, coat)}");
                if (MayEdit(context, id))
                {
                    html.Append(SaveForm(context, id, record, MediumIsotherm.RecordForm(path), name, x, coat, adsorption || dollimoreHeal));
                }

                html.Append("</section>");
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException)
            {
                error = $"{name}: {e.Message.Replace(path, name, StringComparison.Ordinal)}";
            }
            finally
            {
                File.Delete(path);
            }
        }

        if (error is not null)
        {
            html.Append(Layout.Note(error, "error"));
        }

        html.Append("<section class=\"panel\"><h2>Another isotherm</h2>").Append(UploadForm(context, id, x, coat)).Append("</section>");
        return Layout.Page(context, $"Medium {id}: isotherm", html.ToString(), error is null ? 200 : 400);
    }
}
