using System.Globalization;
using System.Text.Json.Nodes;
using DyeRegistry.Claims.Model;

namespace DyeRegistry.Claims.Evaluation;

/// <summary>Where a quantifier or the subject binds a path's root: a record, and the node inside
/// it (a layer of a medium) with its path in the record.</summary>
internal sealed record Binding(ScopeRecord Record, string Prefix, JsonNode? Node);

/// <summary>A field as found: its record, its path there, its value (null when not recorded),
/// and the value's source and method.</summary>
internal sealed record Fact(ScopeRecord? Record, string Field, JsonNode? Node, string Source, string? Method)
{
    public bool Recorded => Node is not null;

    public string RecordId => Record?.Id ?? "(none)";
}

/// <summary>
/// Reads record fields for the evaluator. A field the document lacks may still be known: a
/// value the registry computed (A and Y from an isotherm, source "computed" with the method) or
/// estimated where nothing was recorded (a water solubility from structure, source "estimated",
/// with the model and its prediction interval: a value in the document always wins),
/// or one records.md derives (a layer with a void volume above zero is porous; the binder types
/// polyvinyl_alcohol, gelatin, polyvinylpyrrolidone, polyethylene_oxide and cellulosic are
/// hydrophilic), source "derived". Nothing else is ever filled in: missing stays unknown.
/// </summary>
internal static class FactResolver
{
    private static readonly string[] HydrophilicBinders = ["polyvinyl_alcohol", "gelatin", "polyvinylpyrrolidone", "polyethylene_oxide", "cellulosic"];

    public static Fact Resolve(FieldPath path, IReadOnlyDictionary<string, Binding> bindings)
    {
        if (!bindings.TryGetValue(path.Root, out var binding))
        {
            return new Fact(null, path.Text, null, "missing", null);
        }

        var field = string.Join(".", path.Steps.Select(s => s.ToString()).Prepend(binding.Prefix).Where(s => s.Length > 0));
        var node = Walk(binding.Node, path.Steps);
        if (node is not null)
        {
            return new Fact(binding.Record, field, node, SourceOf(node), null);
        }

        var computed = binding.Record.Computed.FirstOrDefault(c => c.Field == field);
        if (computed is not null)
        {
            // An estimate keeps its interval, so a threshold inside it leaves the limitation unknown.
            JsonNode value = computed.Low is { } low && computed.High is { } high
                ? new JsonObject { ["value"] = computed.Value, ["low"] = low, ["high"] = high }
                : JsonValue.Create(computed.Value);
            return new Fact(binding.Record, field, value, computed.Source, $"{computed.Method} ({computed.Unit})");
        }

        return Derive(path, binding, field) ?? new Fact(binding.Record, field, null, "missing", null);
    }

    /// <summary>The layers a collection path selects, each bound to <c>layer</c>: one per
    /// position named, the node null when the record has no layer there.</summary>
    public static IEnumerable<(string Position, Binding Binding)> Layers(FieldPath collection, Binding medium)
    {
        var step = collection.Steps[0];
        var list = medium.Node?[step.Name];
        foreach (var position in step.Positions)
        {
            yield return (position, new Binding(medium.Record, $"{step.Name}[{position}]", Layer(list, position)));
        }
    }

    /// <summary>The source a value states ({"value", "source"}); plain numbers and words are "asserted" (records.md).</summary>
    private static string SourceOf(JsonNode node) =>
        node is JsonObject o && o["source"] is JsonValue s && s.TryGetValue<string>(out var text) ? text : "asserted";

    private static JsonNode? Layer(JsonNode? layers, string position) =>
        layers is JsonArray array
            ? array.OfType<JsonObject>().FirstOrDefault(l => l["position"] is JsonValue v && v.TryGetValue<string>(out var p) && p == position)
            : null;

    private static Fact? Derive(FieldPath path, Binding binding, string field)
    {
        var last = path.Steps.Count > 0 ? path.Steps[^1].Name : null;
        var parent = Walk(binding.Node, path.Steps.Take(path.Steps.Count - 1));
        if (last == "porous" && parent?["void_volume_ml_per_m2"] is { } voidNode && Storage.Records.RecordRules.QuantityValue(voidNode) is { } v && v > 0)
        {
            return new Fact(binding.Record, field, JsonValue.Create(true), "derived",
                string.Create(CultureInfo.InvariantCulture, $"a layer with a void volume above zero is porous (docs/records.md); void volume (ml/m2) = {v}"));
        }

        if (last == "hydrophilic" && parent?["type"] is JsonValue t && t.TryGetValue<string>(out var type) && HydrophilicBinders.Contains(type))
        {
            return new Fact(binding.Record, field, JsonValue.Create(true), "derived", $"binder type {type} is hydrophilic by definition (docs/records.md)");
        }

        return null;
    }

    /// <summary>The node the steps lead to from <paramref name="node"/> (layers picked by position), or null.</summary>
    private static JsonNode? Walk(JsonNode? node, IEnumerable<PathStep> steps)
    {
        foreach (var step in steps)
        {
            node = step.Positions.Count == 1 ? Layer(node?[step.Name], step.Positions[0]) : node is JsonObject o ? o[step.Name] : null;
        }

        return node;
    }
}
