namespace DyeRegistry.Application.Screening.Shards;

/// <summary>
/// Joins the parts of a complete job in shard order into the output and errors files (under
/// their partial names first, renamed when whole): the result is the single-machine screen's.
/// Refuses a job with a shard not completed or a part that is not the one its entry describes.
/// </summary>
public static class ShardMerge
{
    public sealed record Totals(long Records, long Hits, long Errors, long NotValidated, int Shards);

    /// <summary>The shards not yet completed (with a sound entry), in order.</summary>
    public static IReadOnlyList<int> Missing(ShardPlan plan) =>
        plan.Shards.Where(s => ShardCompletion.Load(plan.Job, s.Index) is not { } c || c.Difference(plan) is not null).Select(s => s.Index).ToList();

    public static Totals Merge(ShardPlan plan, string output, string? errorsFile)
    {
        var completions = new List<ShardCompletion>();
        foreach (var shard in plan.Shards)
        {
            var c = ShardCompletion.Load(plan.Job, shard.Index) ?? throw new IOException($"{plan.Job}: shard {shard.Index} is not complete; run it (dyereg screen shard --job {plan.Job} --shard {shard.Index})");
            if (c.Difference(plan) is { } why)
            {
                throw new IOException($"{plan.Job}: {why}; run the shard again");
            }

            completions.Add(c);
        }

        Concatenate(plan.Shards.Select(s => JobFiles.PartOutput(plan, s.Index)), output);
        if (errorsFile is not null)
        {
            Concatenate(plan.Shards.Select(s => JobFiles.PartErrors(plan, s.Index)), errorsFile);
        }

        return new Totals(completions.Sum(c => c.Records), completions.Sum(c => c.Hits), completions.Sum(c => c.Errors), completions.Sum(c => c.NotValidated), completions.Count);
    }

    private static void Concatenate(IEnumerable<string> parts, string target)
    {
        var partial = ScreenCheckpoint.PartialPath(target);
        using (var to = new FileStream(partial, FileMode.Create, FileAccess.Write))
        {
            foreach (var part in parts)
            {
                using var from = File.OpenRead(part);
                from.CopyTo(to, 1 << 20);
            }
        }

        File.Move(partial, target, overwrite: true);
    }
}
