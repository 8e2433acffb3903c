namespace DyeRegistry.Chemistry.Interop;

internal static unsafe partial class Proxy
{
    internal static NativeDescriptors Descriptors(MolHandle mol, int groups)
    {
        var status = NativeMethods.dr_mol_descriptors(mol, groups, out var descriptors, out var error);
        Ensure.Success(status, error);
        return descriptors;
    }

    internal static string Formula(MolHandle mol)
    {
        var status = NativeMethods.dr_mol_formula(mol, out var text, out var error);
        return TakeText(status, text, error);
    }

    internal static ulong[] PatternFingerprint(MolHandle mol, int bits)
    {
        var status = NativeMethods.dr_mol_pattern_fingerprint(mol, bits, out var words, out var error);
        Ensure.Success(status, error);
        return NativeText.TakeArray(words, bits / 64);
    }

    internal static ulong[] MorganFingerprint(MolHandle mol, int radius, int bits)
    {
        var status = NativeMethods.dr_mol_morgan_fingerprint(mol, radius, bits, out var words, out var error);
        Ensure.Success(status, error);
        return NativeText.TakeArray(words, bits / 64);
    }

    internal static string ToSvg(MolHandle mol, string options)
    {
        var status = NativeMethods.dr_mol_to_svg(mol, options, out var svg, out var error);
        return TakeText(status, svg, error);
    }

    internal static byte[] ToPng(MolHandle mol, string options)
    {
        var status = NativeMethods.dr_mol_to_png(mol, options, out var png, out var length, out var error);
        Ensure.Success(status, error);
        return NativeText.TakeArray(png, checked((int)length));
    }
}
