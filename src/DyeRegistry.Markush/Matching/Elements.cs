namespace DyeRegistry.Markush.Matching;

/// <summary>Element symbols and the metal rule used by the Markush layer.</summary>
internal static class Elements
{
    private static readonly string[] Symbols =
    [
        "*", "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca",
        "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr",
        "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd",
        "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg",
        "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm",
        "Md", "No", "Lr", "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og",
    ];

    // Non-metals and noble gases; everything else is a metal. B, Si, Ge, As, Sb and Te count as
    // metals: the phthalocyanine patents of this family name Si and Ge centres (formulas.md, (C-I)).
    private static readonly HashSet<int> NonMetals = [0, 1, 2, 6, 7, 8, 9, 10, 15, 16, 17, 18, 34, 35, 36, 53, 54, 85, 86];

    /// <summary>Heteroatoms wherever a rule says "heteroatom": O, N, S, Se, Te.</summary>
    private static readonly HashSet<int> Hetero = [7, 8, 16, 34, 52];

    public static string Symbol(int z) => z >= 0 && z < Symbols.Length ? Symbols[z] : $"Z{z}";

    public static bool IsMetal(int z) => !NonMetals.Contains(z);

    public static bool IsHeteroatom(int z) => Hetero.Contains(z);

    public static bool IsHalogen(int z) => z is 9 or 17 or 35 or 53;
}
