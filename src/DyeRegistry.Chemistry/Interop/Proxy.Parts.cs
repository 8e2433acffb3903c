namespace DyeRegistry.Chemistry.Interop;

internal static unsafe partial class Proxy
{
    internal static int[] AtomMapNumbers(MolHandle mol)
    {
        var status = NativeMethods.dr_mol_atom_map_numbers(mol, out var maps, out var count, out var error);
        Ensure.Success(status, error);
        return NativeText.TakeArray(maps, count);
    }

    internal static (MolHandle Part, int[] Origin) Extract(MolHandle mol, ReadOnlySpan<int> keep, ReadOnlySpan<int> label, int attachInside, int attachOutside, int attachLabel)
    {
        int status;
        MolHandle part;
        int* origin;
        byte* error;
        fixed (int* k = keep)
        fixed (int* l = label)
        {
            status = NativeMethods.dr_mol_extract(mol, k, l, keep.Length, attachInside, attachOutside, attachLabel, out part, out origin, out error);
        }

        if (status != Ensure.Ok)
        {
            part.Dispose();
        }

        Ensure.Success(status, error);
        var count = AtomCount(part);
        return (part, NativeText.TakeArray(origin, count));
    }

    internal static MolHandle WithIsotopeLabels(MolHandle mol, ReadOnlySpan<int> label)
    {
        int status;
        MolHandle copy;
        byte* error;
        fixed (int* l = label)
        {
            status = NativeMethods.dr_mol_with_isotope_labels(mol, l, label.Length, out copy, out error);
        }

        if (status != Ensure.Ok)
        {
            copy.Dispose();
        }

        Ensure.Success(status, error);
        return copy;
    }
}
