using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Registry;

/// <summary>A record after the work that needs no store (validation, dye chemistry): ready to be
/// applied, or with the reasons it cannot be.</summary>
public sealed record PreparedRecord(RecordInput Input, RecordKind? Kind, IReadOnlyList<string> Errors, DyeStructure? Dye)
{
    public bool Valid => Errors.Count == 0;
}
