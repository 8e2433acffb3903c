using DyeRegistry.Chemistry.Interop;

namespace DyeRegistry.Chemistry;

/// <summary>
/// A snapshot of a molecule's graph: atoms, bonds, SSSR rings, fused ring systems and
/// neighbour lists. Plain managed data, fetched in three native calls; the Markush layer walks
/// it without calling native code per atom. Immutable and safe to share between threads.
/// </summary>
public sealed class MoleculeGraph
{
    private readonly (int Atom, int Bond)[][] neighbours;

    internal MoleculeGraph(IReadOnlyList<AtomFacts> atoms, IReadOnlyList<BondFacts> bonds, IReadOnlyList<IReadOnlyList<int>> rings)
    {
        Atoms = atoms;
        Bonds = bonds;
        Rings = rings;
        var lists = new List<(int, int)>[atoms.Count];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i] = [];
        }

        foreach (var b in bonds)
        {
            lists[b.BeginAtom].Add((b.EndAtom, b.Index));
            lists[b.EndAtom].Add((b.BeginAtom, b.Index));
        }

        neighbours = lists.Select(l => l.ToArray()).ToArray();
    }

    public IReadOnlyList<AtomFacts> Atoms { get; }

    public IReadOnlyList<BondFacts> Bonds { get; }

    /// <summary>SSSR rings as atom index lists.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Rings { get; }

    /// <summary>Neighbours of <paramref name="atom"/> with the bond that joins them.</summary>
    public IReadOnlyList<(int Atom, int Bond)> Neighbours(int atom) => neighbours[atom];

    /// <summary>The bond between two atoms, or null.</summary>
    public BondFacts? BondBetween(int a, int b)
    {
        foreach (var (atom, bond) in neighbours[a])
        {
            if (atom == b)
            {
                return Bonds[bond];
            }
        }

        return null;
    }

    /// <summary>Atoms of fused ring system <paramref name="system"/> (see <see cref="AtomFacts.RingSystem"/>).</summary>
    public IEnumerable<int> RingSystemAtoms(int system) =>
        Atoms.Where(a => a.RingSystem == system).Select(a => a.Index);

    internal static MoleculeGraph Read(MolHandle handle)
    {
        var atoms = Proxy.Atoms(handle).Select((a, i) => new AtomFacts(
            i, a.AtomicNumber, a.FormalCharge, a.TotalHydrogenCount, a.Degree, a.Isotope, a.RadicalElectrons,
            (Hybridization)a.Hybridization, a.IsAromatic != 0, a.IsInRing != 0, a.SmallestRing, a.RingSystem)).ToArray();
        var bonds = Proxy.Bonds(handle).Select((b, i) => new BondFacts(
            i, b.BeginAtom, b.EndAtom, ToKind(b.BondType), b.IsAromatic != 0, b.IsInRing != 0, b.IsConjugated != 0)).ToArray();
        return new MoleculeGraph(atoms, bonds, Proxy.Rings(handle));
    }

    private static BondKind ToKind(int rdkitType) => rdkitType switch
    {
        0 => BondKind.Unspecified,
        1 => BondKind.Single,
        2 => BondKind.Double,
        3 => BondKind.Triple,
        12 => BondKind.Aromatic,
        17 => BondKind.Dative,
        _ => BondKind.Other,
    };
}
