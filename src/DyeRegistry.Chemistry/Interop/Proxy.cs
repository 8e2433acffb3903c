namespace DyeRegistry.Chemistry.Interop;

/// <summary>
/// Checked calls: each wraps one raw export, turns its status into a value or an exception and
/// frees every native buffer. Nothing above this class sees a status code or a pointer.
/// </summary>
internal static unsafe partial class Proxy
{
    internal static string BridgeVersion() => NativeText.Static(NativeMethods.dr_bridge_version());

    internal static string RDKitVersion() => NativeText.Static(NativeMethods.dr_rdkit_version());

    /// <summary>Parses SMILES; a bad structure is returned as an error, not thrown.</summary>
    internal static ParseResult<MolHandle> MolFromSmiles(string smiles, string? options)
    {
        var status = NativeMethods.dr_mol_from_smiles(smiles, options, out var handle, out var error);
        return Wrap(status, handle, error, smiles);
    }

    internal static ParseResult<MolHandle> MolFromMolBlock(string molBlock, string? options)
    {
        var status = NativeMethods.dr_mol_from_molblock(molBlock, options, out var handle, out var error);
        return Wrap(status, handle, error, molBlock);
    }

    /// <summary>Atoms, bonds and rings of a structure read without sanitizing; null when RDKit cannot read it so.</summary>
    internal static (int Atoms, int Bonds, int Rings)? StructureSize(string text, bool molBlock)
    {
        var status = NativeMethods.dr_structure_size(text, molBlock ? 1 : 0, out var atoms, out var bonds, out var rings, out var error);
        NativeText.Take(error);
        return status == Ensure.Ok ? (atoms, bonds, rings) : null;
    }

    internal static (int Atoms, int RecursionDepth) QuerySize(MolHandle query)
    {
        var status = NativeMethods.dr_query_size(query, out var atoms, out var depth, out var error);
        Ensure.Success(status, error);
        return (atoms, depth);
    }

    internal static ParseResult<MolHandle> MolFromSmarts(string smarts, string? options)
    {
        var status = NativeMethods.dr_mol_from_smarts(smarts, options, out var handle, out var error);
        return Wrap(status, handle, error, smarts);
    }

    internal static ParseResult<MolHandle> MolFromPickle(ReadOnlySpan<byte> pickle)
    {
        int status;
        MolHandle handle;
        byte* error;
        fixed (byte* data = pickle)
        {
            status = NativeMethods.dr_mol_from_pickle(data, (nuint)pickle.Length, out handle, out error);
        }

        return Wrap(status, handle, error, input: null);
    }

    internal static string ToSmiles(MolHandle mol, string? options)
    {
        var status = NativeMethods.dr_mol_to_smiles(mol, options, out var text, out var error);
        return TakeText(status, text, error);
    }

    internal static string ToSmarts(MolHandle mol)
    {
        var status = NativeMethods.dr_mol_to_smarts(mol, out var text, out var error);
        return TakeText(status, text, error);
    }

    internal static string ToMolBlock(MolHandle mol)
    {
        var status = NativeMethods.dr_mol_to_molblock(mol, out var text, out var error);
        return TakeText(status, text, error);
    }

    internal static byte[] ToPickle(MolHandle mol)
    {
        var status = NativeMethods.dr_mol_to_pickle(mol, out var data, out var length, out var error);
        Ensure.Success(status, error);
        return NativeText.TakeArray(data, checked((int)length));
    }

    internal static string Name(MolHandle mol)
    {
        var status = NativeMethods.dr_mol_get_name(mol, out var text, out var error);
        return TakeText(status, text, error);
    }

    internal static MolHandle Copy(MolHandle mol)
    {
        var status = NativeMethods.dr_mol_copy(mol, out var copy, out var error);
        if (status != Ensure.Ok)
        {
            copy.Dispose();
        }

        Ensure.Success(status, error);
        return copy;
    }

    internal static int FragmentCount(MolHandle mol)
    {
        var status = NativeMethods.dr_mol_fragment_count(mol, out var count, out var error);
        Ensure.Success(status, error);
        return count;
    }

    private static ParseResult<MolHandle> Wrap(int status, MolHandle handle, byte* error, string? input)
    {
        if (status == Ensure.Ok)
        {
            NativeText.Take(error);
            return ParseResult<MolHandle>.Ok(handle);
        }

        handle.Dispose();
        return ParseResult<MolHandle>.Fail(Ensure.ToException(status, error, input));
    }

    private static string TakeText(int status, byte* text, byte* error)
    {
        Ensure.Success(status, error);
        return NativeText.Take(text) ?? string.Empty;
    }
}
