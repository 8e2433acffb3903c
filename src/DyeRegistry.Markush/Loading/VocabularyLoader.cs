using DyeRegistry.Markush.Model;
using YamlDotNet.RepresentationModel;

namespace DyeRegistry.Markush.Loading;

/// <summary>Reads a substituent vocabulary file (see formulas/substituent-classes.yaml).</summary>
internal static class VocabularyLoader
{
    public static SubstituentVocabulary Read(YamlMappingNode root, string file, List<DataFileError> errors)
    {
        var fields = new YamlFields(root, file, "vocabulary", errors);
        var id = fields.RequiredString("vocabulary");
        var version = fields.RequiredInt("version");
        var provenance = fields.Provenance("provenance", required: true);

        var source = fields.RequiredString("source");
        var document = PatentDocumentReader.Read(fields, file, errors, formula: true);
        var classes = new List<SubstituentClass>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in fields.NodeList("classes", required: true))
        {
            var c = new YamlFields(node, file, "class", errors);
            var classId = c.RequiredString("id");
            var smarts = c.RequiredString("smarts");
            var cls = new SubstituentClass(classId, c.RequiredString("name"), c.RequiredString("definition"),
                smarts == "none" ? null : smarts, c.OptionalString("notes"), c.Line);
            c.RejectUnknown();
            if (seen.TryGetValue(classId, out var firstLine))
            {
                c.Error(c.Line, "id", $"duplicate class id '{classId}' (first at line {firstLine})");
                continue;
            }

            if (cls.Smarts is null && !cls.IsHydrogen)
            {
                c.Error(c.Line, "smarts", $"only '{SubstituentClass.HydrogenId}' may have smarts: none");
            }

            if (cls.IsHydrogen && cls.Smarts is not null)
            {
                c.Error(c.Line, "smarts", "hydrogen is the absence of a substituent: write smarts: none");
            }

            seen[classId] = c.Line;
            classes.Add(cls);
        }

        if (!seen.ContainsKey(SubstituentClass.HydrogenId))
        {
            fields.Error(fields.Line, "classes", $"the vocabulary must define '{SubstituentClass.HydrogenId}'");
        }

        fields.RejectUnknown();
        return new SubstituentVocabulary(id, version, provenance ?? Provenance.Read, source, file, classes) { Document = document };
    }
}
