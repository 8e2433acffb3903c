using System.Runtime.InteropServices;

namespace DyeRegistry.Chemistry.Interop;

/// <summary>
/// Owns one native <c>dr_mol</c>; releasing it calls <c>dr_mol_free</c>. Marshalling adds a
/// reference for the duration of each native call, so disposing on one thread while another
/// thread is inside a call is safe.
/// </summary>
/// <remarks>
/// Set the environment variable <c>DYEREG_TRACE_HANDLES=1</c> to count handles released by the
/// finalizer rather than disposed (a leak in our code, not a crash): see <see cref="FinalizedCount"/>.
/// </remarks>
internal sealed class MolHandle : SafeHandle
{
    private static readonly bool TraceHandles = Environment.GetEnvironmentVariable("DYEREG_TRACE_HANDLES") == "1";
    private static long finalized;

    /// <summary>Required by LibraryImport for handles returned through out-parameters.</summary>
    public MolHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    internal MolHandle(IntPtr existing)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(existing);
    }

    /// <summary>Handles released by the finalizer since start (only counted when tracing is on).</summary>
    internal static long FinalizedCount => Interlocked.Read(ref finalized);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override void Dispose(bool disposing)
    {
        if (!disposing && TraceHandles && !IsInvalid)
        {
            Interlocked.Increment(ref finalized);
        }

        base.Dispose(disposing);
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.dr_mol_free(handle);
        return true;
    }
}
