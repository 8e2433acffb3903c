using System.Globalization;
using System.Text.Json.Nodes;

namespace DyeRegistry.Storage.Records;

/// <summary>
/// The rules of a record that its JSON Schema does not state, because they look at several fields
/// at once or at what an id may be everywhere (command lines, files, terminals): a valid id and
/// valid references, a dye's structure (smiles or molfile), an ink's component percentages
/// summing to at most 100, one layer per position. Types, required fields, units and ranges are
/// the schema's alone (<see cref="RecordSchema"/>); import checks the schema first.
/// </summary>
public static class RecordRules
{
    /// <summary>Every problem of these rules in <paramref name="document"/> (none for a record
    /// whose kind is not known: the schema reports that).</summary>
    public static IReadOnlyList<FieldError> Check(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<FieldError>();
        var kind = RecordSchema.ParseKind(document["kind"] is JsonValue v && v.TryGetValue<string>(out var k) ? k : null);
        if (kind is null)
        {
            return errors;
        }

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

            var total = parts.OfType<JsonObject>().Sum(c => QuantityValue(c["mass_percent"]) ?? 0);
            if (total > 100 + 1e-9)
            {
                errors.Add(new FieldError("components", string.Create(CultureInfo.InvariantCulture, $"component mass percentages sum to {total:0.###} %, more than 100 %")));
            }
        }

        if (kind == RecordKind.Medium && document["layers"] is JsonArray layers)
        {
            CheckLayerPositions(layers, errors);
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
}
