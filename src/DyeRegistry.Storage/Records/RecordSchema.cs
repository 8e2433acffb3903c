using System.Text.Json.Nodes;

namespace DyeRegistry.Storage.Records;

/// <summary>
/// The record exchange format (docs/records.md) as its JSON Schema, docs/schema/records.schema.json,
/// embedded in this assembly: the one place where fields, types, required fields, units and
/// ranges are written. <see cref="Fields"/> is the field tree read from it (names, shapes, units,
/// words) for the claim files' paths; validation itself is done on the schema by import.
/// </summary>
public static class RecordSchema
{
    private const string ResourceName = "DyeRegistry.records.schema.json";

    /// <summary>The schema's text, as shipped (what <c>dyereg schema</c> prints).</summary>
    public static string Text { get; } = ReadResource();

    /// <summary>The schema as a JSON tree (a copy of the shipped text, shared: do not change it).</summary>
    public static JsonObject Document { get; } = (JsonObject)JsonNode.Parse(Text)!;

    /// <summary>The fields of each kind of record.</summary>
    public static readonly IReadOnlyDictionary<RecordKind, IReadOnlyList<FieldSpec>> Fields =
        Enum.GetValues<RecordKind>().ToDictionary(k => k, k => Properties((JsonObject)Document["$defs"]![KindText(k)]!));

    public static RecordKind? ParseKind(string? text) => text switch
    {
        "dye" => RecordKind.Dye,
        "solvent" => RecordKind.Solvent,
        "polymer" => RecordKind.Polymer,
        "ink" => RecordKind.Ink,
        "medium" => RecordKind.Medium,
        _ => null,
    };

    public static string KindText(RecordKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The field a dotted record path names (<c>layers[0].binder.type</c>; list positions
    /// are skipped), or null when the schema has no such field.</summary>
    public static FieldSpec? FieldAt(RecordKind kind, IEnumerable<string> steps)
    {
        IReadOnlyList<FieldSpec> fields = Fields[kind];
        FieldSpec? current = null;
        foreach (var step in steps)
        {
            if (current?.Type == FieldType.List && int.TryParse(step, out _))
            {
                current = current.Items;
                fields = current?.Fields ?? [];
                continue;
            }

            current = fields.FirstOrDefault(f => f.Name == step);
            if (current is null)
            {
                return null;
            }

            fields = current.Fields ?? [];
        }

        return current;
    }

    private static string ReadResource()
    {
        using var stream = typeof(RecordSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from {typeof(RecordSchema).Assembly.GetName().Name}: the build embeds docs/schema/records.schema.json");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static IReadOnlyList<FieldSpec> Properties(JsonObject node) =>
        node["properties"] is JsonObject props ? [.. props.Select(p => Field(p.Key, p.Value))] : [];

    // A field's shape, read from the keywords the schema uses for it (the schema keeps to these
    // forms: a $ref to a definition, enum, const, type, properties, items).
    private static FieldSpec Field(string name, JsonNode? node)
    {
        if (node is not JsonObject o)
        {
            return new FieldSpec(name, FieldType.Raw);
        }

        if (o["$ref"]?.GetValue<string>() is { } reference)
        {
            var target = reference["#/$defs/".Length..];
            var definition = (JsonObject)Document["$defs"]![target]!;
            if (target == "name_or_false")
            {
                return new FieldSpec(name, FieldType.NameOrFalse);
            }

            if (definition["$ref"]?.GetValue<string>() == "#/$defs/quantity")
            {
                return new FieldSpec(name, FieldType.Quantity, Unit: definition["x-unit"]?.GetValue<string>());
            }

            return Field(name, definition);
        }

        if (o["enum"] is JsonArray words)
        {
            return new FieldSpec(name, FieldType.Choice, Choices: [.. words.Select(w => w!.GetValue<string>())]);
        }

        if (o["const"] is JsonValue)
        {
            return new FieldSpec(name, FieldType.Text);
        }

        return (o["type"] as JsonValue)?.GetValue<string>() switch
        {
            "string" => new FieldSpec(name, FieldType.Text),
            "boolean" => new FieldSpec(name, FieldType.Boolean),
            "array" => new FieldSpec(name, FieldType.List, Items: Field(name, o["items"])),
            "object" when o["properties"] is JsonObject => new FieldSpec(name, FieldType.Object, Fields: Properties(o)),
            "object" => new FieldSpec(name, FieldType.FreeTextMap),
            _ => new FieldSpec(name, FieldType.Raw),
        };
    }
}
