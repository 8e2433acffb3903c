using DyeRegistry.Chemistry.Interop;

namespace DyeRegistry.Chemistry;

public sealed partial class Molecule
{
    /// <summary>Hill-order molecular formula with net charge (RDKit calcMolFormula).</summary>
    public string Formula => Proxy.Formula(handle);

    /// <summary>The descriptors RDKit computes for this molecule; groups not asked for are null.</summary>
    public MolecularDescriptors GetDescriptors(DescriptorGroups groups = DescriptorGroups.All)
    {
        var d = Proxy.Descriptors(handle, (int)groups);
        return new MolecularDescriptors(
            Proxy.Formula(handle),
            Real(d.AverageMass),
            Real(d.ExactMass),
            Real(d.CrippenLogP),
            Real(d.CrippenMolarRefractivity),
            Real(d.Tpsa),
            Count(d.RotatableBonds),
            Count(d.HBondDonors),
            Count(d.HBondAcceptors),
            Count(d.HeavyAtoms),
            Real(d.AromaticAtomFraction));
    }

    // The bridge marks values it did not compute as NaN or -1.
    private static double? Real(double value) => double.IsNaN(value) ? null : value;

    private static int? Count(int value) => value < 0 ? null : value;

    /// <summary>Atoms, bonds and rings as managed data.</summary>
    public MoleculeGraph GetGraph() => MoleculeGraph.Read(handle);

    /// <summary>RDKit's pattern fingerprint, for substructure prescreening.</summary>
    public Fingerprint PatternFingerprint(int bits = Fingerprint.DefaultBits) => new(Proxy.PatternFingerprint(handle, bits));

    /// <summary>Morgan (ECFP-like) bit fingerprint, for similarity. Radius 2 is ECFP4.</summary>
    public Fingerprint MorganFingerprint(int radius = 2, int bits = Fingerprint.DefaultBits)
    {
        ChemistryWorkCounts.MorganFingerprint();
        return new(Proxy.MorganFingerprint(handle, radius, bits));
    }

    /// <summary>An SVG drawing (RDKit MolDraw2D), with highlights and atom notes as asked.</summary>
    public string ToSvg(DepictionOptions? options = null) => Proxy.ToSvg(handle, (options ?? DepictionOptions.Default).ToJson());

    /// <summary>The same drawing as <see cref="ToSvg"/> as PNG bytes (RDKit's Cairo drawer), for
    /// documents that take raster images (Word).</summary>
    public byte[] ToPng(DepictionOptions? options = null) => Proxy.ToPng(handle, (options ?? DepictionOptions.Default).ToJson());
}
