using System.Text.Json.Nodes;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Storage.Tests;

/// <summary>A store that hands out another store's rows through <see cref="HeldRows"/>: what a
/// caller (export, migrate, check) keeps of the registry while it walks it is counted.</summary>
internal sealed class WatchedStore(IRegistryStore inner, HeldRows held) : IRegistryStore
{
    private static IEnumerable<object?> Parts(StoredRecord r) => [r.Document];

    public string Location => inner.Location;

    public int SchemaVersion => inner.SchemaVersion;

    public StoredRecord? Get(string id) => inner.Get(id);

    public IReadOnlyList<StoredRecord> List(RecordKind? kind = null) => held.Watch(inner.Records(kind), Parts).ToList();

    public IEnumerable<StoredRecord> Records(RecordKind? kind = null) => held.Watch(inner.Records(kind), Parts);

    public long HistoryCount() => inner.HistoryCount();

    public IReadOnlyList<RecordChange> History(string id) => inner.History(id);

    public IEnumerable<RecordChange> AllHistory() => held.Watch(inner.AllHistory());

    public IReadOnlyList<string> ReferencedBy(string id) => inner.ReferencedBy(id);

    public string? DyeWithParentKey(string parentKey) => inner.DyeWithParentKey(parentKey);

    public DyeStructure? GetDye(string id) => inner.GetDye(id);

    public IReadOnlyList<ComputedQuantity> Computed(string id) => inner.Computed(id);

    public IEnumerable<DyeStructure> Dyes() => held.Watch(inner.Dyes());

    // The searches' candidates, from the store's own queries (its SQL), watched as they are handed out.
    public IEnumerable<DyeStructure> SubstructureCandidates(string smarts) => held.Watch(inner.SubstructureCandidates(smarts));

    public IEnumerable<DyeStructure> SubstructureCandidates(string smarts, byte[] patternScreen) => held.Watch(inner.SubstructureCandidates(smarts, patternScreen));

    public IEnumerable<DyeStructure> SimilarityCandidates(byte[] morganFingerprint, double minimum) => held.Watch(inner.SimilarityCandidates(morganFingerprint, minimum));

    public IEnumerable<DyeStructure> FormulaCandidates(string formulaId, string stamp) => held.Watch(inner.FormulaCandidates(formulaId, stamp));

    public IReadOnlyList<DyeStructure> StaleFormulaDyes(string stamp, string? afterId, int limit) => held.Watch(inner.StaleFormulaDyes(stamp, afterId, limit)).ToList();

    public IEnumerable<DyeStructure> ExactCandidates(string parentKey) => held.Watch(inner.ExactCandidates(parentKey));

    public IRegistryTransaction Begin() => inner.Begin();

    public string IntegrityCheck() => inner.IntegrityCheck();

    public IEnumerable<RecordScan> Scan() => held.Watch(inner.Scan(), s => [s.Record, s.Record?.Document]);

    public IEnumerable<RecordScan> Scan(RecordKind kind) => held.Watch(inner.Scan(kind), s => [s.Record, s.Record?.Document]);

    public void Dispose()
    {
        // the inner store belongs to the test
    }

    /// <summary>A document the registry's validator accepts, for a walk's rows.</summary>
    public static JsonObject Polymer(string id) => new() { ["kind"] = "polymer", ["id"] = id, ["name"] = "polymer " + id + new string('x', 300) };
}
