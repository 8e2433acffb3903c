using System.Runtime.InteropServices;

namespace DyeRegistry.Chemistry.Interop;

/// <summary>Turns native buffers into managed values and frees them with <c>dr_free</c>.</summary>
internal static unsafe class NativeText
{
    /// <summary>Reads a UTF-8 string the bridge allocated and frees it; null stays null.</summary>
    internal static string? Take(byte* text)
    {
        if (text == null)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8((IntPtr)text);
        }
        finally
        {
            NativeMethods.dr_free(text);
        }
    }

    /// <summary>Reads a static UTF-8 string the bridge owns (not freed).</summary>
    internal static string Static(byte* text) => Marshal.PtrToStringUTF8((IntPtr)text) ?? string.Empty;

    internal static T[] TakeArray<T>(T* items, int count)
        where T : unmanaged
    {
        if (items == null)
        {
            return [];
        }

        try
        {
            return new ReadOnlySpan<T>(items, count).ToArray();
        }
        finally
        {
            NativeMethods.dr_free(items);
        }
    }

    /// <summary>Takes ownership of an array of molecule pointers: each becomes a handle.</summary>
    internal static MolHandle[] TakeMolArray(IntPtr* mols, int count)
    {
        if (mols == null)
        {
            return [];
        }

        try
        {
            var handles = new MolHandle[count];
            for (var i = 0; i < count; i++)
            {
                handles[i] = new MolHandle(mols[i]);
            }

            return handles;
        }
        finally
        {
            NativeMethods.dr_free(mols);
        }
    }
}
