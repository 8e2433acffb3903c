using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DyeRegistry.Application.Screening.Shards;

/// <summary>Where a job keeps its parts and completion entries, and how they are written:
/// always to a temporary name first and then renamed, so a reader never sees half a file.</summary>
public static class JobFiles
{
    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public static string PartOutput(ShardPlan plan, int shard) => Path.Combine(plan.Job, "parts", $"part-{shard:D6}.{plan.OutputFormat}");

    public static string PartErrors(ShardPlan plan, int shard) => Path.Combine(plan.Job, "parts", $"part-{shard:D6}.errors");

    public static string Completion(string job, int shard) => Path.Combine(job, "done", $"shard-{shard:D6}.json");

    public static void WriteAtomically(string path, string text)
    {
        var tmp = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(tmp, text);
        File.Move(tmp, path, overwrite: true);
    }

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}
