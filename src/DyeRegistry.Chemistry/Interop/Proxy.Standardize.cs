namespace DyeRegistry.Chemistry.Interop;

internal static unsafe partial class Proxy
{
    internal static (MolHandle Parent, string ReportJson) Standardize(MolHandle mol, string options)
    {
        var status = NativeMethods.dr_mol_standardize(mol, options, out var result, out var report, out var error);
        if (status != Ensure.Ok)
        {
            result.Dispose();
        }

        Ensure.Success(status, error);
        return (result, NativeText.Take(report) ?? "{}");
    }

    internal static (MolHandle[] Tautomers, bool Truncated) EnumerateTautomers(MolHandle mol, int maxTautomers, bool heteroatomShiftsOnly)
    {
        var status = NativeMethods.dr_mol_enumerate_tautomers(mol, maxTautomers, heteroatomShiftsOnly ? 1 : 0, out var mols, out var count, out var truncated, out var error);
        Ensure.Success(status, error);
        return (NativeText.TakeMolArray(mols, count), truncated != 0);
    }

    internal static string Hash(MolHandle mol, int function)
    {
        var status = NativeMethods.dr_mol_hash(mol, function, out var text, out var error);
        return TakeText(status, text, error);
    }

    internal static string DuplicateKey(MolHandle mol)
    {
        var status = NativeMethods.dr_mol_duplicate_key(mol, out var text, out var error);
        return TakeText(status, text, error);
    }

    internal static MolHandle[] Fragments(MolHandle mol)
    {
        var status = NativeMethods.dr_mol_fragments(mol, out var mols, out var count, out var error);
        Ensure.Success(status, error);
        return NativeText.TakeMolArray(mols, count);
    }
}
