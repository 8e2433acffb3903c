using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Registry;

/// <summary>
/// Checks a record document against the record format's JSON Schema (docs/schema/records.schema.json,
/// carried by <see cref="RecordSchema"/>) with JsonSchema.Net. Each failure names the field (a
/// record path such as <c>layers[1].binder.polymerization_degree</c>), says what was expected in
/// the field's unit, and ends with the schema's rule: the keyword and the instance path
/// (<c>schema: maximum at /layers/1/binder/polymerization_degree</c>).
/// </summary>
public static class RecordSchemaValidator
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(RecordSchema.Text);

    public static IReadOnlyList<FieldError> Validate(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var instance = JsonSerializer.SerializeToElement(document);

        // The flag output is cheap; the list of details is built only for a record that fails.
        if (Schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid)
        {
            return [];
        }

        var results = Schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var kind = RecordSchema.ParseKind(document["kind"] is JsonValue k && k.TryGetValue<string>(out var text) ? text : null);
        var errors = new List<FieldError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var detail in results.Details ?? [])
        {
            var evaluation = detail.EvaluationPath.ToString();
            var segments = evaluation.Split('/');

            // A failed "if" only chooses the kind; failures under "not" are what "not" wants.
            if (segments.Contains("if"))
            {
                continue;
            }

            if (segments[^1] == "not")
            {
                if (detail.IsValid && !segments[..^1].Contains("not"))
                {
                    Add(errors, seen, Describe(document, kind, detail.InstanceLocation.ToString(), "not", null));
                }

                continue;
            }

            if (segments.Contains("not") || detail.Errors is null)
            {
                continue;
            }

            foreach (var (keyword, message) in detail.Errors)
            {
                var rule = keyword.Length > 0 ? keyword : segments[^1];
                foreach (var error in Describe(document, kind, detail, rule, message))
                {
                    Add(errors, seen, error);
                }
            }
        }

        if (errors.Count == 0)
        {
            errors.Add(new FieldError("(record)", "does not match the record schema (schema: no rule named by the validator)"));
        }

        return errors;
    }

    private static void Add(List<FieldError> errors, HashSet<string> seen, FieldError error)
    {
        if (seen.Add(error.ToString()))
        {
            errors.Add(error);
        }
    }

    private static IEnumerable<FieldError> Describe(JsonObject document, RecordKind? kind, EvaluationResults detail, string rule, string message)
    {
        var pointer = detail.InstanceLocation.ToString();
        if (rule == "required")
        {
            var node = SchemaNode(detail.SchemaLocation);
            var present = At(document, pointer) as JsonObject;
            foreach (var name in (node?["required"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).Where(n => present?.ContainsKey(n) != true))
            {
                yield return new FieldError(FieldName(pointer + "/" + name), $"missing (required) (schema: required at {Shown(pointer)})");
            }

            yield break;
        }

        yield return Describe(document, kind, pointer, rule, message, SchemaNode(detail.SchemaLocation));
    }

    private static FieldError Describe(JsonObject document, RecordKind? kind, string pointer, string rule, string? message, JsonObject? node = null)
    {
        var value = At(document, pointer);
        var steps = Steps(pointer);
        var field = kind is { } k ? RecordSchema.FieldAt(k, steps.Where(s => s is not ("value" or "plus_minus" or "source"))) : null;
        var unit = field?.Unit ?? "its unit";
        var inUnit = unit == "dimensionless" ? "(dimensionless)" : $"in {unit}";
        var part = steps.Count > 0 ? steps[^1] : string.Empty;
        var what = rule switch
        {
            "type" when value is null => "null is not allowed: leave the field out when the value is unknown",
            "type" when field?.Type == FieldType.Quantity && part is not ("value" or "plus_minus") =>
                $"expected a number {inUnit} (the unit is in the field name), or {{\"value\": ..., \"plus_minus\": ..., \"source\": ...}}; got {Json(value)}",
            "type" when part is "value" or "plus_minus" => $"expected a number ({unit}); got {Json(value)}",
            "type" when field?.Type == FieldType.Boolean => $"expected true or false (leave it out when unknown); got {Json(value)}",
            "type" when field?.Type == FieldType.Text => $"expected text; got {Json(value)}",
            "type" when field?.Type == FieldType.NameOrFalse => $"expected a name, or false when there is none; got {Json(value)}",
            "type" when field?.Type is FieldType.Object => $"expected an object {{ ... }}; got {Json(value)}",
            "type" when field?.Type is FieldType.List => $"expected a list [ ... ]; got {Json(value)}",
            "type" when field?.Type is FieldType.FreeTextMap => $"expected an object of text values; got {Json(value)}",
            "const" when field?.Type == FieldType.NameOrFalse => "expected a name, or false when there is none (true says nothing)",
            "enum" when field?.Choices is { } words && part != "source" => $"expected one of {string.Join(", ", words)}; got {Json(value)}",
            "enum" when node?["enum"] is JsonArray words => $"expected one of {string.Join(", ", words.Select(w => w!.GetValue<string>()))}; got {Json(value)}",
            "additionalProperties" => $"unknown field (known here: {Known(kind, pointer)})",
            "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" => Range(value, part, unit, node),
            "not" => $"{Json(value)} {unit} is smaller than the smallest non-zero magnitude kept (1E-15 {unit}); give 0 or a larger value",
            _ => message ?? "does not match the schema",
        };
        return new FieldError(FieldName(pointer), $"{what} (schema: {rule} at {Shown(pointer)})");
    }

    private static string Range(JsonNode? value, string part, string unit, JsonObject? node)
    {
        var raw = Json(value);
        var min = node?["minimum"]?.ToJsonString();
        var max = node?["maximum"]?.ToJsonString();
        var expected = (min, max) switch
        {
            ({ } lo, { } hi) => $"expected {lo} to {hi} {unit}",
            (null, { } hi) => $"expected at most {hi} {unit}",
            ({ } lo, null) => $"expected at least {lo} {unit}",
            _ => $"expected a number in {unit}",
        };
        var d = value is JsonValue v && v.TryGetValue<double>(out var number) ? number : double.NaN;
        if (!double.IsFinite(d))
        {
            return $"{raw} is not a finite number; {expected}";
        }

        if (part == "plus_minus")
        {
            return d < 0
                ? $"{raw} is negative: expected a number of zero or more (same unit as value)"
                : $"{raw} {unit} is more than the largest value the field takes ({max} {unit})";
        }

        return (d, min, max) switch
        {
            (< 0, "0", _) => $"{raw} is negative; a {unit} value here is zero or more ({expected})",
            (> 100, _, "100") when unit == "%" => $"{raw} % is more than 100 % ({expected})",
            _ => $"{raw} {unit} is outside the range this field takes: {expected}",
        };
    }

    private static string Known(RecordKind? kind, string pointer)
    {
        var steps = Steps(pointer);
        var parent = steps.Take(steps.Count - 1).Where(s => s is not ("value" or "plus_minus" or "source")).ToList();
        if (kind is null)
        {
            return "kind, id";
        }

        var container = parent.Count == 0 ? null : RecordSchema.FieldAt(kind.Value, parent);
        if (container?.Type == FieldType.Quantity)
        {
            return "value, plus_minus, source";
        }

        var fields = parent.Count == 0 ? RecordSchema.Fields[kind.Value] : container?.Fields ?? [];
        return string.Join(", ", fields.Select(f => f.Name));
    }

    // The schema object holding the failed keyword, found from the location the validator reports:
    // a fragment pointer into the one schema document. JsonSchema.Net 8.0.5 appends a segment
    // after some applicators (".../items/components"), so the walk keeps the deepest object the
    // pointer reaches.
    private static JsonObject? SchemaNode(Uri? location)
    {
        if (location is null)
        {
            return null;
        }

        var fragment = Uri.UnescapeDataString(location.Fragment.TrimStart('#'));
        JsonNode? node = RecordSchema.Document;
        var deepest = RecordSchema.Document;
        foreach (var step in fragment.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Unescape))
        {
            node = node switch
            {
                JsonObject o => o[step],
                JsonArray a when int.TryParse(step, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
            if (node is null)
            {
                break;
            }

            if (node is JsonObject reached)
            {
                deepest = reached;
            }
        }

        return deepest;
    }

    private static JsonNode? At(JsonNode root, string pointer)
    {
        JsonNode? node = root;
        foreach (var step in Steps(pointer))
        {
            node = node switch
            {
                JsonObject o => o[step],
                JsonArray a when int.TryParse(step, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }

        return node;
    }

    private static List<string> Steps(string pointer) =>
        [.. pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Unescape)];

    private static string Unescape(string step) => step.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    /// <summary>A JSON pointer as a record path: /layers/0/binder/type is layers[0].binder.type.</summary>
    private static string FieldName(string pointer)
    {
        var name = new System.Text.StringBuilder();
        foreach (var step in Steps(pointer))
        {
            if (int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out _) && name.Length > 0)
            {
                name.Append('[').Append(step).Append(']');
            }
            else
            {
                name.Append(name.Length > 0 ? "." : string.Empty).Append(step);
            }
        }

        return name.Length > 0 ? name.ToString() : "(record)";
    }

    private static string Shown(string pointer) => pointer.Length > 0 ? pointer : "/";

    private static string Json(JsonNode? value) => value?.ToJsonString() ?? "null";
}
