namespace DyeRegistry.Pores.Distribution;

/// <summary>The classical mesopore methods, cylindrical pores.</summary>
public enum PsdMethod
{
    /// <summary>Barrett, Joyner and Halenda (1951).</summary>
    Bjh,

    /// <summary>Dollimore and Heal (1964).</summary>
    DollimoreHeal,
}
