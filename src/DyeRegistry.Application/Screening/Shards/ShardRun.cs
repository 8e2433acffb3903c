using System.Text;

namespace DyeRegistry.Application.Screening.Shards;

/// <summary>
/// Runs one shard of a job: screens its records with the single-machine pipeline into
/// <c>part-K</c> files under temporary names, renames them, then writes the completion entry.
/// A shard whose entry is there and whose parts are those it describes is not run again, so
/// running a shard twice (a lease given out again, an array job retried) changes nothing.
/// </summary>
public static class ShardRun
{
    public sealed record Outcome(ShardCompletion Completion, bool AlreadyComplete);

    public static Outcome Run(ShardPlan plan, int index, ScreenRunner runner, int threads, CancellationToken cancel)
    {
        var shard = plan.ShardAt(index);
        if (ShardCompletion.Load(plan.Job, index) is { } done && done.Difference(plan) is null)
        {
            return new Outcome(done, true);
        }

        plan.RequireSameCatalogues();
        var (output, errors) = (JobFiles.PartOutput(plan, index), JobFiles.PartErrors(plan, index));
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var suffix = $".{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        ScreenRunner.SliceCounts counts;
        try
        {
            using (var outWriter = Open(output + suffix))
            using (var errWriter = Open(errors + suffix))
            {
                var writesHeader = index == 0; // the CSV header once, at the top of the merged output
                counts = runner.ScreenSlice(plan.Files[shard.FileIndex], ShardRecords.Read(plan, shard), outWriter, errWriter, plan.OutputFormat, writesHeader, plan.Validation, threads, cancel);
            }

            File.Move(output + suffix, output, overwrite: true);
            File.Move(errors + suffix, errors, overwrite: true);
        }
        finally
        {
            File.Delete(output + suffix);
            File.Delete(errors + suffix);
        }

        var completion = new ShardCompletion(index, counts.Records, counts.Hits, counts.Errors, counts.NotValidated,
            new FileInfo(output).Length, JobFiles.Sha256(output), new FileInfo(errors).Length, JobFiles.Sha256(errors));
        completion.Save(plan.Job);
        return new Outcome(completion, false);
    }

    private static StreamWriter Open(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
}
