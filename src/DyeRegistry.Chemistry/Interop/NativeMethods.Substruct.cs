using System.Runtime.InteropServices;

namespace DyeRegistry.Chemistry.Interop;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int dr_substruct_matches(MolHandle mol, MolHandle query, string? options, out int* atoms, out int matchCount, out int queryAtomCount, out byte* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int dr_substruct_has_match(MolHandle mol, MolHandle query, string? options, out int found, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_substruct_screen(MolHandle mol, nint* queries, int count, byte* possible, out byte* error);

    [LibraryImport(Library)]
    internal static partial int dr_substruct_skeleton_screen(MolHandle mol, nint* queries, int count, byte* possible, out byte* error);
}
