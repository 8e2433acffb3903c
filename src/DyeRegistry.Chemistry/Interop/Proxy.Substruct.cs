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
        var possible = new byte[queries.Count];
        WithQueryPointers(queries, q =>
        {
            fixed (byte* p = possible)
            {
                var status = NativeMethods.dr_substruct_screen(mol, q, queries.Count, p, out var error);
                Ensure.Success(status, error);
            }

            return true;
        });
        return Array.ConvertAll(possible, b => b != 0);
    }

    /// <summary>The bridge's skeleton condition per query (false: no tautomer can match).</summary>
    internal static bool[] SkeletonScreen(MolHandle mol, IReadOnlyList<QueryMolecule> queries)
    {
        var possible = new byte[queries.Count];
        WithQueryPointers(queries, q =>
        {
            fixed (byte* p = possible)
            {
                var status = NativeMethods.dr_substruct_skeleton_screen(mol, q, queries.Count, p, out var error);
                Ensure.Success(status, error);
            }

            return true;
        });
        return Array.ConvertAll(possible, b => b != 0);
    }

    /// <summary>
    /// The full parse where one of the queries could match; a valid SMILES that contains none
    /// of them comes back as an empty handle (success, <see cref="MolHandle.IsInvalid"/>).
    /// </summary>
    internal static ParseResult<MolHandle> MolFromSmilesScreened(string smiles, IReadOnlyList<QueryMolecule> queries) =>
        WithQueryPointers(queries, q =>
        {
            var status = NativeMethods.dr_mol_from_smiles_screened(smiles, q, queries.Count, out var handle, out var error);
            return Wrap(status, handle, error, smiles);
        });

    internal static ParseResult<MolHandle> MolFromSmilesScreenedUnvalidated(string smiles, IReadOnlyList<QueryMolecule> queries) =>
        WithQueryPointers(queries, q =>
        {
            var status = NativeMethods.dr_mol_from_smiles_screened_unvalidated(smiles, q, queries.Count, out var handle, out var error);
            return Wrap(status, handle, error, smiles);
        });

    private delegate T QueryPointersCall<T>(nint* queries);

    // The native queries stay alive for the call: each handle is referenced while it runs.
    private static T WithQueryPointers<T>(IReadOnlyList<QueryMolecule> queries, QueryPointersCall<T> call)
    {
        var count = queries.Count;
        var pointers = new nint[count];
        var added = 0;
        try
        {
            for (; added < count; added++)
            {
                var ok = false;
                queries[added].Handle.DangerousAddRef(ref ok);
                pointers[added] = queries[added].Handle.DangerousGetHandle();
            }

            fixed (nint* q = pointers)
            {
                return call(q);
            }
        }
        finally
        {
            for (var i = 0; i < added; i++)
            {
                queries[i].Handle.DangerousRelease();
            }
        }
    }
}
