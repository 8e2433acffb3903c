using DyeRegistry.Chemistry;
using DyeRegistry.Markush.Model;

namespace DyeRegistry.Markush.Matching;

/// <summary>
/// Judges one embedding of a formula's core: cuts the substituents off the core, assigns them to
/// slots (every assignment when a core atom bears several slots), classifies them, checks ring
/// closures, the atoms that must carry nothing, counts and the centre, and lists each violation
/// in words. Returns the best assignment.
/// </summary>
/// <remarks>
/// With <paramref name="verdictOnly"/> an assignment is judged only until its first violation and
/// nothing is written for a person (no substituent SMILES, no list of the classes a misfit
/// belongs to): the verdict is the same, the report is not one to show.
/// </remarks>
internal sealed class EmbeddingEvaluator(CompiledFormula formula, MoleculeGraph graph, SubstituentClassifier classifier, string? reading, bool verdictOnly = false)
{
    private readonly MarkushFormula f = formula.Formula;

    public EmbeddingReport Evaluate(CompiledVariant variant, SubstructMatch match)
    {
        var core = match.TargetAtoms.ToHashSet();
        var atomOfMap = variant.QueryAtomOfMap.ToDictionary(kv => kv.Key, kv => match[kv.Value]);
        var centralAtoms = f.Central?.AtomMaps.Select(m => atomOfMap[m]).ToHashSet() ?? [];
        var slotsByAtom = f.Slots.GroupBy(s => atomOfMap[s.AtomMap]).ToDictionary(g => g.Key, g => g.ToList());

        // Substituents: connected non-core atoms, with every bond they make to the core.
        var componentOf = new Dictionary<int, int>();
        var components = new List<HashSet<int>>();
        var attachments = new List<(int Core, int Atom, int Component)>();
        foreach (var c in core.Order())
        {
            foreach (var (n, _) in graph.Neighbours(c))
            {
                if (core.Contains(n))
                {
                    continue;
                }

                if (!componentOf.TryGetValue(n, out var id))
                {
                    id = components.Count;
                    components.Add(Flood(n, core, componentOf, id));
                }

                attachments.Add((c, n, id));
            }
        }

        var fixedViolations = new List<string>();
        foreach (var (c, a, _) in attachments)
        {
            if (slotsByAtom.ContainsKey(c) || centralAtoms.Contains(c))
            {
                continue;
            }

            fixedViolations.Add(Elements.IsMetal(graph.Atoms[a].AtomicNumber)
                ? $"{Elements.Symbol(graph.Atoms[a].AtomicNumber)} is bonded to core atom {Describe(c)}: a metallized dye; the formula represents the metal-free compound (its ligand would be judged without the metal)"
                : verdictOnly
                    ? $"core atom {Describe(c)} carries a substituent where the formula has none"
                    : $"core atom {Describe(c)} carries a substituent ({classifier.Smiles(components[componentOf[a]], a, c)}) where the formula has none");
        }

        foreach (var (atom, slots) in slotsByAtom)
        {
            var extra = attachments.Count(t => t.Core == atom) - slots.Count;
            if (extra > 0)
            {
                fixedViolations.Add($"core atom {Describe(atom)} ({string.Join("/", slots.Select(s => s.Id))}) carries {extra} substituent(s) more than the formula has slots for");
            }
        }

        if (verdictOnly && fixedViolations.Count > 0)
        {
            return new EmbeddingReport(variant.Variant.Id, core.Order().ToArray(), [], [], null, null, fixedViolations); // every assignment breaks them
        }

        EmbeddingReport? best = null;
        foreach (var assignment in Assignments(slotsByAtom, attachments))
        {
            var report = Judge(variant, core, atomOfMap, assignment, attachments, components, centralAtoms, fixedViolations);
            if (best is null || report.Violations.Count < best.Violations.Count)
            {
                best = report;
            }

            if (best.Satisfied)
            {
                break;
            }
        }

        return best!;
    }

    private EmbeddingReport Judge(
        CompiledVariant variant,
        HashSet<int> core,
        Dictionary<int, int> atomOfMap,
        Dictionary<string, (int Core, int Atom, int Component)?> assignment,
        List<(int Core, int Atom, int Component)> attachments,
        List<HashSet<int>> components,
        HashSet<int> centralAtoms,
        List<string> fixedViolations)
    {
        var violations = new List<string>(fixedViolations);
        var values = new List<SlotValue>();
        var slotOfAttachment = new Dictionary<(int, int), string>();
        foreach (var slot in f.Slots)
        {
            if (verdictOnly && violations.Count > 0)
            {
                return new EmbeddingReport(variant.Variant.Id, core.Order().ToArray(), values, [], null, null, violations);
            }

            var coreAtom = atomOfMap[slot.AtomMap];
            var taken = assignment[slot.Id];
            var allowed = slot.ClassesUnder(reading);
            if (taken is null)
            {
                if (slot.AbsentWhenNitrogen && graph.Atoms[coreAtom].AtomicNumber == 7)
                {
                    values.Add(new SlotValue(slot.Id, SlotState.Absent, [], null, null, [], coreAtom));
                    continue;
                }

                var ok = allowed.Contains(Model.SubstituentClass.HydrogenId);
                values.Add(new SlotValue(slot.Id, SlotState.Hydrogen, [Model.SubstituentClass.HydrogenId], ok ? Model.SubstituentClass.HydrogenId : null, null, [], coreAtom));
                if (!ok)
                {
                    violations.Add($"{slot.Id} is hydrogen; {slot.Id} allows {Join(allowed)}");
                }

                continue;
            }

            var (c, a, comp) = taken.Value;
            slotOfAttachment[(c, a)] = slot.Id;
            var z = graph.Atoms[a].AtomicNumber;
            if (Elements.IsMetal(z))
            {
                values.Add(new SlotValue(slot.Id, SlotState.Substituent, [], null, Elements.Symbol(z), components[comp].Order().ToArray(), c));
                violations.Add($"{slot.Id} is the metal {Elements.Symbol(z)}: a metallized dye; the formula represents the metal-free compound (its ligand would be judged without the metal)");
                continue;
            }

            // The formula's own order decides which class admits it (X before Y in (C-I)); only
            // the allowed classes are tested here, all of them only for a violation's message.
            var allowedAs = classifier.FirstOf(components[comp], a, c, allowed);
            var atoms = components[comp].Order().ToArray();
            if (allowedAs is not null)
            {
                values.Add(new SlotValue(slot.Id, SlotState.Substituent, [allowedAs], allowedAs, verdictOnly ? null : classifier.Smiles(components[comp], a, c), atoms, c, a));
                continue;
            }

            if (verdictOnly)
            {
                violations.Add($"{slot.Id} is in none of {Join(allowed)}");
                continue;
            }

            var classified = classifier.Classify(components[comp], a, c);
            values.Add(new SlotValue(slot.Id, SlotState.Substituent, classified.Classes, null, classified.Smiles, atoms, c, a));
            var what = classified.Classes.Count == 0 ? "in no class of the vocabulary (unclassified)" : Join(classified.Classes);
            violations.Add($"{slot.Id} is {classified.Smiles}: {what}; {slot.Id} allows {Join(allowed)}");
        }

        var closures = Closures(components, attachments, slotOfAttachment, core, violations);
        var counts = Counts(values, violations);
        var central = f.Central is null ? null : CentralAtomEvaluator.Evaluate(f.Central, graph, centralAtoms, core, violations);
        return new EmbeddingReport(variant.Variant.Id, core.Order().ToArray(), values, closures, counts, central, violations);
    }

    private List<ClosureValue> Closures(
        List<HashSet<int>> components,
        List<(int Core, int Atom, int Component)> attachments,
        Dictionary<(int, int), string> slotOfAttachment,
        HashSet<int> core,
        List<string> violations)
    {
        var closures = new List<ClosureValue>();
        foreach (var group in attachments.GroupBy(t => t.Component).Where(g => g.Count() > 1))
        {
            var members = group.Where(t => slotOfAttachment.ContainsKey((t.Core, t.Atom))).ToList();
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    var s1 = slotOfAttachment[(members[i].Core, members[i].Atom)];
                    var s2 = slotOfAttachment[(members[j].Core, members[j].Atom)];
                    var ring = RingThrough(members[i], members[j], components[group.Key], core);
                    var rule = f.RingClosures.FirstOrDefault(r => r.Joins(s1, s2));
                    var allowed = rule is not null &&
                        (rule.Ring == ClosureRing.Any || ring.Aromatic || ring.Hetero) &&
                        (rule.Sizes.Count == 0 || rule.Sizes.Contains(ring.Size));
                    closures.Add(new ClosureValue(s1, s2, ring.Size, ring.Aromatic, ring.Hetero, allowed));
                    if (rule is null)
                    {
                        var permitted = f.RingClosures.Count == 0 ? "no ring closure" : "only " + string.Join(", ", f.RingClosures.Select(r => $"{r.SlotA}-{r.SlotB}"));
                        violations.Add($"{s1} and {s2} are joined in a ring ({ring.Size}-membered); the formula allows {permitted}");
                    }
                    else if (!allowed)
                    {
                        var need = rule.Ring == ClosureRing.AromaticOrHeterocyclic ? "an aromatic or heterocyclic ring" : "a ring";
                        if (rule.Sizes.Count > 0)
                        {
                            need += $" of {string.Join(" or ", rule.Sizes)} atoms";
                        }

                        var kind = ring.Aromatic ? "aromatic" : ring.Hetero ? "heterocyclic" : "carbocyclic, not aromatic";
                        violations.Add($"{s1}-{s2} closes a {ring.Size}-membered {kind} ring; the closure must form {need}");
                    }
                }
            }
        }

        return closures;
    }

    // The smallest SSSR ring through both attachment bonds: the ring the closure forms.
    private (int Size, bool Aromatic, bool Hetero) RingThrough(
        (int Core, int Atom, int Component) x, (int Core, int Atom, int Component) y, HashSet<int> component, HashSet<int> core)
    {
        var ring = graph.Rings
            .Where(r => r.Contains(x.Atom) && r.Contains(y.Atom) && r.Contains(x.Core) && r.Contains(y.Core))
            .OrderBy(r => r.Count)
            .FirstOrDefault();
        if (ring is null)
        {
            return (0, false, false);
        }

        return (ring.Count, ring.All(a => graph.Atoms[a].IsAromatic), ring.Any(a => graph.Atoms[a].AtomicNumber != 6));
    }

    private List<int>? Counts(List<SlotValue> values, List<string> violations)
    {
        if (f.Count is not { } count)
        {
            return null;
        }

        var bySlot = values.ToDictionary(v => v.Slot);
        var perGroup = count.Groups.Select(g => g.Count(s => bySlot[s].Classes.Any(count.Classes.Contains))).ToList();
        var total = perGroup.Sum();
        if (total < count.TotalAtLeast)
        {
            violations.Add($"sum of {count.Name}_i is {total} ({count.Name} = {string.Join(",", perGroup)}); the formula needs at least {count.TotalAtLeast} ({Join(count.Classes)} groups)");
        }

        return perGroup;
    }

    private HashSet<int> Flood(int start, HashSet<int> core, Dictionary<int, int> componentOf, int id)
    {
        var set = new HashSet<int> { start };
        componentOf[start] = id;
        var queue = new Queue<int>([start]);
        while (queue.Count > 0)
        {
            foreach (var (n, _) in graph.Neighbours(queue.Dequeue()))
            {
                if (!core.Contains(n) && set.Add(n))
                {
                    componentOf[n] = id;
                    queue.Enqueue(n);
                }
            }
        }

        return set;
    }

    // Every way to give the attachments of each slot-bearing core atom to its slots (unused slots
    // are hydrogen).
    private IEnumerable<Dictionary<string, (int Core, int Atom, int Component)?>> Assignments(
        Dictionary<int, List<SlotDefinition>> slotsByAtom, List<(int Core, int Atom, int Component)> attachments)
    {
        var options = new List<List<Dictionary<string, (int, int, int)?>>>();
        foreach (var (atom, slots) in slotsByAtom)
        {
            var here = attachments.Where(t => t.Core == atom).ToList();
            var perAtom = new List<Dictionary<string, (int, int, int)?>>();
            foreach (var order in Permutations(slots.Count, here.Count))
            {
                var d = new Dictionary<string, (int, int, int)?>();
                for (var s = 0; s < slots.Count; s++)
                {
                    d[slots[s].Id] = order[s] < 0 ? null : here[order[s]];
                }

                perAtom.Add(d);
            }

            if (perAtom.Count == 0)
            {
                // More substituents than slots (reported by Evaluate): the slots take the first ones.
                var d = new Dictionary<string, (int, int, int)?>();
                for (var s = 0; s < slots.Count; s++)
                {
                    d[slots[s].Id] = here[s];
                }

                perAtom.Add(d);
            }

            options.Add(perAtom);
        }

        IEnumerable<Dictionary<string, (int Core, int Atom, int Component)?>> Combine(int i, Dictionary<string, (int Core, int Atom, int Component)?> acc)
        {
            if (i == options.Count)
            {
                yield return acc;
                yield break;
            }

            foreach (var choice in options[i])
            {
                var next = new Dictionary<string, (int Core, int Atom, int Component)?>(acc);
                foreach (var (k, v) in choice)
                {
                    next[k] = v;
                }

                foreach (var r in Combine(i + 1, next))
                {
                    yield return r;
                }
            }
        }

        return Combine(0, new Dictionary<string, (int Core, int Atom, int Component)?>());
    }

    // Injective maps from slots to attachment indices (-1: hydrogen) using every attachment.
    private static IEnumerable<int[]> Permutations(int slots, int items)
    {
        if (items > slots)
        {
            return [];
        }

        var current = new int[slots];
        var used = new bool[items];

        IEnumerable<int[]> Place(int s, int placed)
        {
            if (s == slots)
            {
                if (placed == items)
                {
                    yield return (int[])current.Clone();
                }

                yield break;
            }

            current[s] = -1;
            foreach (var r in Place(s + 1, placed))
            {
                yield return r;
            }

            for (var i = 0; i < items; i++)
            {
                if (used[i])
                {
                    continue;
                }

                used[i] = true;
                current[s] = i;
                foreach (var r in Place(s + 1, placed + 1))
                {
                    yield return r;
                }

                used[i] = false;
            }
        }

        return Place(0, 0);
    }

    private string Describe(int atom) => $"{Elements.Symbol(graph.Atoms[atom].AtomicNumber)}{atom}";

    internal static string Join(IEnumerable<string> items) => string.Join(", ", items);
}
