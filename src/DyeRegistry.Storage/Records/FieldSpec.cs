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

    /// <summary>Any JSON value, kept as given (a raw isotherm until issue #7 reads it).</summary>
    Raw,
}

/// <summary>What range a quantity may take.</summary>
public enum QuantityRange
{
    /// <summary>Zero or more (amounts, sizes, volumes).</summary>
    NonNegative,

    /// <summary>From 0 to 100 (percentages).</summary>
    Percent,

    /// <summary>Any real number (a temperature in degrees Celsius).</summary>
    Any,
}

/// <summary>One field of a record document: its name (with the unit in it), its shape, whether it
/// is required, and its rule. A quantity's <see cref="Minimum"/> and <see cref="Maximum"/> are the
/// documented range of plausible values (docs: the record format); import refuses values outside
/// it. Immutable.</summary>
public sealed record FieldSpec(
    string Name,
    FieldType Type,
    bool Required = false,
    QuantityRange Range = QuantityRange.NonNegative,
    IReadOnlyList<string>? Choices = null,
    IReadOnlyList<FieldSpec>? Fields = null,
    FieldSpec? Items = null,
    string? Unit = null,
    double? Minimum = null,
    double? Maximum = null);
