namespace DyeRegistry.Claims.Model;

/// <summary>What a claim is evaluated on (claims.md, "What is paired with what").</summary>
public enum Pairing
{
    /// <summary>A recording medium alone (seed 000 claims 1-16, seed 002 claims 1-10).</summary>
    Medium,

    /// <summary>A medium with its production record (seed 002 claims 11-20).</summary>
    MediumWithProduction,

    /// <summary>A recording method: an ink applied to a medium (seed 001 claims 1-15, seed 000 claims 17-19).</summary>
    InkAndMedium,
}
