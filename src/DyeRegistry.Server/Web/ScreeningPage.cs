using System.Text;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Application.Matching;
using DyeRegistry.Markush.Matching;
using static DyeRegistry.Server.Web.Html;

namespace DyeRegistry.Server.Web;

/// <summary><c>/screening</c>: a catalogue (SMILES lines or SDF) matched against the formulas, as
/// <c>POST /api/v1/match</c> does, within the request's body limit; the hits shown, the whole result
/// downloadable as JSON. (Background jobs with progress are not in the service yet.)</summary>
internal static class ScreeningPage
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/screening", (HttpContext c) => Show(c, null, null)).RequireAuthorization(RolePolicies.For(Role.Viewer));
        app.MapPost("/screening", Post).RequireAuthorization(RolePolicies.For(Role.Viewer));
    }

    private static IResult Show(HttpContext context, string? result, string? error, int status = 200) => Layout.Page(context, "Screening", $"""
        <p>Upload a catalogue: SMILES lines (<code>SMILES id</code>) or an SDF. Every structure is matched against the general formulas. Catalogues up to the server's request size are matched here at once; larger ones go through <code>dyereg screen</code>. Background jobs with a progress bar are not available in this version.</p>
        <form method="post" action="/screening" enctype="multipart/form-data" class="panel" id="screen-form">
        {Forms.Token(context)}
        <div class="field"><label for="f-catalogue">Catalogue file (.smi, .txt or .sdf)</label><input id="f-catalogue" name="catalogue" type="file" accept=".smi,.txt,.sdf,.csv" required></div>
        <div class="actions"><button type="submit">Match</button></div>
        </form>
        {(error is null ? string.Empty : Layout.Note(error, "error"))}
        {result}
        """, status);

    private static async Task<IResult> Post(HttpContext context, ServerResources resources)
    {
        var form = await Forms.ReadAsync(context);
        if (form is null)
        {
            return Forms.Forged();
        }

        if (form.Files.GetFile("catalogue") is not { Length: > 0 } file)
        {
            return Show(context, null, "catalogue: choose a file", 400);
        }

        var extension = Path.GetExtension(file.FileName).ToLowerInvariant() is ".sdf" or ".sd" ? ".sdf" : ".smi";
        var path = Path.Combine(Path.GetTempPath(), $"dyereg-screen-{Guid.NewGuid():N}{extension}");
        var errors = new List<string>();
        using var output = new StringWriter { NewLine = "\n" };
        using var summary = new StringWriter();
        try
        {
            await using (var target = File.Create(path))
            {
                await file.CopyToAsync(target, context.RequestAborted);
            }

            StructureMatching.Run(resources.Formulas, new MatchOptions(), path, "csv", 1, output, summary, resources.Options.StructureLimits,
                null, o => errors.Add($"{o.Record.Location} ({o.Id}): {o.Error}"));
        }
        catch (IOException e)
        {
            return Show(context, null, e.Message, 400);
        }
        finally
        {
            File.Delete(path);
        }

        var csv = output.ToString();
        var html = new StringBuilder($"<h2>Result</h2><p>{E(summary.ToString())}</p>");
        html.Append($"<p><a href=\"data:text/csv;charset=utf-8,{U(csv)}\" download=\"matches.csv\">Download the matches (CSV)</a></p>");
        if (errors.Count > 0)
        {
            html.Append($"<h3>Structures that could not be matched ({errors.Count})</h3><ul>" + string.Concat(errors.Take(200).Select(e => $"<li>{E(e)}</li>")) + "</ul>");
        }

        html.Append($"<pre class=\"mono\" id=\"matches\">{E(string.Join('\n', csv.Split('\n').Take(200)))}</pre>");
        return Show(context, html.ToString(), null);
    }
}
