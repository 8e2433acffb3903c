namespace DyeRegistry.Markush.Model;

/// <summary>The kinds of centre M a macrocycle may hold ((C-I)).</summary>
public enum CentralKind
{
    /// <summary>Metal-free: NH (or N-) without a metal.</summary>
    Hydrogen,

    /// <summary>A metal (B, Si, Ge, As, Sb, Te count as metals) without axial ligands.</summary>
    Metal,

    /// <summary>A metal with an oxo ligand (VO, TiO).</summary>
    MetalOxide,

    /// <summary>A metal with hydroxy ligands (AlOH, Si(OH)2).</summary>
    MetalHydroxide,

    /// <summary>A metal with halide ligands (AlCl, SiCl2).</summary>
    MetalHalide,

    /// <summary>Anything else (an -O-SiR3, -O-aryl or pyridine axial ligand ...).</summary>
    Other,
}

/// <summary>The central atom rule of a macrocyclic formula: the mapped inner N atoms and the allowed kinds of M.</summary>
public sealed record CentralAtomRule(IReadOnlyList<int> AtomMaps, IReadOnlyList<CentralKind> Allowed, int Line);
