using System.Text.Json;

namespace DyeRegistry.Application.Screening.Shards;

/// <summary>
/// The entry a shard's run leaves once its part files have their names: its counts and the
/// SHA-256 of each part, so that the merge (and a second run of the shard) can tell a complete
/// shard from one whose parts were lost or changed.
/// </summary>
public sealed record ShardCompletion(int Shard, long Records, long Hits, long Errors, long NotValidated, long OutputBytes, string OutputSha256, long ErrorBytes, string ErrorsSha256)
{
    public void Save(string job)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(JobFiles.Completion(job, Shard))!);
        JobFiles.WriteAtomically(JobFiles.Completion(job, Shard), JsonSerializer.Serialize(this, JobFiles.Json));
    }

    public static ShardCompletion? Load(string job, int shard)
    {
        var path = JobFiles.Completion(job, shard);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ShardCompletion>(File.ReadAllText(path), JobFiles.Json);
        }
        catch (JsonException)
        {
            return null; // unreadable: the shard is run again, which rewrites it
        }
    }

    /// <summary>Why the parts on disk are not the ones this entry describes, or null when they are.</summary>
    public string? Difference(ShardPlan plan)
    {
        var (output, errors) = (JobFiles.PartOutput(plan, Shard), JobFiles.PartErrors(plan, Shard));
        if (!File.Exists(output) || !File.Exists(errors))
        {
            return $"shard {Shard}: a part file is missing";
        }

        return new FileInfo(output).Length != OutputBytes || JobFiles.Sha256(output) != OutputSha256 ? $"shard {Shard}: {output} is not the part that was completed"
            : new FileInfo(errors).Length != ErrorBytes || JobFiles.Sha256(errors) != ErrorsSha256 ? $"shard {Shard}: {errors} is not the part that was completed"
            : null;
    }
}
