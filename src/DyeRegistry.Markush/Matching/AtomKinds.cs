using DyeRegistry.Chemistry;
using DyeRegistry.Markush.Loading;

namespace DyeRegistry.Markush.Matching;

/// <summary>
/// The kinds of each atom of a substituent that SMARTS cannot state (the vocabulary's
/// {aliphatic}, {aryl}, {heterocyclic}), judged on the substituent alone: rings that close only
/// through core atoms do not count, so an sp2 carbon of such a ring is aliphatic (formulas.md).
/// </summary>
internal static class AtomKinds
{
    /// <summary>Kind bits (<see cref="ClassMacros"/>) for every atom of <paramref name="inside"/>.</summary>
    public static Dictionary<int, int> Of(MoleculeGraph graph, IReadOnlySet<int> inside)
    {
        var rings = graph.Rings.Where(r => r.All(inside.Contains)).ToList();
        var system = FusedSystems(rings);
        var systemHetero = new bool[rings.Count];
        var ringHetero = rings.Select(r => r.Any(a => Elements.IsHeteroatom(graph.Atoms[a].AtomicNumber))).ToArray();
        var ringAromatic = rings.Select(r => r.All(a => graph.Atoms[a].IsAromatic)).ToArray();
        for (var r = 0; r < rings.Count; r++)
        {
            if (ringHetero[r])
            {
                for (var s = 0; s < rings.Count; s++)
                {
                    if (system[s] == system[r])
                    {
                        systemHetero[s] = true;
                    }
                }
            }
        }

        var kinds = new Dictionary<int, int>(inside.Count);
        foreach (var a in inside)
        {
            var atom = graph.Atoms[a];
            var mine = Enumerable.Range(0, rings.Count).Where(r => rings[r].Contains(a)).ToList();
            var kind = 0;
            if (mine.Any(r => systemHetero[r]))
            {
                kind |= ClassMacros.Heterocyclic;
            }

            if (atom.AtomicNumber == 6)
            {
                var aromaticRings = mine.Where(r => ringAromatic[r]).ToList();
                if (aromaticRings.Count > 0 && aromaticRings.All(r => !systemHetero[r]))
                {
                    kind |= ClassMacros.Aryl;
                }

                var multipleToHetero = graph.Neighbours(a).Any(n =>
                    graph.Bonds[n.Bond].Kind is BondKind.Double or BondKind.Triple &&
                    graph.Atoms[n.Atom].AtomicNumber is 7 or 8 or 16);
                if (aromaticRings.Count == 0 && !mine.Any(r => ringHetero[r]) && !multipleToHetero)
                {
                    kind |= ClassMacros.Aliphatic;
                }
            }

            kinds[a] = kind;
        }

        return kinds;
    }

    // Rings sharing two or more atoms (a bond) are one fused system.
    private static int[] FusedSystems(List<IReadOnlyList<int>> rings)
    {
        var parent = Enumerable.Range(0, rings.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (var i = 0; i < rings.Count; i++)
        {
            for (var j = i + 1; j < rings.Count; j++)
            {
                if (rings[i].Count(rings[j].Contains) >= 2)
                {
                    parent[Find(i)] = Find(j);
                }
            }
        }

        return Enumerable.Range(0, rings.Count).Select(Find).ToArray();
    }
}
