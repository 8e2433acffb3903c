namespace DyeRegistry.Storage.Records;

/// <summary>The kinds of record the registry holds (records.md).</summary>
public enum RecordKind
{
    Dye,
    Solvent,
    Polymer,
    Ink,
    Medium,
}
