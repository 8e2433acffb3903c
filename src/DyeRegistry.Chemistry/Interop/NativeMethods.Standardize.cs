using System.Runtime.InteropServices;

namespace DyeRegistry.Chemistry.Interop;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int dr_mol_standardize(MolHandle mol, string? options, out MolHandle result, out byte* report, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_mol_enumerate_tautomers(MolHandle mol, int maxTautomers, int flags, out IntPtr* mols, out int count, out int truncated, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_mol_hash(MolHandle mol, int function, out byte* hash, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_mol_duplicate_key(MolHandle mol, out byte* key, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_mol_fragments(MolHandle mol, out IntPtr* mols, out int count, out byte* error);
}
