using DyeRegistry.Chemistry.Interop;

namespace DyeRegistry.Chemistry;

public sealed partial class Molecule
{
    /// <summary>Hill-order molecular formula with net charge (RDKit calcMolFormula).</summary>
    public string Formula => Proxy.Formula(handle);

    /// <summary>The descriptors RDKit computes for this molecule.</summary>
    public MolecularDescriptors GetDescriptors()
    {
        var d = Proxy.Descriptors(handle);
        return new MolecularDescriptors(
            Proxy.Formula(handle),
            d.AverageMass,
            d.ExactMass,
            d.CrippenLogP,
            d.CrippenMolarRefractivity,
            d.Tpsa,
            d.RotatableBonds,
            d.HBondDonors,
            d.HBondAcceptors,
            d.HeavyAtoms,
            d.AromaticAtomFraction);
    }

    /// <summary>Atoms, bonds and rings as managed data.</summary>
    public MoleculeGraph GetGraph() => MoleculeGraph.Read(handle);

    /// <summary>RDKit's pattern fingerprint, for substructure prescreening.</summary>
    public Fingerprint PatternFingerprint(int bits = Fingerprint.DefaultBits) => new(Proxy.PatternFingerprint(handle, bits));

    /// <summary>Morgan (ECFP-like) bit fingerprint, for similarity. Radius 2 is ECFP4.</summary>
    public Fingerprint MorganFingerprint(int radius = 2, int bits = Fingerprint.DefaultBits) =>
        new(Proxy.MorganFingerprint(handle, radius, bits));

    /// <summary>An SVG drawing (RDKit MolDraw2D), with highlights and atom notes as asked.</summary>
    public string ToSvg(DepictionOptions? options = null) => Proxy.ToSvg(handle, (options ?? DepictionOptions.Default).ToJson());
}
