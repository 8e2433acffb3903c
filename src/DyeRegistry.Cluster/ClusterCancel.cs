using System.Globalization;
using DyeRegistry.Application.Screening.Jobs;

namespace DyeRegistry.Cluster;

/// <summary>
/// <c>dyereg cluster cancel URI JOB</c>: the ledger's cancel (<see cref="JobLedger.CancelAsync"/>,
/// the one the jobs API uses), refused with the reason for a job the ledger does not know, one
/// that finished, and one cancelled already.
/// </summary>
public static class ClusterCancel
{
    /// <summary>What the cancel did, and the job as the ledger held it.</summary>
    public sealed record Outcome(string Id, bool Cancelled, ClusterJobStatus? Before)
    {
        public int Shards => Before?.Shards ?? 0;

        public int Done => Before?.Done ?? 0;

        public string Dir { get; init; } = string.Empty;

        /// <summary>Why the job was not cancelled, in words.</summary>
        public string Refusal(string cluster) => Before switch
        {
            null => $"no job '{Id}' in the ledger of {cluster} (dyereg cluster status {cluster} lists its jobs)",
            { Finished: { } at } => $"job {Id} finished at {Time(at)} ({Before.Done}/{Before.Shards} shards): only a running job can be cancelled",
            { Cancelled: { } at } => $"job {Id} was cancelled already at {Time(at)}; dyereg screen --cluster ... --resume makes it active again",
            _ => $"job {Id} is not active in the ledger of {cluster}: only a running job can be cancelled",
        };

        private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
    }

    public static Outcome Run(JobLedger ledger, string id)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("JOB: give a job's id (dyereg cluster status lists them)");
        }

        var before = ledger.StatusAsync(id).GetAwaiter().GetResult().FirstOrDefault();
        if (before is null)
        {
            return new Outcome(id, false, null);
        }

        var cancelled = ledger.Cancel(id);
        // Read again when refused: another cancel or the job's end may have come in between.
        var now = cancelled ? before : ledger.StatusAsync(id).GetAwaiter().GetResult().FirstOrDefault() ?? before;
        return new Outcome(id, cancelled, now) { Dir = ledger.Find(id)?.Dir ?? string.Empty };
    }
}
