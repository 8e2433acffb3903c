namespace DyeRegistry.Claims.Evaluation;

/// <summary>
/// One value a limitation used: which record (and its registry version), which field, the
/// value as recorded with its unit and uncertainty, and where it came from (measured,
/// literature, computed from an isotherm with the method, estimated, asserted, derived).
/// </summary>
/// <param name="Label">What the claim calls it (A, B, X, solvent boiling point).</param>
/// <param name="Record">The record id.</param>
/// <param name="RecordVersion">Its registry version; null for a record read from a file.</param>
/// <param name="Field">The field inside the record (<c>ink_receiving_layer.dry_thickness_um</c>).</param>
/// <param name="Value">The value as recorded (number, word, true/false).</param>
/// <param name="PlusMinus">Its stated uncertainty, in the same unit; null when none.</param>
/// <param name="Unit">The field's unit (from its name); null for words and booleans.</param>
/// <param name="Source">measured, literature, computed, estimated, asserted, or derived.</param>
/// <param name="Method">How a computed or derived value was obtained; null otherwise.</param>
public sealed record Evidence(
    string Label,
    string Record,
    int? RecordVersion,
    string Field,
    string Value,
    decimal? PlusMinus,
    string? Unit,
    string Source,
    string? Method)
{
    /// <summary>The lower end of an estimate's prediction interval (not symmetric, so not a
    /// <see cref="PlusMinus"/>), in <see cref="Unit"/>; null otherwise.</summary>
    public decimal? Low { get; init; }

    /// <summary>The upper end of that interval; null otherwise.</summary>
    public decimal? High { get; init; }
}
