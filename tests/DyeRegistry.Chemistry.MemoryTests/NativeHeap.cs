using System.Runtime.InteropServices;

namespace DyeRegistry.Chemistry.MemoryTests;

/// <summary>
/// Bytes the native heap (glibc malloc, all arenas) has handed out and not yet had back: the
/// exact measure of a native leak, unaffected by how the .NET GC sizes its own heap.
/// </summary>
internal static partial class NativeHeap
{
    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo2
    {
        public nuint Arena;
        public nuint Ordblks;
        public nuint Smblks;
        public nuint Hblks;
        public nuint Hblkhd;
        public nuint Usmblks;
        public nuint Fsmblks;
        public nuint Uordblks;
        public nuint Fordblks;
        public nuint Keepcost;
    }

    [LibraryImport("libc", EntryPoint = "mallinfo2")]
    private static partial MallInfo2 mallinfo2();

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int malloc_trim(nuint pad);

    /// <summary>
    /// Resident set after returning free memory to the system: an aggressive, compacting GC that
    /// decommits, and malloc_trim for the native heap. What remains is memory in use, so two
    /// readings compare live memory rather than the allocators' caching.
    /// </summary>
    public static long SettledResidentBytes()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        malloc_trim(0);
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        self.Refresh();
        return self.WorkingSet64;
    }

    /// <summary>Allocated bytes: ordinary chunks in use plus mmapped chunks.</summary>
    public static long InUseBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var info = mallinfo2();
        return checked((long)info.Uordblks + (long)info.Hblkhd);
    }
}
