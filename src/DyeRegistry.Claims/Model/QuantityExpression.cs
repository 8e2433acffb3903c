namespace DyeRegistry.Claims.Model;

/// <summary>What a numeric limitation compares: a recorded field, or a ratio or difference of
/// two (A/B, Y/X, D2 - D1). Uncertainty carries through by interval arithmetic.</summary>
public abstract record QuantityExpression
{
    /// <summary>The record fields the expression reads, in order.</summary>
    public abstract IReadOnlyList<FieldPath> Fields { get; }
}

/// <summary>One recorded quantity.</summary>
public sealed record FieldQuantity(FieldPath Path) : QuantityExpression
{
    public override IReadOnlyList<FieldPath> Fields => [Path];
}

/// <summary>Numerator over denominator (A/B, Y/X, particles : resin).</summary>
public sealed record RatioQuantity(FieldPath Numerator, FieldPath Denominator) : QuantityExpression
{
    public override IReadOnlyList<FieldPath> Fields => [Numerator, Denominator];
}

/// <summary>First minus second (D2 - D1).</summary>
public sealed record DifferenceQuantity(FieldPath First, FieldPath Second) : QuantityExpression
{
    public override IReadOnlyList<FieldPath> Fields => [First, Second];
}
