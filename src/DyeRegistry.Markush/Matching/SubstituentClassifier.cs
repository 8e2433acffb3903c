using DyeRegistry.Chemistry;
using DyeRegistry.Markush.Loading;

namespace DyeRegistry.Markush.Matching;

/// <summary>
/// Classifies the substituents of one compound: cuts each out (RDKit, <see cref="Molecule.Extract"/>)
/// with its attachment and ring-closure points labelled and its atom kinds set, and tests class
/// patterns of the vocabulary on it. Everything is cached per substituent: embeddings and
/// tautomers of one compound share most substituents. One instance per compound and thread.
/// </summary>
internal sealed class SubstituentClassifier(FormulaLibrary library, Molecule molecule, MoleculeGraph graph) : IDisposable
{
    private readonly Dictionary<string, Entry> cache = new(StringComparer.Ordinal);

    /// <summary>The first of <paramref name="classIds"/> the substituent belongs to, or null.
    /// Tests only those classes (the cheap path used while judging embeddings).</summary>
    public string? FirstOf(IReadOnlySet<int> component, int attachmentAtom, int coreAtom, IReadOnlyList<string> classIds)
    {
        var entry = Get(component, attachmentAtom, coreAtom);
        foreach (var id in classIds)
        {
            if (entry.Member(id))
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>Every class of the substituent, with its SMILES (* at cut bonds).</summary>
    public ClassifiedSubstituent Classify(IReadOnlySet<int> component, int attachmentAtom, int coreAtom)
    {
        var entry = Get(component, attachmentAtom, coreAtom);
        var classes = library.Classes.Where(c => c.Query is not null && entry.Member(c.Class.Id)).Select(c => c.Class.Id).ToArray();
        return new ClassifiedSubstituent(classes, entry.Smiles);
    }

    public string Smiles(IReadOnlySet<int> component, int attachmentAtom, int coreAtom) => Get(component, attachmentAtom, coreAtom).Smiles;

    public void Dispose()
    {
        foreach (var e in cache.Values)
        {
            e.Dispose();
        }
    }

    /// <param name="component">The substituent's atoms (connected, no core atom).</param>
    /// <param name="attachmentAtom">a0, the atom bonded to the slot's core atom.</param>
    /// <param name="coreAtom">The slot's core atom.</param>
    private Entry Get(IReadOnlySet<int> component, int attachmentAtom, int coreAtom)
    {
        var key = $"{attachmentAtom}>{coreAtom}:{string.Join(',', component.Order())}";
        if (!cache.TryGetValue(key, out var entry))
        {
            entry = new Entry(library, molecule, graph, component, attachmentAtom, coreAtom);
            cache[key] = entry;
        }

        return entry;
    }

    /// <summary>One cut-out substituent: the labelled part, answers per class as asked, its SMILES.</summary>
    private sealed class Entry : IDisposable
    {
        private readonly FormulaLibrary library;
        private readonly Molecule labelled;
        private readonly Dictionary<string, bool> member = new(StringComparer.Ordinal);
        private readonly Molecule parent;
        private readonly bool[] keep;
        private string? smiles;

        public Entry(FormulaLibrary library, Molecule parent, MoleculeGraph graph, IReadOnlySet<int> component, int attachmentAtom, int coreAtom)
        {
            this.library = library;
            this.parent = parent;
            var n = graph.Atoms.Count;
            keep = new bool[n];
            var labels = new int[n];
            var kinds = AtomKinds.Of(graph, component);
            for (var i = 0; i < n; i++)
            {
                keep[i] = component.Contains(i);
                labels[i] = keep[i] ? kinds[i] : ClassMacros.ClosureLabel;
            }

            labelled = parent.Extract(keep, labels, (attachmentAtom, coreAtom, ClassMacros.AttachmentLabel)).Molecule;
        }

        public string Smiles
        {
            get
            {
                if (smiles is null)
                {
                    using var plain = parent.Extract(keep, new int[keep.Length]);
                    smiles = plain.Molecule.ToSmiles();
                }

                return smiles;
            }
        }

        public bool Member(string classId)
        {
            if (!member.TryGetValue(classId, out var yes))
            {
                var query = library.ClassById[classId].Query;
                // One cheap necessary-condition call for every class first; the substructure
                // search only for the classes it leaves possible.
                possible ??= labelled.MightMatch(library.ClassQueries);
                yes = query is not null && possible[library.ClassQueryIndex[classId]] && labelled.HasSubstructMatch(query);
                member[classId] = yes;
            }

            return yes;
        }

        private bool[]? possible;

        public void Dispose() => labelled.Dispose();
    }
}
