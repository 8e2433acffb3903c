using System.Globalization;
using System.Text;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Application.Screening.Jobs;
using DyeRegistry.Server.Api;
using Microsoft.AspNetCore.Http.Features;
using static DyeRegistry.Server.Web.Html;

namespace DyeRegistry.Server.Web;

/// <summary>
/// The screening page's jobs: the upload form (chemist and up), the table of jobs with a progress
/// bar each, cancel and resume where the role allows, hits and errors to download when done, and
/// the cluster's jobs (shards done, running, left; nodes alive). The same queue and rules as
/// <c>/api/v1/jobs</c> (JobEndpoints), under the login cookie: <c>/screening/jobs...</c>.
/// </summary>
internal static class ScreeningJobPages
{
    public const string Script = "<script src=\"/assets/screening.js\"></script>";

    public static void Map(WebApplication app)
    {
        app.MapGet("/assets/screening.js", () => Results.Text(ScreeningScript.Js, "text/javascript; charset=utf-8")).AllowAnonymous();
        app.MapPost("/screening/jobs", Start).RequireAuthorization(RolePolicies.For(Role.Viewer));
        app.MapGet("/screening/jobs.json", Progress).RequireAuthorization(RolePolicies.For(Role.Viewer));
        app.MapPost("/screening/jobs/{id}/cancel", (string id, HttpContext c, ScreenJobQueue jobs, ServerResources r) => Control(id, c, jobs, r, cancel: true)).RequireAuthorization(RolePolicies.For(Role.Viewer));
        app.MapPost("/screening/jobs/{id}/resume", (string id, HttpContext c, ScreenJobQueue jobs, ServerResources r) => Control(id, c, jobs, r, cancel: false)).RequireAuthorization(RolePolicies.For(Role.Viewer));
        app.MapGet("/screening/jobs/{id}/hits", (string id, ScreenJobQueue jobs) => Download(id, jobs, "hits")).RequireAuthorization(RolePolicies.For(Role.Viewer));
        app.MapGet("/screening/jobs/{id}/errors", (string id, ScreenJobQueue jobs) => Download(id, jobs, "errors")).RequireAuthorization(RolePolicies.For(Role.Viewer));
    }

    public static async Task<string> JobsSection(HttpContext context, ScreenJobQueue jobs, ServerResources resources, string? error)
    {
        var role = Forms.RoleOf(context);
        var html = new StringBuilder("<style>#jobs progress, #cluster-jobs progress { width: 9em; height: 1em; vertical-align: middle; } form.inline { display: inline; margin-left: 6px; } .job-message { display: block; color: var(--muted); } #jobs td, #cluster-jobs td { vertical-align: middle; }</style><h2>Screening jobs</h2>");
        if (role >= Role.Chemist)
        {
            html.Append($"""
                <form method="post" action="/screening/jobs" enctype="multipart/form-data" class="panel" id="job-form">
                {Forms.Token(context)}
                <p>A catalogue of any size up to {resources.Options.MaxCatalogueBytes / (1024 * 1024):N0} MB (SMILES lines or SDF, also .gz) is screened in the background, as <code>dyereg screen</code> does; this page shows its progress.</p>
                <div class="row">
                <div class="field"><label for="f-job-catalogue">Catalogue file (.smi, .sdf, optionally .gz)</label><input id="f-job-catalogue" name="catalogue" type="file" accept=".smi,.smiles,.txt,.csv,.sdf,.sd,.gz" required></div>
                {Select("format", "Hits file format", [("csv", "CSV"), ("jsonl", "JSON lines"), ("sdf", "SDF")], "csv", "job-format")}
                {Select("validate", "Records validated", [("all", "every record"), ("hits", "possible hits only")], "all", "job-validate")}
                </div>
                <p class="muted">Records validated: "every record" reports every error; "possible hits only" is faster and reports the errors of records that could be hits.</p>
                <div class="field"><label><input type="checkbox" name="markKnown" id="f-job-mark-known"> Give each hit the id of a registered dye with the same parent (slower: a standardization per hit)</label></div>
                <div class="actions"><button type="submit" id="start-job">Start screening</button></div>
                </form>
                """);
        }
        else
        {
            html.Append("<p>A chemist or registrar starts screening jobs; every account sees them and downloads their hits.</p>");
        }

        if (error is not null)
        {
            html.Append(Layout.Note(error, "error"));
        }

        var list = jobs.List();
        if (list.Count == 0)
        {
            html.Append("<p id=\"no-jobs\">No screening jobs yet.</p>");
        }
        else
        {
            html.Append("<table id=\"jobs\"><thead><tr><th scope=\"col\">Catalogue</th><th scope=\"col\">Started by</th><th scope=\"col\">State</th><th scope=\"col\">Progress</th><th scope=\"col\">Records</th><th scope=\"col\">Hits</th><th scope=\"col\">Errors</th><th scope=\"col\">Records/s</th><th scope=\"col\">Results</th></tr></thead><tbody>");
            foreach (var j in list)
            {
                html.Append(Row(context, j));
            }

            html.Append("</tbody></table>");
        }

        var (cluster, clusterError) = await JobEndpoints.ClusterJobs(resources, context.RequestAborted);
        if (resources.Options.ClusterJobs is not null)
        {
            html.Append("<h2>Cluster jobs</h2>");
            if (clusterError is not null)
            {
                html.Append(Layout.Note(clusterError, "error"));
            }
            else if (cluster.Count == 0)
            {
                html.Append("<p>No jobs in the cluster's ledger.</p>");
            }
            else
            {
                html.Append($"<p id=\"nodes-alive\">Nodes alive: {cluster[0].NodesAlive}</p><table id=\"cluster-jobs\"><thead><tr><th scope=\"col\">Job</th><th scope=\"col\">Output</th><th scope=\"col\">State</th><th scope=\"col\">Progress</th><th scope=\"col\">Shards done / running / left</th><th scope=\"col\">Records</th><th scope=\"col\">Hits</th><th scope=\"col\">Errors</th></tr></thead><tbody>");
                foreach (var c in cluster)
                {
                    var id = JobEndpoints.ClusterPrefix + c.Id;
                    var fraction = c.Shards > 0 ? (double)c.Done / c.Shards : 0;
                    html.Append($"<tr data-job=\"{E(id)}\" data-state=\"{JobEndpoints.ClusterState(c)}\"><td class=\"mono\">{E(c.Id[..Math.Min(12, c.Id.Length)])}</td><td class=\"mono\">{E(Path.GetFileName(c.Output))}</td><td data-field=\"state\">{JobEndpoints.ClusterState(c)}</td>" +
                        $"<td>{Bar(id, fraction)}</td><td data-field=\"shards\">{c.Done} / {c.Running} / {c.Left}</td><td data-field=\"records\">{c.Records:N0}</td><td data-field=\"hits\">{c.Hits:N0}</td><td data-field=\"errors\">{c.Errors:N0}</td></tr>");
                }

                html.Append("</tbody></table>");
            }
        }

        return html.ToString();
    }

    private static string Row(HttpContext context, ScreenJob j)
    {
        var state = JobEndpoints.Name(j.State);
        var results = new StringBuilder();
        if (j.State == ScreenJobState.Done)
        {
            results.Append($"<a href=\"/screening/jobs/{U(j.Id)}/hits\" download class=\"hits-link\">Hits ({E(j.Format.ToUpperInvariant())})</a> · <a href=\"/screening/jobs/{U(j.Id)}/errors\" download>Errors</a>");
        }

        if (JobEndpoints.MayControl(context, j) && Forms.RoleOf(context) >= Role.Chemist)
        {
            if (j.State is ScreenJobState.Queued or ScreenJobState.Running)
            {
                results.Append(Button(context, j, "cancel", "Cancel", "secondary"));
            }
            else if (j.Resumable)
            {
                results.Append(Button(context, j, "resume", "Resume", string.Empty));
            }
        }

        if (j.Message is not null)
        {
            results.Append($"<small class=\"job-message\">{E(j.Message)}</small>");
        }

        return $"<tr data-job=\"{E(j.Id)}\" data-state=\"{state}\"><td class=\"mono\">{E(j.Catalogue)}<br><small>{E(j.Created.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))} UTC</small></td><td>{E(j.Owner)}</td>" +
            $"<td data-field=\"state\">{state}</td><td>{Bar(j.Id, j.Fraction)}</td><td data-field=\"records\">{j.Records:N0}</td><td data-field=\"hits\">{j.Hits:N0}</td><td data-field=\"errors\">{j.Errors:N0}</td>" +
            $"<td data-field=\"rate\">{j.RecordsPerSecond:N0}</td><td class=\"job-results\">{results}</td></tr>";
    }

    private static string Bar(string id, double fraction) =>
        $"<progress max=\"1\" value=\"{N(fraction)}\" aria-label=\"Progress of {E(id)}\">{Math.Round(fraction * 100)} %</progress> <span data-field=\"percent\">{Math.Round(fraction * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)} %</span>";

    private static string Button(HttpContext context, ScreenJob j, string action, string text, string kind) =>
        $"<form method=\"post\" action=\"/screening/jobs/{U(j.Id)}/{action}\" class=\"inline\">{Forms.Token(context)}<button type=\"submit\" class=\"{kind}\">{text}</button></form>";

    private static async Task<IResult> Start(HttpContext context, ScreenJobQueue jobs, ServerResources resources)
    {
        // The upload may be as large as a catalogue may be; the form parts beyond the file are small.
        var limit = resources.Options.MaxCatalogueBytes + (64 * 1024);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new Microsoft.AspNetCore.Http.Features.FormOptions { MultipartBodyLengthLimit = limit }));
        IFormCollection? form;
        try
        {
            form = await Forms.ReadAsync(context);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return await ScreeningPage.ShowAsync(context, jobs, resources, null, null, StatusCodes.Status413PayloadTooLarge, $"catalogue: larger than {resources.Options.MaxCatalogueBytes:N0} bytes, the largest this server accepts");
        }

        if (form is null)
        {
            return Forms.Forged();
        }

        if (Forms.RoleOf(context) < Role.Chemist)
        {
            return Layout.Refused(context, "Starting a screening job needs a chemist's role or above.");
        }

        if (form.Files.GetFile("catalogue") is not { Length: > 0 } file)
        {
            return await ScreeningPage.ShowAsync(context, jobs, resources, null, null, StatusCodes.Status400BadRequest, "catalogue: choose a file");
        }

        if (JobEndpoints.ParseValidation(Forms.Text(form, "validate")) is not { } validation)
        {
            return await ScreeningPage.ShowAsync(context, jobs, resources, null, null, StatusCodes.Status400BadRequest, "validate: expected 'all' or 'hits'");
        }

        try
        {
            await using var stream = file.OpenReadStream();
            var job = await jobs.SubmitAsync(Forms.UserOf(context), file.FileName, stream, Forms.Text(form, "format") ?? "csv", [], validation, Forms.Text(form, "markKnown") == "on", context.RequestAborted);
            return Results.Redirect($"/screening?job={U(job.Id)}", permanent: false);
        }
        catch (ScreenJobException e)
        {
            return await ScreeningPage.ShowAsync(context, jobs, resources, null, null, e.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, e.Message);
        }
    }

    private static async Task<IResult> Control(string id, HttpContext context, ScreenJobQueue jobs, ServerResources resources, bool cancel)
    {
        if (await Forms.ReadAsync(context) is null)
        {
            return Forms.Forged();
        }

        if (jobs.Find(id) is not { } job)
        {
            return Layout.NotFound(context, $"no screening job '{id}'");
        }

        if (Forms.RoleOf(context) < Role.Chemist || !JobEndpoints.MayControl(context, job))
        {
            return Layout.Refused(context, $"Only the account that started the job ({job.Owner}) or a registrar may {(cancel ? "cancel" : "resume")} it.");
        }

        var done = cancel ? jobs.Cancel(id) : jobs.Resume(id);
        return done
            ? Results.Redirect("/screening", permanent: false)
            : await ScreeningPage.ShowAsync(context, jobs, resources, null, null, StatusCodes.Status409Conflict, $"job '{id}' is {JobEndpoints.Name(job.State)}: nothing to {(cancel ? "cancel" : "resume")}");
    }

    private static async Task<IResult> Progress(ScreenJobQueue jobs, ServerResources resources, CancellationToken cancel)
    {
        var (cluster, error) = await JobEndpoints.ClusterJobs(resources, cancel);
        return Results.Ok(new { jobs = jobs.List().Select(JobEndpoints.View), cluster = cluster.Select(JobEndpoints.View), clusterError = error });
    }

    private static IResult Download(string id, ScreenJobQueue jobs, string what) =>
        JobEndpoints.Download(id, jobs, what == "hits");
}
