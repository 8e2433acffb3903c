using DyeRegistry.Chemistry;

namespace DyeRegistry.Markush.Matching;

/// <summary>
/// Whether some heteroatom H-shift tautomer of a molecule can have a double bond between two
/// given atoms: a Kekule-matching necessary condition, decided on the drawing.
/// </summary>
/// <remarks>
/// Proof. Every form searched has the drawing's heavy atoms, bonds (as graph edges), charges and
/// unpaired electrons (no heteroatom H-shift transform of RDKit changes a charge; H moves and bond
/// orders flip along the path), and every carbon keeps its H count (other forms are not judged).
/// In a form's Kekule structure each bond is single, double or triple; count each double bond as
/// one pi unit at each end and a triple bond as two. A carbon's valence is fixed by its charge (4
/// uncharged, 3 charged), so its pi units, valence minus unpaired electrons, neighbours and H, are
/// the same in every form: it needs exactly that many. An N or O has a fixed valence too (N 3, 4
/// when +1, 2 when -1; O 2, 3, 1), shared between pi units and its H, whose number may change:
/// it takes at most valence minus unpaired electrons minus neighbours. Any other element, and
/// any atom on a dative or other bond, is given up to two units per neighbour (more than any
/// valence allows). Represent each atom by one vertex per unit it may take; a form's Kekule
/// structure is then a matching of unit vertices along the molecule's bonds that covers every
/// carbon unit. So if no matching that uses the bond (u, v) covers every carbon unit, no form
/// searched has a double bond there. The test removes one unit of u and one of v (the double
/// bond) and asks for a matching covering the carbon units, with the other units free: made
/// perfect by free "dummy" vertices joined to every optional unit and to each other.
/// </remarks>
internal static class DoubleBondFeasibility
{
    /// <summary>False only when no form searched can have a double bond between
    /// <paramref name="u"/> and <paramref name="v"/> (see the remarks); true when one may, and
    /// whenever either atom is charged or has unpaired electrons (the rule that asks for the
    /// double bond then claims nothing).</summary>
    public static bool Possible(MoleculeGraph graph, int u, int v)
    {
        var bond = graph.BondBetween(u, v);
        if (bond is null)
        {
            return false; // bonds are the same in every form
        }

        var (a, b) = (graph.Atoms[u], graph.Atoms[v]);
        if (!PiCapable(bond.Value.Kind) || a.FormalCharge != 0 || b.FormalCharge != 0 || a.RadicalElectrons != 0 || b.RadicalElectrons != 0)
        {
            return true;
        }

        // Unit vertices per atom: the first `needed` of them must be covered (carbons).
        var first = new int[graph.Atoms.Count];
        var units = new int[graph.Atoms.Count];
        var needed = new int[graph.Atoms.Count];
        var count = 0;
        foreach (var atom in graph.Atoms)
        {
            (units[atom.Index], needed[atom.Index]) = Units(graph, atom);
            first[atom.Index] = count;
            count += units[atom.Index];
        }

        if (units[u] == 0 || units[v] == 0)
        {
            return false; // no pi unit to spare: the bond is single in every form
        }

        // The double bond u=v takes the first unit of each (a needed one, for a carbon): those
        // two vertices leave the graph; of the rest, unit k of an atom is needed when k < needed.
        var index = new int[count];
        var isOptional = new List<bool>();
        var mustCount = 0;
        for (var atom = 0; atom < graph.Atoms.Count; atom++)
        {
            for (var k = 0; k < units[atom]; k++)
            {
                var vertex = first[atom] + k;
                if (k == 0 && (atom == u || atom == v))
                {
                    index[vertex] = -1;
                    continue;
                }

                index[vertex] = isOptional.Count;
                isOptional.Add(k >= needed[atom]);
                mustCount += k < needed[atom] ? 1 : 0;
            }
        }

        var kept = isOptional.Count;
        var optional = kept - mustCount;
        // Dummies: one per optional unit, plus one when needed for an even total.
        var dummies = optional + ((kept + optional) % 2);
        var matching = new GeneralMatching(kept + dummies);
        foreach (var bf in graph.Bonds)
        {
            if (!PiCapable(bf.Kind))
            {
                continue;
            }

            for (var i = 0; i < units[bf.BeginAtom]; i++)
            {
                var x = index[first[bf.BeginAtom] + i];
                if (x < 0)
                {
                    continue;
                }

                for (var j = 0; j < units[bf.EndAtom]; j++)
                {
                    var y = index[first[bf.EndAtom] + j];
                    if (y >= 0)
                    {
                        matching.AddEdge(x, y);
                    }
                }
            }
        }

        for (var d = 0; d < dummies; d++)
        {
            for (var x = 0; x < kept; x++)
            {
                if (isOptional[x])
                {
                    matching.AddEdge(kept + d, x);
                }
            }

            for (var e = d + 1; e < dummies; e++)
            {
                matching.AddEdge(kept + d, kept + e);
            }
        }

        return mustCount == 0 || matching.HasPerfectMatching();
    }

    private static bool PiCapable(BondKind kind) =>
        kind is BondKind.Single or BondKind.Double or BondKind.Triple or BondKind.Aromatic;

    // (pi units the atom may take, how many of them it must take) in every form searched.
    private static (int Units, int Needed) Units(MoleculeGraph graph, AtomFacts atom)
    {
        var free = 2 * atom.Degree; // more than any valence allows: claims nothing
        foreach (var (_, bond) in graph.Neighbours(atom.Index))
        {
            if (!PiCapable(graph.Bonds[bond].Kind))
            {
                return (free, 0);
            }
        }

        int? valence = (atom.AtomicNumber, atom.FormalCharge) switch
        {
            (1, 0) => 1,
            (6, 0) => 4,
            (6, 1 or -1) => 3,
            (7, 0) => 3,
            (7, 1) => 4,
            (7, -1) => 2,
            (8, 0) => 2,
            (8, 1) => 3,
            (8, -1) => 1,
            _ => null,
        };
        if (valence is not { } v)
        {
            return (free, 0);
        }

        if (atom.AtomicNumber == 6)
        {
            var pi = v - atom.RadicalElectrons - atom.Degree - atom.HydrogenCount;
            return pi < 0 ? (free, 0) : (pi, pi);
        }

        return (Math.Max(0, v - atom.RadicalElectrons - atom.Degree), 0);
    }
}
