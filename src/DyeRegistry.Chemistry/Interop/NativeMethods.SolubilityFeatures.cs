using System.Runtime.InteropServices;

namespace DyeRegistry.Chemistry.Interop;

/// <summary>Mirrors <c>dr_solubility_features</c> (native/include/dyereg_features.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeSolubilityFeatures
{
    public double DrawnAverageMass;
    public double AverageMass;
    public double CrippenLogP;
    public double CrippenMolarRefractivity;
    public double Tpsa;
    public double AromaticAtomFraction;
    public double FractionCsp3;
    public double LabuteAsa;
    public int RotatableBonds;
    public int HBondDonors;
    public int HBondAcceptors;
    public int HeavyAtoms;
    public int Rings;
    public int AromaticRings;
    public int AliphaticRings;
    public int FormalCharge;
    public int ChargedAtoms;
    public int Heteroatoms;
    public int Halogens;
    public int Reserved;
}

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static partial int dr_mol_solubility_features(MolHandle structure, MolHandle parent, out NativeSolubilityFeatures features, out byte* error);
}
