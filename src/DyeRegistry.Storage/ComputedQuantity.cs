namespace DyeRegistry.Storage;

/// <summary>
/// A value the registry computed for a record (a medium's A and Y from its isotherm) or estimated
/// for it (a dye's or solvent's water solubility from its structure, where nothing was measured),
/// kept apart from the document so the document still round-trips unchanged.
/// </summary>
/// <param name="Field">The document field it stands for, e.g. <c>ink_receiving_layer.peak_pore_diameter_nm</c>.</param>
/// <param name="Value">The value, in the unit the field name states.</param>
/// <param name="Unit">That unit, spelled out.</param>
/// <param name="Method">How it was obtained (method, branch, models, convention; for an estimate the model and its interval).</param>
public sealed record ComputedQuantity(string Field, double Value, string Unit, string Method)
{
    /// <summary>The source a claim chart shows: "computed" (from recorded data by a stated
    /// method) or "estimated" (predicted by a model, with <see cref="Low"/> and <see cref="High"/>).</summary>
    public string Source { get; init; } = Computed;

    /// <summary>The lower end of the value's interval (an estimate's prediction interval), in <see cref="Unit"/>; null when exact.</summary>
    public double? Low { get; init; }

    /// <summary>The upper end of that interval; null when exact.</summary>
    public double? High { get; init; }

    /// <summary>What produced it, to find values to redo when that changes (for an estimate: the
    /// model and its version); null for values computed from the record alone.</summary>
    public string? Stamp { get; init; }

    public const string Computed = "computed";

    public const string Estimated = "estimated";
}
