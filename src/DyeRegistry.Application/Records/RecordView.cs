using DyeRegistry.Storage;

namespace DyeRegistry.Application.Records;

/// <summary>Everything known about one record: its document and version, for a dye its
/// standardized parent and formulas, computed values, history, and who references it.</summary>
public sealed record RecordView(StoredRecord Record, DyeStructure? Dye, IReadOnlyList<ComputedQuantity> Computed, IReadOnlyList<RecordChange> History, IReadOnlyList<string> ReferencedBy)
{
    /// <summary>The record with this id; a <see cref="RegistryException"/> when there is none.</summary>
    public static RecordView Of(IRegistryStore store, string id)
    {
        var record = store.Get(id) ?? throw new RegistryException($"no record '{id}'");
        return new RecordView(record, store.GetDye(record.Id), store.Computed(record.Id), store.History(record.Id), store.ReferencedBy(record.Id));
    }
}
