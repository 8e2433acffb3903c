using DyeRegistry.Chemistry;

namespace DyeRegistry.Markush.Matching;

/// <summary>One drawing of a compound being matched (the drawn form or a tautomer), with what
/// every formula needs of it computed once.</summary>
internal sealed class MatchedForm(FormulaLibrary library, Molecule molecule, bool isTautomer) : IDisposable
{
    public Molecule Molecule { get; } = molecule;

    public bool IsTautomer { get; } = isTautomer;

    /// <summary>Null for the drawn form; the tautomer's SMILES otherwise (written when first asked).</summary>
    public string? TautomerSmiles => IsTautomer ? tautomerSmiles ??= Molecule.ToSmiles() : null;

    /// <summary>For a tautomer: whether it only moved H between heteroatoms (every carbon keeps its
    /// H count), decided once, when a core first fits it.</summary>
    public bool MovesHydrogenOnlyBetweenHeteroatoms(MatchedForm drawn) =>
        heteroOnly ??= Graph.Atoms.Count == drawn.Graph.Atoms.Count &&
            Graph.Atoms.All(a => a.AtomicNumber != 6 || a.HydrogenCount == drawn.Graph.Atoms[a.Index].HydrogenCount);

    /// <summary>The whole molecule with every atom's kinds as isotope labels (the vocabulary's
    /// macros), for screens that use them; made on first use.</summary>
    public Molecule KindLabelled
    {
        get
        {
            if (kindLabelled is null)
            {
                var all = Enumerable.Range(0, Graph.Atoms.Count).ToHashSet();
                var kinds = AtomKinds.Of(Graph, all);
                kindLabelled = Molecule.WithIsotopeLabels(all.Order().Select(a => kinds[a]).ToArray());
            }

            return kindLabelled;
        }
    }

    /// <summary>Whether <paramref name="query"/> matches: the library's necessary-condition screen
    /// first (one bridge call per form, for every query, on first use), the substructure search
    /// only for queries that pass it.</summary>
    public bool HasMatch(QueryMolecule query)
    {
        // A tautomer is asked about cores only (the other screens are the drawn form's): its
        // screen call covers the cores alone, the same answers for fewer queries.
        if (MarkushMatcher.PrescreensEnabled && IsTautomer && library.CoreScreenIndex.TryGetValue(query, out var core))
        {
            possibleCores ??= Molecule.MightMatch(library.CoreQueries);
            if (!possibleCores[core])
            {
                return false;
            }
        }
        else if (MarkushMatcher.PrescreensEnabled && library.ScreenIndex.TryGetValue(query, out var index))
        {
            possible ??= Molecule.MightMatch(library.ScreenedQueries);
            if (!possible[index])
            {
                return false;
            }
        }

        return Molecule.HasSubstructMatch(query);
    }

    /// <summary>Whether the core's skeleton (its elements and ring membership, any bonds: the
    /// bridge's relaxed query) embeds in this form: a necessary condition for the core to embed
    /// in this form or in any of its tautomers. Decided even when prescreens are disabled.</summary>
    public bool SkeletonMightEmbed(QueryMolecule core)
    {
        skeletons ??= Molecule.SkeletonMightEmbed(library.ScreenedQueries);
        return skeletons[library.ScreenIndex[core]];
    }

    /// <summary>Whether some embedding of the screen here has its atom :1 uncharged-and-radical-free
    /// only where one of its neighbours other than :2 can be double-bonded to it in some
    /// heteroatom H-shift form (<see cref="DoubleBondFeasibility"/>): false means no form searched
    /// has a core. Every mapping is looked at (the atoms' order matters); past
    /// <see cref="MaxScreenEmbeddings"/> the answer is yes, claiming nothing.</summary>
    public bool DoubleBondPossible(DoubleBondScreen screen)
    {
        var matches = Molecule.GetSubstructMatches(screen.Query, ScreenEmbeddings);
        if (matches.Count >= MaxScreenEmbeddings)
        {
            return true;
        }

        var tried = new HashSet<(int, int)>();
        foreach (var m in matches)
        {
            var (atom, singleTo) = (m[screen.Atom], m[screen.SingleTo]);
            var facts = Graph.Atoms[atom];
            if (facts.FormalCharge != 0 || facts.RadicalElectrons != 0)
            {
                return true;
            }

            foreach (var (neighbour, _) in Graph.Neighbours(atom))
            {
                if (neighbour != singleTo && tried.Add((atom, neighbour)) && DoubleBondFeasibility.Possible(Graph, atom, neighbour))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private const int MaxScreenEmbeddings = 10_000;

    private static readonly SubstructMatchOptions ScreenEmbeddings = new() { Uniquify = false, MaxMatches = MaxScreenEmbeddings };

    private bool[]? possible;
    private bool[]? possibleCores;
    private bool[]? skeletons;
    private string? tautomerSmiles;
    private bool? heteroOnly;
    private Molecule? kindLabelled;

    /// <summary>Computed on first use: most compounds match no core and never need it.</summary>
    public MoleculeGraph Graph => graph ??= Molecule.GetGraph();

    public SubstituentClassifier Classifier => classifier ??= new SubstituentClassifier(library, Molecule, Graph);

    private MoleculeGraph? graph;
    private SubstituentClassifier? classifier;

    /// <summary>Releases the cut-out substituents (the molecule belongs to the caller).</summary>
    public void Dispose()
    {
        classifier?.Dispose();
        kindLabelled?.Dispose();
    }
}
