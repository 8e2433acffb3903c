using DyeRegistry.Storage;

namespace DyeRegistry.Application.Records;

/// <summary>Everything known about one record: its document and version, for a dye its
/// standardized parent and formulas, computed values, history, and who references it.</summary>
public sealed record RecordView(StoredRecord Record, DyeStructure? Dye, IReadOnlyList<ComputedQuantity> Computed, IReadOnlyList<RecordChange> History, IReadOnlyList<string> ReferencedBy)
{
    /// <summary>The record with this id; a <see cref="RegistryException"/> when there is none.</summary>
    public static RecordView Of(IRegistryStore store, string id)
    {
        var record = store.Get(id) ?? throw new RegistryException(RecordIdSuggestions.NoRecord(store, id));
        var referencedBy = store.ReferencedBy(record.Id);
        return new RecordView(record, store.GetDye(record.Id), store.Computed(record.Id), store.History(record.Id), referencedBy)
        {
            Forms = record.Kind == DyeRegistry.Storage.Records.RecordKind.Dye
                ? referencedBy.Where(r => store.Get(r) is { Kind: DyeRegistry.Storage.Records.RecordKind.Dye } form && form.Document["parent"]?.GetValue<string>() == record.Id).ToList()
                : [],
        };
    }

    /// <summary>The dyes registered as forms (salts, hydrates, batches) of this one.</summary>
    public IReadOnlyList<string> Forms { get; init; } = [];

    /// <summary>The record as it was at <paramref name="version"/> (from its history); the
    /// chemistry, computed values and references shown with it are today's.</summary>
    public RecordView AtVersion(int version)
    {
        if (version == Record.Version)
        {
            return this;
        }

        var change = History.LastOrDefault(c => c.Version == version && c.Document is not null)
            ?? throw new RegistryException($"{Record.Id} has no version {version} (versions: {string.Join(", ", History.Where(c => c.Document is not null).Select(c => c.Version).Distinct())})");
        var document = System.Text.Json.Nodes.JsonNode.Parse(change.Document!)!.AsObject();
        return this with { Record = Record with { Version = version, Document = document, UpdatedUtc = change.AtUtc }, Dye = null, Computed = [], EarlierVersion = true };
    }

    /// <summary>True when this is an earlier version (its parent and formulas are not stored: not shown).</summary>
    public bool EarlierVersion { get; init; }
}
