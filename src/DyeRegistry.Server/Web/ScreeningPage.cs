using System.Text;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Application.Matching;
using DyeRegistry.Markush.Matching;
using static DyeRegistry.Server.Web.Html;

namespace DyeRegistry.Server.Web;

/// <summary><c>/screening</c>: screening jobs (a chemist uploads a catalogue and starts one; the
/// page shows every job with a live progress bar, polling <c>/screening/jobs.json</c> with the
/// little script of ScreeningScript; hits and errors to download when done; cluster jobs when the
/// server follows a cluster), and below, a small catalogue matched at once as <c>POST
/// /api/v1/match</c> does, within the request's body limit.</summary>
internal static class ScreeningPage
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/screening", (HttpContext c, Application.Screening.Jobs.ScreenJobQueue jobs, ServerResources resources) => ShowAsync(c, jobs, resources, null, null)).RequireAuthorization(RolePolicies.For(Role.Viewer));
        app.MapPost("/screening", Post).RequireAuthorization(RolePolicies.For(Role.Viewer));
        ScreeningJobPages.Map(app);
    }

    private static Task<IResult> Show(HttpContext context, string? result, string? error, int status = 200) =>
        ShowAsync(context, context.RequestServices.GetRequiredService<Application.Screening.Jobs.ScreenJobQueue>(), context.RequestServices.GetRequiredService<ServerResources>(), result, error, status);

    internal static async Task<IResult> ShowAsync(HttpContext context, Application.Screening.Jobs.ScreenJobQueue jobs, ServerResources resources, string? result, string? error, int status = 200, string? jobError = null) => Layout.Page(context, "Screening", $"""
        {await ScreeningJobPages.JobsSection(context, jobs, resources, jobError)}
        <h2 id="match-now">Match a small file now</h2>
        <p>SMILES lines (<code>SMILES id</code>) or an SDF, up to the server's request size, matched against the general formulas at once, without a job.</p>
        <form method="post" action="/screening" enctype="multipart/form-data" class="panel" id="screen-form">
        {Forms.Token(context)}
        <div class="field"><label for="f-catalogue">Catalogue file (.smi, .txt or .sdf)</label><input id="f-catalogue" name="catalogue" type="file" accept=".smi,.txt,.sdf,.csv" required></div>
        <div class="actions"><button type="submit">Match</button></div>
        </form>
        {(error is null ? string.Empty : Layout.Note(error, "error"))}
        {result}
        """, status, ScreeningJobPages.Script);

    private static async Task<IResult> Post(HttpContext context, ServerResources resources)
    {
        var form = await Forms.ReadAsync(context);
        if (form is null)
        {
            return Forms.Forged();
        }

        if (form.Files.GetFile("catalogue") is not { Length: > 0 } file)
        {
            return await Show(context, null, "catalogue: choose a file", 400);
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
            return await Show(context, null, e.Message, 400);
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
        return await Show(context, html.ToString(), null);
    }
}
