using System.Runtime.InteropServices;

namespace DyeRegistry.Chemistry.Interop;

/// <summary>Mirrors <c>dr_ring_charge_features</c> (native/include/dyereg_features.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeRingChargeFeatures
{
    public int Rings;
    public int AromaticRings;
    public int AliphaticRings;
    public int FormalCharge;
    public int ChargedAtoms;
    public int Heteroatoms;
    public int Halogens;
    public int Reserved;
    public double FractionCsp3;
    public double LabuteAsa;
}

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static partial int dr_mol_ring_charge_features(MolHandle mol, out NativeRingChargeFeatures features, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_mol_murcko_scaffold(MolHandle mol, out byte* smiles, out byte* error);
}
