namespace DyeRegistry.Chemistry.Interop;

internal static unsafe partial class Proxy
{
    internal static int AtomCount(MolHandle mol)
    {
        var status = NativeMethods.dr_mol_atom_count(mol, out var count, out var error);
        Ensure.Success(status, error);
        return count;
    }

    internal static NativeAtomInfo[] Atoms(MolHandle mol)
    {
        var status = NativeMethods.dr_mol_atoms(mol, out var atoms, out var count, out var error);
        Ensure.Success(status, error);
        return NativeText.TakeArray(atoms, count);
    }

    internal static NativeBondInfo[] Bonds(MolHandle mol)
    {
        var status = NativeMethods.dr_mol_bonds(mol, out var bonds, out var count, out var error);
        Ensure.Success(status, error);
        return NativeText.TakeArray(bonds, count);
    }

    internal static int[][] Rings(MolHandle mol)
    {
        var status = NativeMethods.dr_mol_rings(mol, out var ringAtoms, out var ringOffsets, out var ringCount, out var error);
        Ensure.Success(status, error);
        var offsets = NativeText.TakeArray(ringOffsets, ringCount + 1);
        var atoms = NativeText.TakeArray(ringAtoms, ringCount == 0 ? 0 : offsets[ringCount]);
        var rings = new int[ringCount][];
        for (var r = 0; r < ringCount; r++)
        {
            rings[r] = atoms[offsets[r]..offsets[r + 1]];
        }

        return rings;
    }
}
