using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using DyeRegistry.Application.Matching;
using DyeRegistry.Chemistry;
using DyeRegistry.Chemistry.IO;
using DyeRegistry.Markush;
using DyeRegistry.Markush.Matching;
using DyeRegistry.Storage;

namespace DyeRegistry.Application.Screening.Jobs;

/// <summary>A catalogue or job request the queue refuses, in the CLI's words; <see cref="TooLarge"/>
/// when the upload passed the size limit.</summary>
public sealed class ScreenJobException(string message, bool tooLarge = false) : Exception(message)
{
    public bool TooLarge { get; } = tooLarge;
}

/// <summary>How the queue runs jobs: how many at once (slots), threads per job, the largest
/// catalogue accepted, and the structure limits of the reader.</summary>
public sealed record ScreenJobLimits(int Slots, int Threads, long MaxCatalogueBytes, StructureLimits Structures);

/// <summary>
/// The screening jobs of <c>dyereg serve</c>: each in its own folder (the uploaded catalogue,
/// <c>job.json</c>, the hits and errors files as <c>dyereg screen -o HITS --errors ERRORS</c> writes
/// them, with its checkpoint). Jobs run with <see cref="ScreenRunner"/> on the queue's own
/// threads (at most <see cref="ScreenJobLimits.Slots"/> at once), never on a request's thread.
/// A job that was running when the server stopped or was killed is found Interrupted at the next
/// start and resumes from its checkpoint, to the same output as an uninterrupted run.
/// </summary>
public sealed class ScreenJobQueue : IDisposable
{
    public const string ErrorsFileName = "errors.txt";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    private readonly string folder;
    private readonly FormulaLibrary library;
    private readonly Func<IRegistryStore?> registry;
    private readonly ScreenJobLimits limits;
    private readonly ConcurrentDictionary<string, ScreenJob> jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> running = new(StringComparer.Ordinal);
    private readonly BlockingCollection<string> queue = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Thread> threads = [];
    private readonly object persist = new();

    public ScreenJobQueue(string folder, FormulaLibrary library, Func<IRegistryStore?> registry, ScreenJobLimits limits)
    {
        (this.folder, this.library, this.registry, this.limits) = (folder, library, registry, limits);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(folder, "job.json", SearchOption.AllDirectories))
        {
            var job = Load(file);
            if (job is null)
            {
                continue;
            }

            // Running when the last server stopped (or was killed): its checkpoint says how far it got.
            if (job.State == ScreenJobState.Running)
            {
                job = job with { State = ScreenJobState.Interrupted, Message = "the server stopped while this job ran; resume it to go on from its checkpoint" };
                Save(job);
            }

            jobs[job.Id] = job;
        }

        // Queued and never started: they start again in the order they were submitted.
        foreach (var job in jobs.Values.Where(j => j.State == ScreenJobState.Queued).OrderBy(j => j.Created))
        {
            queue.Add(job.Id);
        }
    }

    public string Folder => folder;

    /// <summary>Starts the queue's threads (dedicated, one per slot).</summary>
    public void Start()
    {
        for (var i = 0; i < Math.Max(1, limits.Slots); i++)
        {
            var thread = new Thread(Work) { IsBackground = true, Name = $"screen-job-{i}" };
            threads.Add(thread);
            thread.Start();
        }
    }

    /// <summary>Stops running jobs at their next record (each keeps its checkpoint and is Interrupted,
    /// resumable) and waits for the threads up to <paramref name="wait"/>.</summary>
    public void Stop(TimeSpan wait)
    {
        stopping.Cancel();
        queue.CompleteAdding();
        foreach (var c in running.Values)
        {
            c.Cancel();
        }

        var until = DateTime.UtcNow + wait;
        foreach (var t in threads)
        {
            t.Join(until - DateTime.UtcNow is { Ticks: > 0 } left ? left : TimeSpan.Zero);
        }
    }

    public IReadOnlyList<ScreenJob> List() => [.. jobs.Values.OrderByDescending(j => j.Created).ThenBy(j => j.Id, StringComparer.Ordinal)];

    public ScreenJob? Find(string id) => jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>
    /// Streams a catalogue to the job's folder (refused past <see cref="ScreenJobLimits.MaxCatalogueBytes"/>)
    /// and queues the job. The name decides SMILES or SDF as for <c>dyereg screen</c>; the format is the
    /// hits file's (csv, jsonl, sdf).
    /// </summary>
    public async Task<ScreenJob> SubmitAsync(string owner, string catalogueName, Stream body, string format, string[] formulas, ScreenValidation validation, bool markKnown, CancellationToken cancel)
    {
        var name = SafeName(catalogueName);
        if (StructureFileReader.FormatFromName(name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name) is null)
        {
            throw new ScreenJobException($"catalogue '{catalogueName}': expected a name ending in .smi, .smiles, .txt, .csv (SMILES lines) or .sdf, .sd (SDF), optionally .gz");
        }

        if (!ScreenWriter.Extensions.ContainsKey(format))
        {
            throw new ScreenJobException($"format '{format}': expected {string.Join(", ", ScreenWriter.Extensions.Keys)} (the hits file's format, as dyereg screen -o)");
        }

        try
        {
            StructureMatching.RequireKnown(library, formulas);
        }
        catch (ArgumentException e)
        {
            throw new ScreenJobException("formula: " + e.Message);
        }

        if (stopping.IsCancellationRequested)
        {
            throw new ScreenJobException("the server is stopping; submit the job again when it is back");
        }

        var id = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        var dir = Path.Combine(folder, id);
        Directory.CreateDirectory(dir);
        long bytes = 0;
        try
        {
            await using var target = new FileStream(Path.Combine(dir, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            var chunk = new byte[1 << 16];
            int n;
            while ((n = await body.ReadAsync(chunk, cancel)) > 0)
            {
                bytes += n;
                if (bytes > limits.MaxCatalogueBytes)
                {
                    throw new ScreenJobException($"catalogue '{catalogueName}': larger than {limits.MaxCatalogueBytes:N0} bytes, the largest this server accepts (screen it with dyereg screen, or on a cluster)", tooLarge: true);
                }

                await target.WriteAsync(chunk.AsMemory(0, n), cancel);
            }
        }
        catch
        {
            Directory.Delete(dir, recursive: true);
            throw;
        }

        if (bytes == 0)
        {
            Directory.Delete(dir, recursive: true);
            throw new ScreenJobException($"catalogue '{catalogueName}': empty");
        }

        var job = new ScreenJob
        {
            Id = id,
            Owner = owner,
            Catalogue = name,
            CatalogueBytes = bytes,
            Format = format,
            Formulas = formulas,
            Validation = validation,
            MarkKnown = markKnown,
            Created = DateTimeOffset.UtcNow,
        };
        Update(job);
        queue.Add(id, CancellationToken.None);
        return job;
    }

    /// <summary>Stops a queued or running job (a running one at its next record, keeping its
    /// checkpoint); false when it had ended already.</summary>
    public bool Cancel(string id)
    {
        lock (persist)
        {
            if (Find(id) is not { } job)
            {
                return false;
            }

            if (job.State == ScreenJobState.Queued)
            {
                Update(job with { State = ScreenJobState.Cancelled, Finished = DateTimeOffset.UtcNow, Message = "cancelled before it started" });
                return true;
            }

            if (job.State == ScreenJobState.Running && running.TryGetValue(id, out var c))
            {
                c.Cancel();
                return true;
            }

            return false;
        }
    }

    /// <summary>Queues a cancelled, interrupted or failed job again; it goes on from its checkpoint
    /// (from the start when it has none). False when the job is not stopped.</summary>
    public bool Resume(string id)
    {
        lock (persist)
        {
            if (Find(id) is not { Resumable: true } job || stopping.IsCancellationRequested)
            {
                return false;
            }

            Update(job with { State = ScreenJobState.Queued, Finished = null, Message = null });
            queue.Add(id);
            return true;
        }
    }

    public string DirectoryOf(ScreenJob job) => Path.Combine(folder, job.Id);

    /// <summary>The hits file of a done job (as dyereg screen -o writes it).</summary>
    public string HitsPath(ScreenJob job) => Path.Combine(DirectoryOf(job), "hits" + ScreenWriter.Extensions[job.Format][0]);

    public string ErrorsPath(ScreenJob job) => Path.Combine(DirectoryOf(job), ErrorsFileName);

    /// <summary>Error lines name the catalogue as uploaded, not where the server keeps it.</summary>
    public string CataloguePrefix(ScreenJob job) => DirectoryOf(job) + Path.DirectorySeparatorChar;

    private void Work()
    {
        try
        {
            foreach (var id in queue.GetConsumingEnumerable(stopping.Token))
            {
                if (Find(id) is { State: ScreenJobState.Queued } job)
                {
                    Run(job);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the server is stopping
        }
    }

    private void Run(ScreenJob job)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        lock (persist)
        {
            if (Find(job.Id) is not { State: ScreenJobState.Queued })
            {
                return; // cancelled meanwhile
            }

            running[job.Id] = cancel;
            job = job with { State = ScreenJobState.Running, Started = job.Started ?? DateTimeOffset.UtcNow };
            Update(job);
        }

        var hits = HitsPath(job);
        var resume = File.Exists(ScreenCheckpoint.PathFor(hits));
        var request = new ScreenRequest([Path.Combine(DirectoryOf(job), job.Catalogue)], hits, ErrorsPath(job), false, limits.Threads, resume, limits.Structures, job.Validation);
        var saved = DateTime.UtcNow;
        try
        {
            using var store = job.MarkKnown ? registry() : null;
            var runner = new ScreenRunner(new MarkushMatcher(library), new MatchOptions { Formulas = job.Formulas }, store);
            var summary = runner.Run(request, TextWriter.Null, cancel.Token, p =>
            {
                job = WithCounts(job, p);
                jobs[job.Id] = job; // what a poll sees at once; job.json at most every second
                if (DateTime.UtcNow - saved > TimeSpan.FromSeconds(1))
                {
                    Save(job);
                    saved = DateTime.UtcNow;
                }
            });
            job = WithCounts(job, summary.Progress) with { Finished = DateTimeOffset.UtcNow };
            job = !summary.Stopped ? job with { State = ScreenJobState.Done, BytesRead = job.CatalogueBytes }
                : stopping.IsCancellationRequested ? job with { State = ScreenJobState.Interrupted, Message = $"the server stopped at {Shown(job, summary.StoppedAt)}; resume to go on from there" }
                : job with { State = ScreenJobState.Cancelled, Message = $"cancelled at {Shown(job, summary.StoppedAt)}; resume to go on from there" };
        }
        catch (Exception e) when (e is IOException or ArgumentException or ChemistryException or RegistryException or UnauthorizedAccessException)
        {
            job = job with { State = ScreenJobState.Failed, Finished = DateTimeOffset.UtcNow, Message = e.Message.Replace(CataloguePrefix(job), string.Empty, StringComparison.Ordinal) };
        }
        finally
        {
            running.TryRemove(job.Id, out _);
        }

        lock (persist)
        {
            Update(job);
        }
    }

    private string Shown(ScreenJob job, string? at) => (at ?? "?").Replace(CataloguePrefix(job), string.Empty, StringComparison.Ordinal);

    private static ScreenJob WithCounts(ScreenJob job, ScreenProgress p) => job with
    {
        Records = p.Records,
        Hits = p.Hits,
        Errors = p.Errors,
        BytesRead = p.BytesRead,
        Seconds = Math.Round(p.Elapsed.TotalSeconds, 3),
        HitsPerFormula = new Dictionary<string, long>(p.HitsPerFormula, StringComparer.Ordinal),
    };

    private void Update(ScreenJob job)
    {
        jobs[job.Id] = job;
        Save(job);
    }

    private void Save(ScreenJob job)
    {
        lock (persist)
        {
            var path = Path.Combine(folder, job.Id, "job.json");
            File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(job, Json));
            File.Move(path + ".tmp", path, overwrite: true); // never a half-written job.json
        }
    }

    private static ScreenJob? Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ScreenJob>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null; // not ours, or from an incompatible version: left alone
        }
    }

    // The uploaded name, kept to letters, digits, '.', '-', '_' (it names a file on the server).
    private static string SafeName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var safe = new string([.. file.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]).TrimStart('.');
        return safe is "" or "job.json" || safe.StartsWith("hits", StringComparison.Ordinal) || safe.StartsWith("errors", StringComparison.Ordinal) ? "catalogue-" + safe : safe;
    }

    public void Dispose()
    {
        if (!stopping.IsCancellationRequested)
        {
            Stop(TimeSpan.FromSeconds(5));
        }

        queue.Dispose();
        stopping.Dispose();
    }
}
