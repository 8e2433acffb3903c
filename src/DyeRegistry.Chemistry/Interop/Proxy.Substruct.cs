namespace DyeRegistry.Chemistry.Interop;

internal static unsafe partial class Proxy
{
    /// <summary>All matches as rows of target atom indices, one column per query atom.</summary>
    internal static int[][] SubstructMatches(MolHandle mol, MolHandle query, string? options)
    {
        var status = NativeMethods.dr_substruct_matches(mol, query, options, out var atoms, out var matchCount, out var width, out var error);
        Ensure.Success(status, error);
        var flat = NativeText.TakeArray(atoms, checked(matchCount * width));
        var matches = new int[matchCount][];
        for (var k = 0; k < matchCount; k++)
        {
            matches[k] = flat.AsSpan(k * width, width).ToArray();
        }

        return matches;
    }

    internal static bool HasSubstructMatch(MolHandle mol, MolHandle query, string? options)
    {
        var status = NativeMethods.dr_substruct_has_match(mol, query, options, out var found, out var error);
        Ensure.Success(status, error);
        return found != 0;
    }

    /// <summary>The bridge's necessary condition per query (false: no match can exist).</summary>
    internal static bool[] Screen(MolHandle mol, IReadOnlyList<QueryMolecule> queries)
    {
        var count = queries.Count;
        var pointers = new nint[count];
        var possible = new byte[count];
        var added = 0;
        try
        {
            for (; added < count; added++)
            {
                var ok = false;
                queries[added].Handle.DangerousAddRef(ref ok); // the queries stay alive for the call
                pointers[added] = queries[added].Handle.DangerousGetHandle();
            }

            fixed (nint* q = pointers)
            fixed (byte* p = possible)
            {
                var status = NativeMethods.dr_substruct_screen(mol, q, count, p, out var error);
                Ensure.Success(status, error);
            }
        }
        finally
        {
            for (var i = 0; i < added; i++)
            {
                queries[i].Handle.DangerousRelease();
            }
        }

        return Array.ConvertAll(possible, b => b != 0);
    }
}
