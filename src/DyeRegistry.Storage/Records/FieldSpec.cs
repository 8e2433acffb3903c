namespace DyeRegistry.Storage.Records;

/// <summary>The shape of a field's value in a record document.</summary>
public enum FieldType
{
    Text,
    Boolean,

    /// <summary>A number in the unit the field name states, or {"value", "plus_minus", "source"}.</summary>
    Quantity,

    /// <summary>One of a fixed list of words.</summary>
    Choice,

    /// <summary>A name, or false for "none" (crosslinking_agent, mordant).</summary>
    NameOrFalse,

    Object,
    List,

    /// <summary>An object of free text values (SD fields carried over from an import).</summary>
    FreeTextMap,

    /// <summary>Any JSON value, kept as given (a raw isotherm, read by import).</summary>
    Raw,
}

/// <summary>One field of a record document as the record schema describes it: its name (with the
/// unit in it), its shape, its words (a choice) or unit (a quantity), and what it holds. Read from
/// the JSON Schema (<see cref="RecordSchema"/>): which values are valid is the schema's business
/// alone; this tree only names fields for the claim files and the messages. Immutable.</summary>
public sealed record FieldSpec(
    string Name,
    FieldType Type,
    IReadOnlyList<string>? Choices = null,
    IReadOnlyList<FieldSpec>? Fields = null,
    FieldSpec? Items = null,
    string? Unit = null);
