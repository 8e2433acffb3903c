namespace DyeRegistry.Chemistry.Interop;

internal static unsafe partial class Proxy
{
    internal static NativeRingChargeFeatures RingChargeFeatures(MolHandle mol)
    {
        var status = NativeMethods.dr_mol_ring_charge_features(mol, out var features, out var error);
        Ensure.Success(status, error);
        return features;
    }

    internal static NativeSolubilityFeatures SolubilityFeatures(MolHandle structure, MolHandle parent)
    {
        var status = NativeMethods.dr_mol_solubility_features(structure, parent, out var features, out var error);
        Ensure.Success(status, error);
        return features;
    }

    internal static string MurckoScaffold(MolHandle mol)
    {
        var status = NativeMethods.dr_mol_murcko_scaffold(mol, out var smiles, out var error);
        return TakeText(status, smiles, error);
    }
}
