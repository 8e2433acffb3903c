namespace DyeRegistry.Markush.Model;

/// <summary>Where a formula (or a reading) comes from; shown wherever a match is reported.</summary>
public enum Provenance
{
    /// <summary>The claim text states it.</summary>
    Read,

    /// <summary>Derived from the variable definitions and the chemistry of the patent family; the drawing is missing.</summary>
    Reconstructed,

    /// <summary>Not available: the formula never matches.</summary>
    Missing,
}
