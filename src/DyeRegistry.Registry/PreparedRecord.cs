using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Registry;

/// <summary>A record after the work that needs no store (validation, dye chemistry): ready to be
/// applied, or with the reasons it cannot be.</summary>
public sealed record PreparedRecord(RecordInput Input, RecordKind? Kind, IReadOnlyList<string> Errors, DyeStructure? Dye)
{
    /// <summary>Values computed from the record (a medium's A and Y), stored beside it.</summary>
    public IReadOnlyList<ComputedQuantity> Computed { get; init; } = [];

    /// <summary>What could not be computed, and why (reported, not errors).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool Valid => Errors.Count == 0;
}
