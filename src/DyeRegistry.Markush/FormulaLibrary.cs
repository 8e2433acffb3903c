using DyeRegistry.Chemistry;
using DyeRegistry.Markush.Loading;
using DyeRegistry.Markush.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DyeRegistry.Markush;

/// <summary>
/// The formulas and the substituent vocabulary, loaded from a folder of YAML files, validated as
/// a whole (every problem reported with file, line and field) and compiled. Immutable after
/// loading and safe to share between threads; dispose it to release the compiled queries.
/// </summary>
/// <remarks>
/// A file is a vocabulary when its top level has <c>vocabulary:</c>, a formula when it has
/// <c>formula:</c>. Exactly one vocabulary is expected. Formulas are kept in file-name order.
/// </remarks>
public sealed class FormulaLibrary : IDisposable
{
    private FormulaLibrary(string folder, SubstituentVocabulary vocabulary, IReadOnlyList<CompiledClass> classes, IReadOnlyList<CompiledFormula> formulas)
    {
        Folder = folder;
        Stamp = ComputeStamp(folder);
        Vocabulary = vocabulary;
        Classes = classes;
        ClassById = classes.ToDictionary(c => c.Class.Id, StringComparer.Ordinal);
        Formulas = formulas;
        ScreenedQueries = formulas.SelectMany(f => f.Variants.Select(v => v.Core)
                .Append(f.TautomerPrescreen)
                .Append(f.TautomerScreenUsesKinds ? null : f.TautomerScreen)
                .Concat(f.TautomerScreenByReading?.Values ?? [])
                .Append(f.TautomerWithinScreen)
                .Append(f.ExclusionScreen))
            .OfType<QueryMolecule>()
            .Distinct(ReferenceEqualityComparer.Instance)
            .Cast<QueryMolecule>()
            .ToList();
        var withQuery = classes.Where(c => c.Query is not null).ToList();
        ClassQueries = withQuery.Select(c => c.Query!).ToList();
        ClassQueryIndex = withQuery.Select((c, i) => (c.Class.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        ScreenIndex = ScreenedQueries.Select((q, i) => (q, i)).ToDictionary(x => x.q, x => x.i, (IEqualityComparer<QueryMolecule>)ReferenceEqualityComparer.Instance);
        CoreQueries = formulas.SelectMany(f => f.Variants.Select(v => v.Core)).Distinct(ReferenceEqualityComparer.Instance).Cast<QueryMolecule>().ToList();
        CoreScreenIndex = CoreQueries.Select((q, i) => (q, i)).ToDictionary(x => x.q, x => x.i, (IEqualityComparer<QueryMolecule>)ReferenceEqualityComparer.Instance);
    }

    /// <summary>The vocabulary's class queries, screened together per cut-out substituent, and
    /// each class's position among them.</summary>
    internal IReadOnlyList<QueryMolecule> ClassQueries { get; }

    internal IReadOnlyDictionary<string, int> ClassQueryIndex { get; }

    /// <summary>Every query the matcher runs on a compound as drawn (cores, tautomer screens,
    /// exclusion screens), screened together per compound by one cheap necessary-condition call
    /// (<see cref="Molecule.MightMatch"/>) before any substructure search.</summary>
    internal IReadOnlyList<QueryMolecule> ScreenedQueries { get; }

    internal IReadOnlyDictionary<QueryMolecule, int> ScreenIndex { get; }

    /// <summary>The core variants of every formula, screened together on a tautomer (only cores
    /// are searched in tautomers), and each core's position among them.</summary>
    internal IReadOnlyList<QueryMolecule> CoreQueries { get; }

    internal IReadOnlyDictionary<QueryMolecule, int> CoreScreenIndex { get; }

    public string Folder { get; }

    /// <summary>Identifies the content of the formula files (SHA-256 of every *.yaml, in name
    /// order): results stored with one stamp are recomputed when the files change.</summary>
    public string Stamp { get; }

    public SubstituentVocabulary Vocabulary { get; }

    public IReadOnlyList<CompiledClass> Classes { get; }

    public IReadOnlyDictionary<string, CompiledClass> ClassById { get; }

    public IReadOnlyList<CompiledFormula> Formulas { get; }

    public CompiledFormula? Find(string id) => Formulas.FirstOrDefault(f => string.Equals(f.Formula.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Loads every *.yaml file of <paramref name="folder"/>; throws <see cref="FormulaFileException"/> listing all problems.</summary>
    public static FormulaLibrary Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new FormulaFileException([new DataFileError(folder, 0, "folder", "formula folder not found (" + DataFolder.Rule("--formulas", "DYEREG_FORMULAS", "formulas") + ")")]);
        }

        var errors = new List<DataFileError>();
        SubstituentVocabulary? vocabulary = null;
        var formulas = new List<MarkushFormula>();
        foreach (var path in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var root = YamlFields.ReadDocument(path, errors);
            if (root is null)
            {
                continue;
            }

            if (root.Children.ContainsKey(new YamlScalarNode("vocabulary")))
            {
                if (vocabulary is not null)
                {
                    errors.Add(new DataFileError(path, (int)root.Start.Line, "vocabulary", $"a second vocabulary (the first is {vocabulary.File})"));
                    continue;
                }

                vocabulary = VocabularyLoader.Read(root, path, errors);
            }
            else if (root.Children.ContainsKey(new YamlScalarNode("formula")))
            {
                formulas.Add(FormulaLoader.Read(root, path, errors));
            }
            else
            {
                errors.Add(new DataFileError(path, (int)root.Start.Line, "top level", "expected 'formula:' or 'vocabulary:'"));
            }
        }

        if (vocabulary is null)
        {
            errors.Add(new DataFileError(folder, 0, "vocabulary", "no vocabulary file (a .yaml file with 'vocabulary:') in the folder"));
            throw new FormulaFileException(errors);
        }

        foreach (var dup in formulas.GroupBy(f => f.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(new DataFileError(dup.Last().File, 1, "formula", $"duplicate formula id '{dup.Key}' (also in {dup.First().File})"));
        }

        var classes = CompileClasses(vocabulary, errors);
        var compiled = formulas.Select(f => CompileFormula(f, vocabulary, errors)).ToList();
        if (errors.Count > 0)
        {
            foreach (var c in classes)
            {
                c.Query?.Dispose();
            }

            foreach (var f in compiled)
            {
                Release(f);
            }

            throw new FormulaFileException(errors);
        }

        return new FormulaLibrary(folder, vocabulary, classes, compiled);
    }

    /// <summary>The formulas folder shipped with DyeRegistry: DYEREG_FORMULAS, else the nearest
    /// <c>formulas/</c> above the program or the current directory.</summary>
    public static string DefaultFolder() => DataFolder.Find("DYEREG_FORMULAS", "formulas", "substituent-classes.yaml");

    public void Dispose()
    {
        foreach (var c in Classes)
        {
            c.Query?.Dispose();
        }

        foreach (var f in Formulas)
        {
            Release(f);
        }
    }

    internal static string ComputeStamp(string folder)
    {
        using var sha = System.Security.Cryptography.SHA256.Create();
        foreach (var path in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(path));
            sha.TransformBlock(name, 0, name.Length, null, 0);
            var bytes = File.ReadAllBytes(path);
            sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }

        sha.TransformFinalBlock([], 0, 0);
        return Convert.ToHexString(sha.Hash!)[..16];
    }

    private static void Release(CompiledFormula f)
    {
        foreach (var v in f.Variants)
        {
            v.Core.Dispose();
        }

        f.TautomerScreen?.Dispose();
        foreach (var q in f.TautomerScreenByReading?.Values ?? [])
        {
            q.Dispose();
        }

        f.TautomerPrescreen?.Dispose();
        f.TautomerDoubleBond?.Query.Dispose();
        f.TautomerWithinScreen?.Dispose();
        f.ExclusionScreen?.Dispose();
    }
    private static List<CompiledClass> CompileClasses(SubstituentVocabulary vocabulary, List<DataFileError> errors)
    {
        var list = new List<CompiledClass>();
        foreach (var c in vocabulary.Classes)
        {
            if (c.Smarts is null)
            {
                list.Add(new CompiledClass(c, null));
                continue;
            }

            if (!c.Smarts.Contains("{A}", StringComparison.Ordinal))
            {
                errors.Add(new DataFileError(vocabulary.File, c.Line, $"class {c.Id}: smarts", "must contain {A}, the attachment point"));
                continue;
            }

            var expanded = ClassMacros.Expand(c.Smarts, out var unknown);
            foreach (var name in unknown)
            {
                errors.Add(new DataFileError(vocabulary.File, c.Line, $"class {c.Id}: smarts", $"unknown macro {{{name}}} (known: {string.Join(", ", ClassMacros.Names.Select(n => "{" + n + "}"))})"));
            }

            var parsed = QueryMolecule.ParseSmarts(expanded);
            if (!parsed.Success)
            {
                errors.Add(new DataFileError(vocabulary.File, c.Line, $"class {c.Id}: smarts", $"RDKit cannot read it: {parsed.Error.Reason}"));
                continue;
            }

            list.Add(new CompiledClass(c, parsed.Value));
        }

        return list;
    }

    private static CompiledFormula CompileFormula(MarkushFormula f, SubstituentVocabulary vocabulary, List<DataFileError> errors)
    {
        void Error(int line, string field, string message) => errors.Add(new DataFileError(f.File, line, field, message));

        foreach (var slot in f.Slots)
        {
            foreach (var cls in slot.Classes.Concat(slot.Readings.Values.SelectMany(r => r)))
            {
                if (!vocabulary.ById.ContainsKey(cls))
                {
                    Error(slot.Line, $"slot {slot.Id}: classes", $"unknown class '{cls}'{Suggest(cls, vocabulary)}");
                }
            }
        }

        var slotIds = f.Slots.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in f.RingClosures)
        {
            foreach (var s in new[] { rule.SlotA, rule.SlotB }.Where(s => !slotIds.Contains(s)))
            {
                Error(rule.Line, "ring-closures: between", $"no slot '{s}' in formula {f.Id}");
            }
        }

        if (f.Count is { } count)
        {
            foreach (var cls in count.Classes.Where(c => !vocabulary.ById.ContainsKey(c)))
            {
                Error(count.Line, "count: classes", $"unknown class '{cls}'");
            }

            foreach (var s in count.Groups.SelectMany(g => g).Where(s => !slotIds.Contains(s)))
            {
                Error(count.Line, "count: groups", $"no slot '{s}' in formula {f.Id}");
            }
        }

        var variants = new List<CompiledVariant>();
        foreach (var v in f.Variants)
        {
            var parsed = QueryMolecule.ParseSmarts(v.Smarts);
            if (!parsed.Success)
            {
                Error(v.Line, $"variant {v.Id}: core", $"RDKit cannot read the SMARTS: {parsed.Error.Reason}");
                continue;
            }

            var core = parsed.Value;
            var maps = core.AtomMapNumbers();
            var byMap = new Dictionary<int, int>();
            for (var i = 0; i < maps.Count; i++)
            {
                if (maps[i] != 0 && !byMap.TryAdd(maps[i], i))
                {
                    Error(v.Line, $"variant {v.Id}: core", $"atom map {maps[i]} is used twice");
                }
            }

            foreach (var slot in f.Slots.Where(s => !byMap.ContainsKey(s.AtomMap)))
            {
                Error(slot.Line, $"slot {slot.Id}: at", $"no atom :{slot.AtomMap} in the core of variant {v.Id}");
            }

            foreach (var m in f.Central?.AtomMaps.Where(m => !byMap.ContainsKey(m)) ?? [])
            {
                Error(f.Central!.Line, "central: atoms", $"no atom :{m} in the core of variant {v.Id}");
            }

            variants.Add(new CompiledVariant(v, core, byMap));
        }

        var usesKinds = f.TautomerScreen?.Contains('{', StringComparison.Ordinal) == true;
        var prescreen = usesKinds ? KindFreeRelaxation(f.TautomerScreen!) : null;
        var byReading = new Dictionary<string, QueryMolecule>(StringComparer.Ordinal);
        var readings = f.Slots.SelectMany(s => s.Readings.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var (reading, smarts) in f.TautomerScreenByReading)
        {
            if (!readings.Contains(reading))
            {
                Error(1, "tautomer-screen-by-reading", $"'{reading}' is not a reading of any slot (known: {string.Join(", ", readings.Order(StringComparer.Ordinal))})");
            }
            else if (smarts.Contains('{', StringComparison.Ordinal))
            {
                Error(1, "tautomer-screen-by-reading", $"reading '{reading}': kind macros are not allowed here");
            }
            else if (Screen(smarts, "tautomer-screen-by-reading") is { } q)
            {
                byReading[reading] = q;
            }
        }

        DoubleBondScreen? doubleBond = null;
        if (f.TautomerDoubleBondScreen is { } text)
        {
            if (text.Contains('{', StringComparison.Ordinal))
            {
                Error(1, "tautomer-double-bond-screen", "kind macros are not allowed here (it is read on the plain molecule)");
            }
            else if (Screen(text, "tautomer-double-bond-screen") is { } q)
            {
                var maps = q.AtomMapNumbers();
                var (atom, singleTo) = (IndexOf(maps, 1), IndexOf(maps, 2));
                if (atom < 0 || singleTo < 0)
                {
                    Error(1, "tautomer-double-bond-screen", "expected atoms mapped :1 (the double-bonded atom) and :2 (its neighbour it is single-bonded to)");
                    q.Dispose();
                }
                else
                {
                    doubleBond = new DoubleBondScreen(q, atom, singleTo);
                }
            }
        }

        QueryMolecule? within = null;
        if (f.TautomerWithinScreen is { } withinText)
        {
            if (withinText.Contains('{', StringComparison.Ordinal))
            {
                Error(1, "tautomer-within-screen", "kind macros are not allowed here (it is read on the plain molecule)");
            }
            else
            {
                within = Screen(withinText, "tautomer-within-screen");
            }
        }

        return new CompiledFormula(f, variants, Screen(f.TautomerScreen, "tautomer-screen"), usesKinds, Screen(f.ExclusionScreen, "exclusion-screen"), prescreen, byReading, doubleBond, within);

        static int IndexOf(IReadOnlyList<int> maps, int map)
        {
            for (var i = 0; i < maps.Count; i++)
            {
                if (maps[i] == map)
                {
                    return i;
                }
            }

            return -1;
        }

        QueryMolecule? Screen(string? smarts, string field)
        {
            if (smarts is null)
            {
                return null;
            }

            var expanded = ClassMacros.Expand(smarts, out var unknown);
            foreach (var name in unknown)
            {
                Error(1, field, $"unknown macro {{{name}}}");
            }

            var parsed = QueryMolecule.ParseSmarts(expanded);
            if (parsed.Success)
            {
                return parsed.Value;
            }

            Error(1, field, $"RDKit cannot read the SMARTS: {parsed.Error.Reason}");
            return null;
        }
    }

    private static string Suggest(string name, SubstituentVocabulary vocabulary)
    {
        var best = vocabulary.Classes.Select(c => c.Id).MinBy(id => Distance(id, name));
        return best is not null && Distance(best, name) <= 3 ? $" (did you mean '{best}'?)" : string.Empty;
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>
    /// A screen's SMARTS with every <c>;{kind}</c> condition removed: dropping a conjunct only widens
    /// what matches, so the result is a necessary condition of the screen. Null when a kind sits in
    /// any other position (inside an OR, first in a bracket) or the rest does not parse: then no
    /// relaxation is claimed.
    /// </summary>
    internal static QueryMolecule? KindFreeRelaxation(string smarts)
    {
        var relaxed = System.Text.RegularExpressions.Regex.Replace(smarts, @";\{[A-Za-z0-9_-]+\}(?=[\];])", string.Empty);
        if (relaxed.Contains('{', StringComparison.Ordinal))
        {
            return null;
        }

        var parsed = QueryMolecule.ParseSmarts(relaxed);
        return parsed.Success ? parsed.Value : null;
    }
}
