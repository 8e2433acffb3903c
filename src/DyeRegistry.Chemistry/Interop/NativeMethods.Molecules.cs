using System.Runtime.InteropServices;

namespace DyeRegistry.Chemistry.Interop;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int dr_mol_from_smiles(string smiles, string? options, out MolHandle mol, out byte* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int dr_mol_from_smiles_screened(string smiles, nint* queries, int count, out MolHandle mol, out byte* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int dr_mol_from_smiles_screened_unvalidated(string smiles, nint* queries, int count, out MolHandle mol, out byte* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int dr_mol_from_molblock(string molblock, string? options, out MolHandle mol, out byte* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int dr_mol_from_smarts(string smarts, string? options, out MolHandle mol, out byte* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int dr_structure_size(string text, int isMolBlock, out int atoms, out int bonds, out int rings, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_query_size(MolHandle query, out int atoms, out int recursionDepth, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_mol_from_pickle(byte* data, nuint length, out MolHandle mol, out byte* error);

    [LibraryImport(Library)]
    internal static partial void dr_mol_free(IntPtr mol);

    [LibraryImport(Library)]
    internal static partial int dr_mol_copy(MolHandle mol, out MolHandle copy, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_mol_fragment_count(MolHandle mol, out int count, out byte* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int dr_mol_to_smiles(MolHandle mol, string? options, out byte* smiles, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_mol_to_smarts(MolHandle mol, out byte* smarts, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_mol_to_molblock(MolHandle mol, out byte* molblock, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_mol_to_pickle(MolHandle mol, out byte* data, out nuint length, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_mol_get_name(MolHandle mol, out byte* name, out byte* error);
}
