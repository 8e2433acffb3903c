using DyeRegistry.Application.Accounts;
using DyeRegistry.Application.Screening;
using DyeRegistry.Application.Screening.Jobs;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace DyeRegistry.Server.Api;

/// <summary>
/// Screening jobs under <c>/api/v1/jobs</c>: a catalogue posted as the body (streamed to disk,
/// up to <see cref="ServeOptions.MaxCatalogueBytes"/>) starts a job that <c>dyereg screen</c>'s runner
/// does on the queue's threads; its progress is polled, it can be cancelled and resumed, and its
/// hits and errors downloaded in <c>dyereg screen</c>'s formats. With <c>--cluster</c>, the cluster's
/// jobs are listed too (id <c>cluster:ID</c>) and a registrar can cancel one. Roles: docs/roles.md.
/// </summary>
internal static class JobEndpoints
{
    public const string ClusterPrefix = "cluster:";

    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton(s => Queue(s.GetRequiredService<ServerResources>()));
        services.AddHostedService<JobQueueService>();
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/jobs", List).RequireAuthorization(RolePolicies.For(Role.Viewer));
        api.MapPost("/jobs", Start).RequireAuthorization(RolePolicies.For(Role.Chemist));
        api.MapGet("/jobs/{id}", Get).RequireAuthorization(RolePolicies.For(Role.Viewer));
        api.MapPost("/jobs/{id}/cancel", Cancel).RequireAuthorization(RolePolicies.For(Role.Chemist));
        api.MapPost("/jobs/{id}/resume", Resume).RequireAuthorization(RolePolicies.For(Role.Chemist));
        api.MapGet("/jobs/{id}/hits", (string id, ScreenJobQueue jobs) => Download(id, jobs, hits: true)).RequireAuthorization(RolePolicies.For(Role.Viewer));
        api.MapGet("/jobs/{id}/errors", (string id, ScreenJobQueue jobs) => Download(id, jobs, hits: false)).RequireAuthorization(RolePolicies.For(Role.Viewer));
    }

    public static string DefaultFolder(ServeOptions options) =>
        options.JobsFolder ?? (Storage.Stores.RegistryStores.IsPostgres(options.Registry) ? Path.GetFullPath("dyereg-jobs") : Path.GetFullPath(options.Registry) + ".jobs");

    private static ScreenJobQueue Queue(ServerResources resources) => new(
        DefaultFolder(resources.Options),
        resources.Formulas,
        resources.OpenRegistry,
        new ScreenJobLimits(resources.Options.JobSlots, resources.Options.JobThreads, resources.Options.MaxCatalogueBytes, resources.Options.StructureLimits));

    /// <summary>The job as the API shows it.</summary>
    public static object View(ScreenJob j) => new
    {
        id = j.Id,
        kind = "server",
        state = Name(j.State),
        owner = j.Owner,
        catalogue = j.Catalogue,
        catalogueBytes = j.CatalogueBytes,
        format = j.Format,
        formulas = j.Formulas,
        validate = j.Validation == ScreenValidation.All ? "all" : "hits",
        markKnown = j.MarkKnown,
        created = j.Created,
        started = j.Started,
        finished = j.Finished,
        records = j.Records,
        hits = j.Hits,
        errors = j.Errors,
        recordsPerSecond = j.RecordsPerSecond,
        seconds = j.Seconds,
        fraction = j.Fraction,
        hitsPerFormula = j.HitsPerFormula,
        resumable = j.Resumable,
        message = j.Message,
        links = j.State == ScreenJobState.Done
            ? new { hits = $"/api/v1/jobs/{j.Id}/hits", errors = (string?)$"/api/v1/jobs/{j.Id}/errors" }
            : null,
    };

    public static object View(ClusterJobStatus c) => new
    {
        id = ClusterPrefix + c.Id,
        kind = "cluster",
        state = ClusterState(c),
        output = c.Output,
        shards = c.Shards,
        shardsDone = c.Done,
        shardsRunning = c.Running,
        shardsLeft = c.Left,
        records = c.Records,
        hits = c.Hits,
        errors = c.Errors,
        nodesAlive = c.NodesAlive,
        submitted = c.Submitted,
        finished = c.Finished,
        cancelled = c.Cancelled,
        fraction = c.Shards > 0 ? Math.Round((double)c.Done / c.Shards, 4) : 0,
    };

    /// <summary>Running while shards are left, merging when all are done but the job is still active,
    /// then done; cancelled until its <c>dyereg screen --cluster --resume</c> makes it active again.</summary>
    public static string ClusterState(ClusterJobStatus c) =>
        c.Cancelled is not null && !c.Active ? "cancelled" : c.Active ? (c.Done == c.Shards && c.Shards > 0 ? "merging" : "running") : "done";

    public static string Name(ScreenJobState state) => state.ToString().ToLowerInvariant();

    private static async Task<IResult> List(ScreenJobQueue jobs, ServerResources resources, CancellationToken cancel)
    {
        var cluster = await ClusterJobs(resources, cancel);
        return Results.Ok(new
        {
            jobs = jobs.List().Select(View),
            cluster = cluster.Error is null ? cluster.Jobs.Select(View) : null,
            clusterError = cluster.Error,
        });
    }

    private static async Task<IResult> Get(string id, ScreenJobQueue jobs, ServerResources resources, CancellationToken cancel)
    {
        if (id.StartsWith(ClusterPrefix, StringComparison.Ordinal))
        {
            if (resources.Options.ClusterJobs is not { } ledger)
            {
                return Problems.NotFound($"job '{id}': this server is not connected to a cluster (dyereg serve --cluster URI)");
            }

            try
            {
                return await ledger.FindAsync(id[ClusterPrefix.Length..], cancel) is { } found ? Results.Ok(View(found)) : Problems.NotFound($"no cluster job '{id}'");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Problems.Of(StatusCodes.Status503ServiceUnavailable, $"the cluster's ledger cannot be read: {e.Message}");
            }
        }

        return jobs.Find(id) is { } job ? Results.Ok(View(job)) : Problems.NotFound($"no job '{id}'");
    }

    // The catalogue is the body; its name (query 'catalogue', else the Content-Disposition file name) says SMILES or SDF.
    private static async Task<IResult> Start(HttpContext context, ScreenJobQueue jobs, ServerResources resources, string? catalogue, string? format, [FromQuery] string[]? formula, string? validate, bool? markKnown)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = resources.Options.MaxCatalogueBytes + 1; // the queue names the limit
        }

        if (context.Request.ContentLength is { } length && length > resources.Options.MaxCatalogueBytes)
        {
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, $"catalogue: larger than {resources.Options.MaxCatalogueBytes:N0} bytes, the largest this server accepts");
        }

        var name = catalogue ?? (Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.TryParse(context.Request.Headers.ContentDisposition.ToString(), out var d) ? d.FileName.ToString().Trim('"') : null);
        if (string.IsNullOrWhiteSpace(name))
        {
            return Problems.BadRequest("catalogue: name the catalogue file (?catalogue=NAME.smi or NAME.sdf), which says SMILES or SDF");
        }

        if (ParseValidation(validate) is not { } validation)
        {
            return Problems.BadRequest($"validate: expected 'all' or 'hits', not '{validate}'");
        }

        try
        {
            var job = await jobs.SubmitAsync(context.User.Identity?.Name ?? "-", name, context.Request.Body, format ?? "jsonl", formula ?? [], validation, markKnown ?? false, context.RequestAborted);
            return Results.Created($"/api/v1/jobs/{job.Id}", View(job));
        }
        catch (ScreenJobException e)
        {
            return e.TooLarge ? Problems.Of(StatusCodes.Status413PayloadTooLarge, e.Message) : Problems.BadRequest(e.Message);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, $"catalogue: larger than {resources.Options.MaxCatalogueBytes:N0} bytes, the largest this server accepts");
        }
    }

    public static ScreenValidation? ParseValidation(string? value) => (value ?? "all").ToLowerInvariant() switch
    {
        "all" => ScreenValidation.All,
        "hits" => ScreenValidation.Hits,
        _ => null,
    };

    /// <summary>A chemist cancels and resumes the jobs the account started; a registrar or admin anyone's.</summary>
    public static bool MayControl(HttpContext context, ScreenJob job) =>
        RolePolicies.RoleOf(context.User) is { } role && (role >= Role.Registrar || job.Owner == context.User.Identity?.Name);

    private static async Task<IResult> Cancel(string id, HttpContext context, ScreenJobQueue jobs, ServerResources resources, CancellationToken cancel) =>
        id.StartsWith(ClusterPrefix, StringComparison.Ordinal) ? await CancelOnCluster(id, context, resources, cancel) : Control(id, context, jobs, cancel: true);

    // A cluster job is in the ledger, not this server's accounts: it has no owner here, so a registrar or admin cancels it.
    // The nodes stop its shards at their next renewal; its coordinator stops following it; --resume goes on.
    private static async Task<IResult> CancelOnCluster(string id, HttpContext context, ServerResources resources, CancellationToken cancel)
    {
        if (resources.Options.ClusterJobs is not { } ledger)
        {
            return Problems.NotFound($"job '{id}': this server is not connected to a cluster (dyereg serve --cluster URI)");
        }

        if (RolePolicies.RoleOf(context.User) is not { } role || role < Role.Registrar)
        {
            return Problems.Of(StatusCodes.Status403Forbidden, $"job '{id}' runs on the cluster, started by dyereg screen --cluster: only a registrar or admin may cancel it");
        }

        try
        {
            var key = id[ClusterPrefix.Length..];
            if (await ledger.FindAsync(key, cancel) is not { } job)
            {
                return Problems.NotFound($"no cluster job '{id}'");
            }

            return await ledger.CancelAsync(key, cancel)
                ? Results.Accepted($"/api/v1/jobs/{id}", View((await ledger.FindAsync(key, cancel))!))
                : Problems.Of(StatusCodes.Status409Conflict, $"job '{id}' is {ClusterState(job)}: only a running cluster job can be cancelled");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, $"the cluster's ledger cannot be reached: {e.Message}");
        }
    }

    private static IResult Resume(string id, HttpContext context, ScreenJobQueue jobs) => Control(id, context, jobs, cancel: false);

    private static IResult Control(string id, HttpContext context, ScreenJobQueue jobs, bool cancel)
    {
        if (jobs.Find(id) is not { } job)
        {
            return Problems.NotFound(id.StartsWith(ClusterPrefix, StringComparison.Ordinal)
                ? $"job '{id}': a cluster job is resumed by dyereg screen --cluster ... --resume, which merges its parts when they are done"
                : $"no job '{id}'");
        }

        if (!MayControl(context, job))
        {
            return Problems.Of(StatusCodes.Status403Forbidden, $"job '{id}' was started by {job.Owner}: only its owner or a registrar may {(cancel ? "cancel" : "resume")} it");
        }

        var done = cancel ? jobs.Cancel(id) : jobs.Resume(id);
        return done
            ? Results.Accepted($"/api/v1/jobs/{id}", View(jobs.Find(id)!))
            : Problems.Of(StatusCodes.Status409Conflict, $"job '{id}' is {Name(job.State)}: {(cancel ? "only a queued or running job can be cancelled" : "only a cancelled, interrupted or failed job can be resumed")}");
    }

    internal static IResult Download(string id, ScreenJobQueue jobs, bool hits)
    {
        if (jobs.Find(id) is not { } job)
        {
            return Problems.NotFound($"no job '{id}'");
        }

        if (job.State != ScreenJobState.Done)
        {
            return Problems.Of(StatusCodes.Status409Conflict, $"job '{id}' is {Name(job.State)}: its {(hits ? "hits are" : "errors are")} complete when it is done");
        }

        // Hits and errors name the catalogue as uploaded, not the folder the server keeps it in.
        var prefix = jobs.CataloguePrefix(job);
        var path = hits ? jobs.HitsPath(job) : jobs.ErrorsPath(job);
        var type = !hits ? "text/plain; charset=utf-8" : job.Format switch { "csv" => "text/csv; charset=utf-8", "sdf" => "chemical/x-mdl-sdfile", _ => "application/jsonl; charset=utf-8" };
        var name = Path.GetFileNameWithoutExtension(job.Catalogue) + (hits ? "-hits" + Path.GetExtension(path) : "-errors.txt");
        return Results.Stream(async stream =>
        {
            using var reader = new StreamReader(path);
            await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            while (await reader.ReadLineAsync() is { } line)
            {
                await writer.WriteLineAsync(line.Replace(prefix, string.Empty, StringComparison.Ordinal));
            }
        }, type, name);
    }

    internal static async Task<(IReadOnlyList<ClusterJobStatus> Jobs, string? Error)> ClusterJobs(ServerResources resources, CancellationToken cancel)
    {
        if (resources.Options.ClusterJobs is not { } ledger)
        {
            return ([], null);
        }

        try
        {
            return (await ledger.ListAsync(cancel), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ([], $"the cluster's ledger cannot be read: {e.Message}");
        }
    }

    /// <summary>Starts the queue with the server and stops it first when the server stops: running
    /// jobs stop at their next record, keep their checkpoints, and are Interrupted (resumable).</summary>
    private sealed class JobQueueService(ScreenJobQueue jobs, ServeOptions options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            jobs.Start();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            jobs.Stop(options.ShutdownTimeout);
            return Task.CompletedTask;
        }
    }
}
