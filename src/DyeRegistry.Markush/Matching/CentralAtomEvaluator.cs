using DyeRegistry.Chemistry;
using DyeRegistry.Markush.Model;

namespace DyeRegistry.Markush.Matching;

/// <summary>
/// Reads the centre M of a macrocycle: a metal bonded to the inner N atoms (covalent or dative),
/// a metal drawn as a separate ion (ionic drawing: "a metal ion drawn apart from the macrocycle
/// is its M"), or none (metal-free). Axial ligands on the metal decide oxide, hydroxide or halide;
/// any other ligand makes it Other.
/// </summary>
internal static class CentralAtomEvaluator
{
    public static CentralValue Evaluate(CentralAtomRule rule, MoleculeGraph graph, HashSet<int> inner, HashSet<int> core, List<string> violations)
    {
        var bondedMetals = new HashSet<int>();
        foreach (var n in inner)
        {
            foreach (var (other, _) in graph.Neighbours(n))
            {
                if (core.Contains(other))
                {
                    continue;
                }

                if (Elements.IsMetal(graph.Atoms[other].AtomicNumber))
                {
                    bondedMetals.Add(other);
                }
                else
                {
                    violations.Add($"inner N{n} of the macrocycle bears {Elements.Symbol(graph.Atoms[other].AtomicNumber)}{other}, which is no centre M");
                }
            }
        }

        CentralValue value;
        if (bondedMetals.Count > 1)
        {
            value = new CentralValue(CentralKind.Other, string.Join("+", bondedMetals.Select(m => Elements.Symbol(graph.Atoms[m].AtomicNumber))), "covalent", false);
        }
        else if (bondedMetals.Count == 1)
        {
            value = FromMetal(graph, bondedMetals.First(), inner, "covalent");
        }
        else
        {
            var ions = graph.Atoms.Where(a => a.Degree == 0 && Elements.IsMetal(a.AtomicNumber)).ToList();
            var ion = ions.OrderBy(a => a.AtomicNumber is 3 or 11 or 19 or 37 or 55 ? 1 : 0).FirstOrDefault();
            value = ions.Count > 0
                ? new CentralValue(CentralKind.Metal, Elements.Symbol(ion.AtomicNumber), "ionic", false)
                : new CentralValue(CentralKind.Hydrogen, "H2 (metal-free)", "none", false);
        }

        var allowed = rule.Allowed.Contains(value.Kind);
        if (!allowed)
        {
            violations.Add($"M is {value.Description} ({KindText(value.Kind)}); the formula allows {string.Join(", ", rule.Allowed.Select(KindText))}");
        }

        return value with { Allowed = allowed };
    }

    public static string KindText(CentralKind kind) => kind switch
    {
        CentralKind.Hydrogen => "hydrogen",
        CentralKind.Metal => "metal",
        CentralKind.MetalOxide => "metal oxide",
        CentralKind.MetalHydroxide => "metal hydroxide",
        CentralKind.MetalHalide => "metal halide",
        _ => "other",
    };

    private static CentralValue FromMetal(MoleculeGraph graph, int metal, HashSet<int> inner, string bonding)
    {
        var symbol = Elements.Symbol(graph.Atoms[metal].AtomicNumber);
        var ligands = graph.Neighbours(metal).Where(n => !inner.Contains(n.Atom)).ToList();
        if (ligands.Count == 0)
        {
            return new CentralValue(CentralKind.Metal, symbol, bonding, false);
        }

        var kinds = ligands.Select(l =>
        {
            var atom = graph.Atoms[l.Atom];
            if (atom.AtomicNumber == 8 && atom.Degree == 1 && atom.HydrogenCount == 0 && graph.Bonds[l.Bond].Kind == BondKind.Double)
            {
                return "O";
            }

            if (atom.AtomicNumber == 8 && atom.Degree == 1 && atom.HydrogenCount == 1)
            {
                return "OH";
            }

            return Elements.IsHalogen(atom.AtomicNumber) && atom.Degree == 1 ? Elements.Symbol(atom.AtomicNumber) : "other:" + Elements.Symbol(atom.AtomicNumber);
        }).ToList();

        string Formula(string ligand) => kinds.Count == 1 ? symbol + ligand : $"{symbol}({ligand}){kinds.Count}";
        if (kinds.All(k => k == "O"))
        {
            return new CentralValue(CentralKind.MetalOxide, kinds.Count == 1 ? symbol + "O" : $"{symbol}O{kinds.Count}", bonding, false);
        }

        if (kinds.All(k => k == "OH"))
        {
            return new CentralValue(CentralKind.MetalHydroxide, Formula("OH"), bonding, false);
        }

        if (kinds.All(k => !k.StartsWith("other:", StringComparison.Ordinal) && k != "O" && k != "OH"))
        {
            return new CentralValue(CentralKind.MetalHalide, kinds.Count == 1 ? symbol + kinds[0] : $"{symbol}{kinds[0]}{kinds.Count}", bonding, false);
        }

        return new CentralValue(CentralKind.Other, $"{symbol} with axial {string.Join(", ", kinds.Select(k => k.Replace("other:", string.Empty, StringComparison.Ordinal)))}", bonding, false);
    }
}
