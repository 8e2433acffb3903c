using System.Runtime.InteropServices;

namespace DyeRegistry.Chemistry.Interop;

/// <summary>Mirrors <c>dr_descriptors</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeDescriptors
{
    public double AverageMass;
    public double ExactMass;
    public double CrippenLogP;
    public double CrippenMolarRefractivity;
    public double Tpsa;
    public int RotatableBonds;
    public int HBondDonors;
    public int HBondAcceptors;
    public int HeavyAtoms;
    public int AromaticAtoms;
    public int Reserved;
    public double AromaticAtomFraction;
}

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static partial int dr_mol_descriptors(MolHandle mol, int groups, out NativeDescriptors descriptors, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_mol_formula(MolHandle mol, out byte* formula, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_mol_pattern_fingerprint(MolHandle mol, int bits, out ulong* words, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_mol_morgan_fingerprint(MolHandle mol, int radius, int bits, out ulong* words, out byte* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int dr_mol_to_svg(MolHandle mol, string? options, out byte* svg, out byte* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int dr_mol_to_png(MolHandle mol, string? options, out byte* png, out nuint length, out byte* error);
}
