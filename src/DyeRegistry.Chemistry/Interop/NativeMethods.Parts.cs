using System.Runtime.InteropServices;

namespace DyeRegistry.Chemistry.Interop;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static partial int dr_mol_atom_map_numbers(MolHandle mol, out int* maps, out int count, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_mol_with_isotope_labels(MolHandle mol, int* label, int count, out MolHandle copy, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_mol_extract(MolHandle mol, int* keep, int* label, int count, int attachInside, int attachOutside, int attachLabel, out MolHandle part, out int* atomOrigin, out byte* error);
}
