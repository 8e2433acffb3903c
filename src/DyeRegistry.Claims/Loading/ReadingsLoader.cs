using System.Globalization;
using DyeRegistry.Claims.Model;
using DyeRegistry.Markush.Loading;
using YamlDotNet.RepresentationModel;

namespace DyeRegistry.Claims.Loading;

/// <summary>Reads readings.yaml: every reading with its options, default and provenance.</summary>
internal static class ReadingsLoader
{
    public static ReadingSet Read(YamlMappingNode root, string file, List<DataFileError> errors)
    {
        var top = new YamlFields(root, file, "the readings file", errors);
        var body = new YamlFields(top.Node("readings")!, file, "readings", errors);
        top.RejectUnknown();
        var version = body.RequiredInt("version");
        var source = body.RequiredString("source");
        var list = new List<Reading>();
        foreach (var node in body.NodeList("terms", required: true))
        {
            var y = new YamlFields(node, file, "a reading", errors);
            var id = y.RequiredString("id");
            var term = y.RequiredString("term");
            var dflt = y.RequiredString("default");
            var formula = y.OptionalString("formula");
            var options = new List<ReadingOption>();
            foreach (var o in y.NodeList("options", required: true))
            {
                var oy = new YamlFields(o, file, $"an option of reading '{id}'", errors);
                var threshold = oy.OptionalString("threshold") is { } t
                    ? decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : Bad(oy, "threshold", t)
                    : null;
                options.Add(new ReadingOption(
                    oy.RequiredString("id"),
                    oy.Provenance("provenance", required: true) ?? Markush.Model.Provenance.Missing,
                    oy.RequiredString("text"),
                    threshold,
                    oy.OptionalString("unit"),
                    oy.OptionalString("formula-reading"),
                    oy.StringList("terms", required: false).Select(s => s.Value.ToLowerInvariant()).ToList()));
                if (threshold is not null && oy.Node("unit") is null)
                {
                    oy.Error(o, "unit", "a threshold needs its unit");
                }

                oy.RejectUnknown();
            }

            if (dflt.Length > 0 && options.Count > 0 && options.All(o => o.Id != dflt))
            {
                y.Error(y.Node("default")!, "default", $"'{dflt}' is not one of the options ({string.Join(", ", options.Select(o => o.Id))})");
            }

            if (formula is null && options.Any(o => o.FormulaReading is not null))
            {
                y.Error(node, "formula", "options set formula-reading: name the formula they apply to (formula: I)");
            }

            if (list.Any(r => r.Id == id))
            {
                y.Error(node, "id", $"duplicate reading id '{id}'");
            }

            y.RejectUnknown();
            list.Add(new Reading(id, term, dflt, options, y.Line, formula));
        }

        body.RejectUnknown();
        return new ReadingSet(version, source, file, list);
    }

    private static decimal? Bad(YamlFields y, string key, string text)
    {
        y.Error(y.Node(key)!, key, $"expected a number, not '{text}'");
        return null;
    }
}
