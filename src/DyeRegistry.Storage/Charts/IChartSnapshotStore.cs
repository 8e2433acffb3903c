namespace DyeRegistry.Storage.Charts;

/// <summary>
/// Issued claim charts: each a frozen snapshot (the chart as rendered, the registry versions it
/// used, who issued it, when, and a note) that reads back unchanged whatever happens to the records
/// later. Implementations: DyeRegistry.Storage.Sqlite (SqliteChartSnapshotStore), DyeRegistry.Storage.Postgres (PostgresChartSnapshotStore).
/// </summary>
public interface IChartSnapshotStore : IDisposable
{
    /// <summary>Stores a snapshot; returns it with its number.</summary>
    ChartSnapshot Add(ChartSnapshot snapshot);

    ChartSnapshot? Get(long number);

    /// <summary>Snapshots of this medium (and, when given, this ink; a null ink means the medium-alone
    /// charts), newest first, without their rendered texts.</summary>
    IReadOnlyList<ChartSnapshot> List(string? mediumId = null, string? inkId = null);
}

/// <summary>One issued chart.</summary>
/// <param name="Number">Assigned by the store (0 before it is stored).</param>
/// <param name="MediumId">The medium charted.</param>
/// <param name="InkId">The ink charted on it, or null for the medium alone.</param>
/// <param name="Versions">The records the chart used, "ID@VERSION" each.</param>
/// <param name="IssuedBy">The account that issued it.</param>
/// <param name="IssuedUtc">When.</param>
/// <param name="Note">What the issuer wrote with it (may be empty).</param>
/// <param name="Html">The chart as the HTML renderer made it (empty in lists).</param>
/// <param name="Json">The chart as the JSON renderer made it (empty in lists).</param>
public sealed record ChartSnapshot(long Number, string MediumId, string? InkId, IReadOnlyList<string> Versions, string IssuedBy, DateTimeOffset IssuedUtc, string Note, string Html, string Json);
