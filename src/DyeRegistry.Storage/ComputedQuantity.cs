namespace DyeRegistry.Storage;

/// <summary>
/// A value the registry computed for a record (a medium's A and Y from its isotherm), kept apart
/// from the document so the document still round-trips unchanged.
/// </summary>
/// <param name="Field">The document field it stands for, e.g. <c>ink_receiving_layer.peak_pore_diameter_nm</c>.</param>
/// <param name="Value">The value, in the unit the field name states.</param>
/// <param name="Unit">That unit, spelled out.</param>
/// <param name="Method">How it was obtained (method, branch, models, convention).</param>
public sealed record ComputedQuantity(string Field, double Value, string Unit, string Method)
{
    /// <summary>Always "computed": the source a claim chart shows.</summary>
    public string Source => "computed";
}
