using System.Globalization;
using System.Text.Json.Nodes;

namespace DyeRegistry.Storage.Records;

/// <summary>
/// Checks a record document against <see cref="RecordSchema"/>: required fields, unknown fields,
/// value shapes, units (a quantity must be a number or {value, plus_minus, source}; text such as
/// "30 nm" is refused), ranges (finite numbers within each field's documented range, no negative
/// sizes, percentages at most 100), vocabularies, and the
/// sum of an ink's component percentages. Reports every problem, not just the first.
/// </summary>
public static class RecordValidator
{
    public static IReadOnlyList<FieldError> Validate(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<FieldError>();
        var kindText = document["kind"] is JsonValue v && v.TryGetValue<string>(out var k) ? k : null;
        var kind = RecordSchema.ParseKind(kindText);
        if (kind is null)
        {
            errors.Add(new FieldError("kind", kindText is null ? "missing: expected dye, solvent, polymer, ink or medium" : $"expected dye, solvent, polymer, ink or medium, not '{kindText}'"));
            return errors;
        }

        CheckObject(document, RecordSchema.Fields[kind.Value], string.Empty, errors);
        if (document["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var id) && RecordIds.Problem(id) is { } idProblem)
        {
            errors.Add(new FieldError("id", idProblem));
        }

        if (kind == RecordKind.Dye && document["parent"] is JsonValue parentValue && parentValue.TryGetValue<string>(out var parent) && RecordIds.Problem(parent) is { } parentProblem)
        {
            errors.Add(new FieldError("parent", parentProblem));
        }

        if (kind == RecordKind.Ink && document["components"] is JsonArray parts)
        {
            for (var i = 0; i < parts.Count; i++)
            {
                if (parts[i] is JsonObject part && part["ref"] is JsonValue r && r.TryGetValue<string>(out var reference) && RecordIds.Problem(reference) is { } refProblem)
                {
                    errors.Add(new FieldError($"components[{i}].ref", refProblem));
                }
            }
        }

        if (kind == RecordKind.Medium && document["layers"] is JsonArray layers)
        {
            CheckLayerPositions(layers, errors);
        }

        if (kind == RecordKind.Ink && document["components"] is JsonArray components)
        {
            var total = 0.0;
            foreach (var c in components.OfType<JsonObject>())
            {
                total += QuantityValue(c["mass_percent"]) ?? 0;
            }

            if (total > 100 + 1e-9)
            {
                errors.Add(new FieldError("components", string.Create(CultureInfo.InvariantCulture, $"component mass percentages sum to {total:0.###} %, more than 100 %")));
            }
        }

        if (kind == RecordKind.Dye && document["smiles"] is null && document["molfile"] is null)
        {
            errors.Add(new FieldError("smiles", "a dye needs its structure: smiles or molfile"));
        }

        return errors;
    }

    // Claims name layers by position ("first" = nearer the support); two layers in one position
    // would make the verdict depend on list order, so the record is refused as ambiguous.
    private static void CheckLayerPositions(JsonArray layers, List<FieldError> errors)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < layers.Count; i++)
        {
            if (layers[i] is JsonObject layer && layer["position"] is JsonValue p && p.TryGetValue<string>(out var position))
            {
                if (seen.TryGetValue(position, out var first))
                {
                    errors.Add(new FieldError($"layers[{i}].position", $"'{position}' is the position of layers[{first}] too; each position is given to one layer (which one the claims read would depend on list order)"));
                }
                else
                {
                    seen[position] = i;
                }
            }
        }
    }

    /// <summary>The number of a quantity field (plain or {value ...}), or null.</summary>
    public static double? QuantityValue(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<double>(out var d) && double.IsFinite(d) => d,
        JsonObject o when o["value"] is JsonValue v && v.TryGetValue<double>(out var d) && double.IsFinite(d) => d,
        _ => null,
    };

    private static void CheckObject(JsonObject obj, IReadOnlyList<FieldSpec> fields, string path, List<FieldError> errors)
    {
        var known = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var (name, value) in obj)
        {
            var field = Path(path, name);
            if (!known.TryGetValue(name, out var spec))
            {
                errors.Add(new FieldError(field, $"unknown field (known here: {string.Join(", ", fields.Select(f => f.Name))})"));
                continue;
            }

            CheckValue(value, spec, field, errors);
        }

        foreach (var spec in fields.Where(f => f.Required && !obj.ContainsKey(f.Name)))
        {
            errors.Add(new FieldError(Path(path, spec.Name), "missing (required)"));
        }
    }

    private static void CheckValue(JsonNode? value, FieldSpec spec, string field, List<FieldError> errors)
    {
        if (value is null)
        {
            errors.Add(new FieldError(field, "null is not allowed: leave the field out when the value is unknown"));
            return;
        }

        switch (spec.Type)
        {
            case FieldType.Text:
                if (!IsString(value))
                {
                    errors.Add(new FieldError(field, "expected text"));
                }

                break;
            case FieldType.Boolean:
                if (value.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
                {
                    errors.Add(new FieldError(field, "expected true or false (leave it out when unknown)"));
                }

                break;
            case FieldType.Choice:
                if (!IsString(value) || !spec.Choices!.Contains(value.GetValue<string>()))
                {
                    errors.Add(new FieldError(field, $"expected one of {string.Join(", ", spec.Choices!)}"));
                }

                break;
            case FieldType.NameOrFalse:
                if (!IsString(value) && value.GetValueKind() != System.Text.Json.JsonValueKind.False)
                {
                    errors.Add(new FieldError(field, "expected a name, or false when there is none"));
                }

                break;
            case FieldType.Quantity:
                CheckQuantity(value, spec, field, errors);
                break;
            case FieldType.Object:
                if (value is JsonObject o)
                {
                    CheckObject(o, spec.Fields!, field, errors);
                }
                else
                {
                    errors.Add(new FieldError(field, "expected an object { ... }"));
                }

                break;
            case FieldType.List:
                if (value is JsonArray a)
                {
                    for (var i = 0; i < a.Count; i++)
                    {
                        CheckValue(a[i], spec.Items!, $"{field}[{i}]", errors);
                    }
                }
                else
                {
                    errors.Add(new FieldError(field, "expected a list [ ... ]"));
                }

                break;
            case FieldType.FreeTextMap:
                if (value is not JsonObject map || map.Any(kv => kv.Value is null || !IsString(kv.Value)))
                {
                    errors.Add(new FieldError(field, "expected an object of text values"));
                }

                break;
            case FieldType.Raw:
                break;
        }
    }

    private static void CheckQuantity(JsonNode value, FieldSpec spec, string field, List<FieldError> errors)
    {
        double number;
        if (value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            if (!Finite(v, out number))
            {
                errors.Add(new FieldError(field, $"{v.ToJsonString()} is not a finite number; {RangeText(spec)}"));
                return;
            }
        }
        else if (value is JsonObject o)
        {
            foreach (var key in o.Select(kv => kv.Key).Where(k => k is not ("value" or "plus_minus" or "source")))
            {
                errors.Add(new FieldError($"{field}.{key}", "unknown field (a quantity has value, plus_minus, source)"));
            }

            if (o["value"] is not JsonValue val || val.GetValueKind() != System.Text.Json.JsonValueKind.Number)
            {
                errors.Add(new FieldError($"{field}.value", $"missing or not a number ({spec.Unit})"));
                return;
            }

            if (!Finite(val, out number))
            {
                errors.Add(new FieldError($"{field}.value", $"{val.ToJsonString()} is not a finite number; {RangeText(spec)}"));
                return;
            }

            if (o["plus_minus"] is { } pm)
            {
                if (pm is not JsonValue pv || pm.GetValueKind() != System.Text.Json.JsonValueKind.Number || !Finite(pv, out var plusMinus) || plusMinus < 0)
                {
                    errors.Add(new FieldError($"{field}.plus_minus", "expected a finite number of zero or more (same unit as value)"));
                }
                else if (spec.Maximum is { } max && plusMinus > max)
                {
                    errors.Add(new FieldError($"{field}.plus_minus", Invariant($"{plusMinus} {spec.Unit} is more than the largest value the field takes ({max} {spec.Unit})")));
                }
                else if (plusMinus != 0 && plusMinus < RecordSchema.SmallestMagnitude)
                {
                    errors.Add(new FieldError($"{field}.plus_minus", Invariant($"{plusMinus} is smaller than the smallest non-zero magnitude kept ({RecordSchema.SmallestMagnitude}); give 0 or a larger value")));
                }
            }

            if (o["source"] is { } src && (!IsString(src) || !RecordSchema.Sources.Contains(src.GetValue<string>())))
            {
                errors.Add(new FieldError($"{field}.source", $"expected one of {string.Join(", ", RecordSchema.Sources)}"));
            }
        }
        else
        {
            errors.Add(new FieldError(field, $"expected a number in {spec.Unit} (the unit is in the field name), or {{\"value\": ..., \"plus_minus\": ..., \"source\": ...}}; got {value.ToJsonString()}"));
            return;
        }

        if (spec.Range != QuantityRange.Any && number < 0)
        {
            errors.Add(new FieldError(field, Invariant($"{number} is negative; a {spec.Unit} value here is zero or more")));
        }
        else if (spec.Range == QuantityRange.Percent && number > 100)
        {
            errors.Add(new FieldError(field, Invariant($"{number} % is more than 100 %")));
        }
        else if ((spec.Minimum is { } min && number < min) || (spec.Maximum is { } max && number > max))
        {
            errors.Add(new FieldError(field, Invariant($"{number} {spec.Unit} is outside the range this field takes: {RangeText(spec)}")));
        }
        else if (number != 0 && Math.Abs(number) < RecordSchema.SmallestMagnitude)
        {
            errors.Add(new FieldError(field, Invariant($"{number} {spec.Unit} is smaller than the smallest non-zero magnitude kept ({RecordSchema.SmallestMagnitude} {spec.Unit}); give 0 or a larger value")));
        }
    }

    /// <summary>The number, when it is finite: a JSON number beyond double's range (1e309) reads as
    /// infinity or not at all, and is refused rather than stored as text nobody can compare.</summary>
    private static bool Finite(JsonValue v, out double number) => v.TryGetValue(out number) && double.IsFinite(number);

    private static string RangeText(FieldSpec spec) => spec switch
    {
        { Minimum: { } min, Maximum: { } max } => Invariant($"expected {min} to {max} {spec.Unit}"),
        { Maximum: { } max } => Invariant($"expected at most {max} {spec.Unit}"),
        _ => $"expected a number in {spec.Unit}",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static bool IsString(JsonNode node) => node.GetValueKind() == System.Text.Json.JsonValueKind.String;

    private static string Path(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";
}
