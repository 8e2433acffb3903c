using DyeRegistry.Markush.Model;
using YamlDotNet.RepresentationModel;

namespace DyeRegistry.Markush.Loading;

/// <summary>Reads one formula file (see formulas/I.yaml); structure checks only, references are
/// checked by <see cref="FormulaLibrary"/> once every file is read.</summary>
internal static class FormulaLoader
{
    // Stands in for a document block that failed to load (its errors stop the load anyway).
    private static readonly PatentDocument Unrecorded = new(PatentDocument.NotRecorded, 0, PatentDocument.NotRecorded, PatentDocument.NotRecorded);

    public static MarkushFormula Read(YamlMappingNode root, string file, List<DataFileError> errors)
    {
        var f = new YamlFields(root, file, "formula", errors);
        var id = f.RequiredString("formula");
        var provenance = f.Provenance("provenance", required: true) ?? Model.Provenance.Missing;
        var embeddingsText = f.OptionalString("embeddings") ?? "all";
        var embeddings = embeddingsText switch
        {
            "all" => EmbeddingMode.All,
            "unique" => EmbeddingMode.Unique,
            _ => Bad(f, "embeddings", $"expected all or unique, not '{embeddingsText}'", EmbeddingMode.All),
        };

        var variants = f.NodeList("variants", required: false).Select(n =>
        {
            var v = new YamlFields(n, file, "variant", errors);
            var variant = new CoreVariant(v.RequiredString("id"), v.RequiredString("core"), v.Line);
            v.RejectUnknown();
            return variant;
        }).ToList();

        var slots = f.NodeList("slots", required: false).Select(n => ReadSlot(n, file, errors)).ToList();
        var closures = f.NodeList("ring-closures", required: false).Select(n => ReadClosure(n, file, errors)).ToList();
        var count = f.Node("count") is { } countNode ? ReadCount(countNode, file, errors) : null;
        var central = f.Node("central") is { } centralNode ? ReadCentral(centralNode, file, errors) : null;

        var formula = new MarkushFormula
        {
            Id = id,
            Name = f.RequiredString("name"),
            Provenance = provenance,
            Source = f.RequiredString("source"),
            Document = PatentDocumentReader.Read(f, file, errors, formula: true) ?? Unrecorded,
            Version = f.RequiredInt("version"),
            File = file,
            Embeddings = embeddings,
            TautomerScreen = f.OptionalString("tautomer-screen"),
            TautomerScreenByReading = ReadReadingScreens(f),
            TautomerDoubleBondScreen = f.OptionalString("tautomer-double-bond-screen"),
            TautomerWithinScreen = f.OptionalString("tautomer-within-screen"),
            Variants = variants,
            Slots = slots,
            RingClosures = closures,
            Count = count,
            Central = central,
            ExclusionScreen = f.OptionalString("exclusion-screen"),
            ExclusionProvenance = f.Provenance("exclusion-provenance", required: false),
        };
        f.RejectUnknown();

        if (provenance == Model.Provenance.Missing && variants.Count > 0)
        {
            f.Error(f.Line, "variants", "a formula with provenance missing has no structure: remove variants or change provenance");
        }

        if (provenance != Model.Provenance.Missing && variants.Count == 0)
        {
            f.Error(f.Line, "variants", "at least one core variant is required (or provenance: missing)");
        }

        foreach (var dup in slots.GroupBy(s => s.Id).Where(g => g.Count() > 1))
        {
            f.Error(dup.Last().Line, "slots", $"duplicate slot id '{dup.Key}'");
        }

        return formula;
    }

    // tautomer-screen-by-reading: reading name -> SMARTS (a narrower screen under that reading).
    private static IReadOnlyDictionary<string, string> ReadReadingScreens(YamlFields f)
    {
        var screens = new Dictionary<string, string>(StringComparer.Ordinal);
        if (f.Node("tautomer-screen-by-reading") is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                var name = ((YamlScalarNode)key).Value ?? string.Empty;
                if (value is YamlScalarNode { Value: { Length: > 0 } smarts })
                {
                    screens[name] = smarts;
                }
                else
                {
                    f.Error(value, "tautomer-screen-by-reading", $"reading '{name}' must be one SMARTS");
                }
            }
        }
        else if (f.Node("tautomer-screen-by-reading") is { } bad)
        {
            f.Error(bad, "tautomer-screen-by-reading", "expected a mapping: reading name -> SMARTS");
        }

        return screens;
    }

    private static SlotDefinition ReadSlot(YamlNode node, string file, List<DataFileError> errors)
    {
        var s = new YamlFields(node, file, "slot", errors);
        var id = s.RequiredString("id");
        var readings = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (s.Node("readings") is YamlMappingNode readingNode)
        {
            foreach (var (key, value) in readingNode.Children)
            {
                var name = ((YamlScalarNode)key).Value ?? string.Empty;
                if (value is YamlSequenceNode list)
                {
                    readings[name] = list.Children.OfType<YamlScalarNode>().Select(x => x.Value ?? string.Empty).ToList();
                }
                else
                {
                    s.Error(value, "readings", $"reading '{name}' must be a list of classes");
                }
            }
        }
        else if (s.Node("readings") is { } bad)
        {
            s.Error(bad, "readings", "expected a mapping: reading name -> list of classes");
        }

        var slot = new SlotDefinition(
            id,
            s.OptionalString("name") ?? id,
            s.RequiredInt("at"),
            s.StringList("classes", required: true).Select(x => x.Value).ToList(),
            s.OptionalBool("absent-when-nitrogen"),
            readings,
            s.OptionalString("default-reading"),
            s.Line);
        s.RejectUnknown();
        if (slot.DefaultReading is not null && !readings.ContainsKey(slot.DefaultReading))
        {
            s.Error(s.Line, "default-reading", $"'{slot.DefaultReading}' is not one of the readings listed");
        }

        return slot;
    }

    private static RingClosureRule ReadClosure(YamlNode node, string file, List<DataFileError> errors)
    {
        var c = new YamlFields(node, file, "ring closure", errors);
        var between = c.StringList("between", required: true);
        if (between.Count != 2)
        {
            c.Error(c.Line, "between", $"expected two slot ids, found {between.Count}");
        }

        var ringText = c.OptionalString("ring") ?? "any";
        var ring = ringText switch
        {
            "any" => ClosureRing.Any,
            "aromatic-or-heterocyclic" => ClosureRing.AromaticOrHeterocyclic,
            _ => Bad(c, "ring", $"expected any or aromatic-or-heterocyclic, not '{ringText}'", ClosureRing.Any),
        };
        var sizes = new List<int>();
        foreach (var (value, line) in c.StringList("sizes", required: false))
        {
            if (int.TryParse(value, out var n) && n >= 3)
            {
                sizes.Add(n);
            }
            else
            {
                c.Error(line, "sizes", $"expected ring sizes of 3 or more, not '{value}'");
            }
        }

        var rule = new RingClosureRule(between.ElementAtOrDefault(0).Value ?? string.Empty, between.ElementAtOrDefault(1).Value ?? string.Empty, ring, sizes, c.Line);
        c.RejectUnknown();
        return rule;
    }

    private static CountConstraint ReadCount(YamlNode node, string file, List<DataFileError> errors)
    {
        var c = new YamlFields(node, file, "count", errors);
        var groups = c.NodeList("groups", required: true)
            .Select(g => (IReadOnlyList<string>)((g as YamlSequenceNode)?.Children.OfType<YamlScalarNode>().Select(x => x.Value ?? string.Empty).ToList() ?? []))
            .ToList();
        var count = new CountConstraint(c.RequiredString("name"), c.StringList("classes", required: true).Select(x => x.Value).ToList(), groups, c.RequiredInt("total-at-least"), c.Line);
        c.RejectUnknown();
        return count;
    }

    private static CentralAtomRule ReadCentral(YamlNode node, string file, List<DataFileError> errors)
    {
        var c = new YamlFields(node, file, "central", errors);
        var atoms = new List<int>();
        foreach (var (value, line) in c.StringList("atoms", required: true))
        {
            if (int.TryParse(value, out var n))
            {
                atoms.Add(n);
            }
            else
            {
                c.Error(line, "atoms", $"expected atom map numbers, not '{value}'");
            }
        }

        var allowed = new List<CentralKind>();
        foreach (var (value, line) in c.StringList("allowed", required: true))
        {
            CentralKind? kind = value switch
            {
                "hydrogen" => CentralKind.Hydrogen,
                "metal" => CentralKind.Metal,
                "metal-oxide" => CentralKind.MetalOxide,
                "metal-hydroxide" => CentralKind.MetalHydroxide,
                "metal-halide" => CentralKind.MetalHalide,
                _ => null,
            };
            if (kind is null)
            {
                c.Error(line, "allowed", $"expected hydrogen, metal, metal-oxide, metal-hydroxide or metal-halide, not '{value}'");
            }
            else
            {
                allowed.Add(kind.Value);
            }
        }

        var rule = new CentralAtomRule(atoms, allowed, c.Line);
        c.RejectUnknown();
        return rule;
    }

    private static T Bad<T>(YamlFields f, string key, string message, T fallback)
    {
        f.Error(f.Node(key)!, key, message);
        return fallback;
    }
}
