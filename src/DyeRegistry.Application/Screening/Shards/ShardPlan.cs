using System.Text.Json;

namespace DyeRegistry.Application.Screening.Shards;

/// <summary>
/// One shard: a byte range of one catalogue file, cut at record boundaries, and where in the file
/// it starts (line and record numbers), so that its records carry the locations a single-machine
/// screen gives them. A gzip file is one shard (its bytes cannot be entered in the middle).
/// </summary>
public sealed record Shard(int Index, int FileIndex, long Offset, long Length, long FirstLine, long FirstRecord, bool WholeFile);

/// <summary>
/// A screening job cut into shards: the catalogues (with their identities, so that a changed file
/// is refused), what to screen for, and the shards in output order. Written once as
/// <c>JOB/plan.json</c>; every worker and the merge read it. The job directory is on storage all
/// workers share.
/// </summary>
public sealed record ShardPlan(
    string Job,
    string[] Files,
    CatalogueIdentity?[] Identities,
    string FormulaFolder,
    string[] Formulas,
    ScreenValidation Validation,
    string OutputFormat,
    long RecordsPerShard,
    Shard[] Shards)
{
    public static string PathFor(string job) => Path.Combine(job, "plan.json");

    public void Save()
    {
        Directory.CreateDirectory(Job);
        JobFiles.WriteAtomically(PathFor(Job), JsonSerializer.Serialize(this, JobFiles.Json));
    }

    public static ShardPlan Load(string job)
    {
        var path = PathFor(job);
        if (!File.Exists(path))
        {
            throw new IOException($"{job}: no screening job there (no {path}); plan it first with dyereg screen plan");
        }

        try
        {
            var plan = JsonSerializer.Deserialize<ShardPlan>(File.ReadAllText(path), JobFiles.Json)
                ?? throw new IOException($"{path} is empty");
            return plan with { Job = job };
        }
        catch (JsonException e)
        {
            throw new IOException($"{path} cannot be read as a job plan: {e.Message}");
        }
    }

    public Shard ShardAt(int index) =>
        index >= 0 && index < Shards.Length ? Shards[index]
        : throw new ArgumentException($"{Job}: no shard {index} (the job has shards 0 to {Shards.Length - 1})");

    /// <summary>Throws when a catalogue is no longer the file the job was planned on.</summary>
    public void RequireSameCatalogues()
    {
        for (var i = 0; i < Files.Length; i++)
        {
            var now = CatalogueIdentity.Of(Files[i]) ?? throw new IOException("standard input cannot be sharded");
            if (Identities[i]?.Difference(now) is { } difference)
            {
                throw new IOException($"{Job}: {difference}; plan the job again");
            }
        }
    }
}
