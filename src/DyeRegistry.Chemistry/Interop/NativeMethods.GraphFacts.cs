using System.Runtime.InteropServices;

namespace DyeRegistry.Chemistry.Interop;

/// <summary>Mirrors <c>dr_atom_info</c>; field order and sizes must match the C header.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeAtomInfo
{
    public int AtomicNumber;
    public int FormalCharge;
    public int TotalHydrogenCount;
    public int Degree;
    public int Isotope;
    public int RadicalElectrons;
    public int Hybridization;
    public int RingSystem;
    public int SmallestRing;
    public byte IsAromatic;
    public byte IsInRing;
    public byte Reserved0;
    public byte Reserved1;
}

/// <summary>Mirrors <c>dr_bond_info</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeBondInfo
{
    public int BeginAtom;
    public int EndAtom;
    public int BondType;
    public byte IsAromatic;
    public byte IsInRing;
    public byte IsConjugated;
    public byte Reserved;
}

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static partial int dr_mol_atom_count(MolHandle mol, out int count, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_mol_atoms(MolHandle mol, out NativeAtomInfo* atoms, out int count, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_mol_bonds(MolHandle mol, out NativeBondInfo* bonds, out int count, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_mol_rings(MolHandle mol, out int* ringAtoms, out int* ringOffsets, out int ringCount, out byte* error);
}
