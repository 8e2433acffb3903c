using System.Globalization;
using DyeRegistry.Claims.Model;
using DyeRegistry.Markush.Loading;
using DyeRegistry.Storage.Records;
using YamlDotNet.RepresentationModel;

namespace DyeRegistry.Claims.Loading;

/// <summary>
/// Reads one limitation's condition (claims/README.md): exactly one of <c>present</c>,
/// <c>is</c>, <c>one-of</c>, <c>compare</c>, <c>term</c>, <c>formula</c>, <c>all</c>, <c>any</c>,
/// <c>every</c>, <c>some</c>, with its options. Paths are checked against the record schema and
/// against the elements the enclosing quantifiers bind.
/// </summary>
internal sealed class ConditionReader(string file, List<DataFileError> errors, ReadingSet readings)
{
    private static readonly string[] Kinds = ["present", "is", "one-of", "compare", "term", "formula", "all", "any", "every", "some"];

    public Condition Read(YamlNode node, IReadOnlySet<string> bound)
    {
        var y = new YamlFields(node, file, "a condition", errors);
        var line = y.Line;
        var kinds = node is YamlMappingNode m ? Kinds.Where(k => m.Children.ContainsKey(new YamlScalarNode(k))).ToList() : [];
        if (kinds.Count != 1)
        {
            y.Error(node, "test", kinds.Count == 0
                ? $"expected one of {string.Join(", ", Kinds)}"
                : $"one condition per mapping, found {string.Join(" and ", kinds)} (use all: [...] to combine)");
            return new AllCondition(line, []);
        }

        Condition result = kinds[0] switch
        {
            "present" => new PresentCondition(line, Path(y, "present", bound, null)!, OptionalPath(y, "decided-by-absence-when", bound)),
            "is" => new IsCondition(line, Path(y, "is", bound, FieldType.Boolean)!, Bool(y, "value")),
            "one-of" => OneOf(y, line, bound),
            "compare" => Compare(y, line, bound),
            "term" => Term(y, line, bound),
            "formula" => new FormulaCondition(line, y.StringList("formula", required: true).Select(s => s.Value).ToList()),
            "all" => new AllCondition(line, y.NodeList("all", required: true).Select(n => Read(n, bound)).ToList()),
            "any" => new AnyCondition(line, y.NodeList("any", required: true).Select(n => Read(n, bound)).ToList()),
            _ => Quantified(y, line, kinds[0] == "every", bound),
        };
        if (result is FormulaCondition && !bound.Contains("dye"))
        {
            y.Error(node, "formula", "a formula condition needs a dye: put it inside some: ink.dyes");
        }

        y.RejectUnknown();
        return result;
    }

    private Condition OneOf(YamlFields y, int line, IReadOnlySet<string> bound)
    {
        var path = Path(y, "one-of", bound, FieldType.Choice);
        var values = y.StringList("values", required: true);
        if (path is not null && SchemaPaths.Resolve(path).Field?.Choices is { } choices)
        {
            foreach (var (value, at) in values.Where(v => !choices.Contains(v.Value)))
            {
                y.Error(at, "values", $"'{value}' is not a value of {path} (its vocabulary: {string.Join(", ", choices)})");
            }
        }

        return new OneOfCondition(line, path!, values.Select(v => v.Value).ToList());
    }

    private Condition Compare(YamlFields y, int line, IReadOnlySet<string> bound)
    {
        var quantityNode = y.Node("compare")!;
        QuantityExpression quantity;
        if (quantityNode is YamlScalarNode)
        {
            quantity = new FieldQuantity(Path(y, "compare", bound, FieldType.Quantity)!);
        }
        else
        {
            var q = new YamlFields(quantityNode, file, "compare", errors);
            var ratio = q.StringList("ratio", required: false);
            var difference = q.StringList("difference", required: false);
            var pair = ratio.Count > 0 ? ratio : difference;
            if (pair.Count != 2 || (ratio.Count > 0 && difference.Count > 0))
            {
                y.Error(quantityNode, "compare", "expected a field path, {ratio: [numerator, denominator]} or {difference: [first, second]}");
            }

            q.RejectUnknown();
            var a = pair.Count > 0 ? CheckPath(pair[0].Value, pair[0].Line, "compare", bound, FieldType.Quantity) : null;
            var b = pair.Count > 1 ? CheckPath(pair[1].Value, pair[1].Line, "compare", bound, FieldType.Quantity) : null;
            quantity = ratio.Count > 0 ? new RatioQuantity(a!, b!) : new DifferenceQuantity(a!, b!);
        }

        var opText = y.RequiredString("op");
        var op = ComparisonText.Parse(opText);
        if (op is null && opText.Length > 0)
        {
            y.Error(y.Node("op")!, "op", $"expected >=, >, <=, < or between, not '{opText}'");
        }

        decimal? threshold = null, upper = null;
        var reading = y.OptionalString("reading");
        var unit = y.OptionalString("unit");
        if (op == Comparison.Between)
        {
            var range = y.StringList("range", required: true);
            if (range.Count != 2)
            {
                y.Error(y.Node("range") ?? quantityNode, "range", "expected [lower, upper] (both included)");
            }
            else
            {
                threshold = Number(y, range[0].Value, range[0].Line, "range");
                upper = Number(y, range[1].Value, range[1].Line, "range");
            }
        }
        else if (reading is not null)
        {
            var r = readings.Find(reading);
            if (r is null)
            {
                y.Error(y.Node("reading")!, "reading", $"no reading '{reading}' in {readings.File} (known: {string.Join(", ", readings.Readings.Select(x => x.Id))})");
            }
            else if (r.Option(r.Default)?.Threshold is null)
            {
                y.Error(y.Node("reading")!, "reading", $"reading '{reading}' sets no threshold");
            }
            else
            {
                unit ??= r.Option(r.Default)!.Unit;
            }
        }
        else if (y.OptionalString("threshold") is { } t)
        {
            threshold = Number(y, t, (int)y.Node("threshold")!.Start.Line, "threshold");
        }
        else
        {
            y.Error(y.Node("compare")!, "threshold", "missing: a threshold, a range (with op: between) or a reading");
        }

        var scaleText = y.OptionalString("scale");
        var scale = scaleText is null ? 1m : Number(y, scaleText, (int)y.Node("scale")!.Start.Line, "scale") ?? 1m;
        if (scale <= 0)
        {
            y.Error(y.Node("scale")!, "scale", "must be above zero");
        }

        var label = y.OptionalString("label") ?? string.Join(" / ", quantity.Fields.Select(f => f.Steps.LastOrDefault()?.Name ?? f.Root));
        if (unit is null)
        {
            y.Error(y.Node("compare")!, "unit", "missing: the unit the claim states the threshold in (\"\" for none)");
        }

        var operands = y.StringList("operands", required: false).Select(o => o.Value).ToList();
        if (operands.Count > 0 && operands.Count != quantity.Fields.Count)
        {
            y.Error(y.Node("operands")!, "operands", $"expected {quantity.Fields.Count} names, one per field compared");
        }

        return new CompareCondition(line, quantity, label, op ?? Comparison.AtLeast, threshold, upper, reading, unit ?? string.Empty, scale, operands);
    }

    private Condition Term(YamlFields y, int line, IReadOnlySet<string> bound)
    {
        var path = Path(y, "term", bound, FieldType.Text);
        var reading = y.RequiredString("reading");
        var r = readings.Find(reading);
        if (reading.Length > 0 && (r is null || r.Options.Any(o => o.Terms.Count == 0)))
        {
            y.Error(y.Node("reading")!, "reading", r is null ? $"no reading '{reading}'" : $"reading '{reading}' has an option without terms");
        }

        var ifRecorded = y.OptionalBool("if-recorded");
        return new TermCondition(line, path!, reading, ifRecorded);
    }

    private Condition Quantified(YamlFields y, int line, bool every, IReadOnlySet<string> bound)
    {
        var key = every ? "every" : "some";
        var text = y.RequiredString(key);
        var (collection, error) = FieldPath.Parse(text);
        if (collection is null || !(SchemaPaths.InkCollections.Contains(collection.Text) ||
            (collection.Root == "medium" && collection.Steps.Count == 1 && collection.Steps[0].Name == "layers" && collection.Steps[0].Positions.Count > 0)))
        {
            y.Error(y.Node(key)!, key, error ?? $"expected one of {string.Join(", ", SchemaPaths.InkCollections)} or medium.layers[positions], not '{text}'");
            collection = FieldPath.Parse("ink.dyes").Path!;
        }

        var quantified = new QuantifiedCondition(line, every, collection, new AllCondition(line, []));
        var inner = y.Node("test");
        if (inner is null)
        {
            y.Error(y.Node(key)!, "test", "missing: the condition each element is tested against");
            return quantified;
        }

        return quantified with { Inner = Read(inner, new HashSet<string>(bound) { quantified.Element }) };
    }

    private FieldPath? OptionalPath(YamlFields y, string key, IReadOnlySet<string> bound) =>
        y.OptionalString(key) is null ? null : Path(y, key, bound, null);

    private FieldPath? Path(YamlFields y, string key, IReadOnlySet<string> bound, FieldType? type)
    {
        var text = y.RequiredString(key);
        return CheckPath(text, (int)(y.Node(key)?.Start.Line ?? y.Line), key, bound, type);
    }

    private FieldPath? CheckPath(string text, int line, string key, IReadOnlySet<string> bound, FieldType? type)
    {
        var (path, error) = FieldPath.Parse(text);
        if (path is null)
        {
            errors.Add(new DataFileError(file, line, key, $"'{text}': {error}"));
            return FieldPath.Parse("medium").Path;
        }

        if (path.Root is not ("medium" or "ink") && !bound.Contains(path.Root))
        {
            errors.Add(new DataFileError(file, line, key, $"'{text}': '{path.Root}' is only bound inside some/every over its collection"));
            return path;
        }

        var (field, problem) = SchemaPaths.Resolve(path);
        if (problem is not null)
        {
            errors.Add(new DataFileError(file, line, key, $"'{text}': {problem}"));
        }
        else if (type is { } t && field is not null && field.Type != t && !(t == FieldType.Text && field.Type == FieldType.Choice))
        {
            errors.Add(new DataFileError(file, line, key, $"'{text}' is a {field.Type.ToString().ToLowerInvariant()} field; {key} needs a {t.ToString().ToLowerInvariant()} field"));
        }

        return path;
    }

    private bool Bool(YamlFields y, string key)
    {
        var text = y.RequiredString(key);
        if (text is not ("true" or "false") && text.Length > 0)
        {
            y.Error(y.Node(key)!, key, $"expected true or false, not '{text}'");
        }

        return text == "true";
    }

    private static decimal? Number(YamlFields y, string text, int line, string key)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        y.Error(line, key, $"expected a number, not '{text}'");
        return null;
    }
}
