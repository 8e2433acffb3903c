namespace DyeRegistry.Storage.Records;

/// <summary>One problem in one record: the field (a JSON path such as
/// <c>ink_receiving_layer.polymer_particles.average_diameter_nm</c>) and what was expected.</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
