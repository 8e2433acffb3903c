using System.Runtime.InteropServices;

namespace DyeRegistry.Chemistry.Interop;

/// <summary>
/// Raw declarations of the bridge's exports (native/include/dyereg_chem.h), named exactly as
/// exported. Nothing outside <see cref="Proxy"/> calls these: they return status codes.
/// Split by native area into partial files.
/// </summary>
internal static unsafe partial class NativeMethods
{
    internal const string Library = "dyereg_chem";

    [LibraryImport(Library)]
    internal static partial byte* dr_bridge_version();

    [LibraryImport(Library)]
    internal static partial byte* dr_rdkit_version();

    [LibraryImport(Library)]
    internal static partial void dr_free(void* p);
}
