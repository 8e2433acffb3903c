namespace DyeRegistry.Chemistry;

/// <summary>Which descriptors to compute: the polarity group costs several SMARTS searches.</summary>
[Flags]
public enum DescriptorGroups
{
    /// <summary>Masses, Crippen logP and MR, heavy and aromatic atom counts (cheap).</summary>
    MassAndLogP = 1,

    /// <summary>TPSA, H-bond donors and acceptors, rotatable bonds.</summary>
    Polarity = 2,

    All = MassAndLogP | Polarity,

    /// <summary>Average and exact mass and heavy atom count only, without Crippen's atom typing
    /// (the cheapest: a salt's mass for unit conversion).</summary>
    Mass = 4,
}
