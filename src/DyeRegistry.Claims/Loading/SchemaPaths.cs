using DyeRegistry.Claims.Model;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Claims.Loading;

/// <summary>
/// Checks a claim file's field paths against the record schema (records.md), so a misspelt
/// field fails when the claims are loaded, not silently as "unknown" in every chart.
/// </summary>
internal static class SchemaPaths
{
    /// <summary>The collections quantifiers may range over, beyond medium.layers[...].</summary>
    public static readonly IReadOnlyList<string> InkCollections = ["ink.dyes", "ink.polymers", "ink.solvents"];

    /// <summary>The field the path names, or an error. A root-only path (<c>ink</c>) names the record.</summary>
    public static (FieldSpec? Field, string? Error) Resolve(FieldPath path)
    {
        IReadOnlyList<FieldSpec> fields = path.Root switch
        {
            "medium" => RecordSchema.Fields[RecordKind.Medium],
            "ink" => RecordSchema.Fields[RecordKind.Ink],
            "dye" => RecordSchema.Fields[RecordKind.Dye],
            "solvent" => RecordSchema.Fields[RecordKind.Solvent],
            "polymer" => RecordSchema.Fields[RecordKind.Polymer],
            _ => RecordSchema.Fields[RecordKind.Medium].First(f => f.Name == "layers").Items!.Fields!,
        };
        FieldSpec? current = null;
        foreach (var step in path.Steps)
        {
            var next = fields.FirstOrDefault(f => f.Name == step.Name);
            if (next is null)
            {
                return (null, $"no field '{step.Name}' in {(current?.Name ?? path.Root)} records (known: {string.Join(", ", fields.Select(f => f.Name))})");
            }

            if (step.Positions.Count > 0 && next.Type != FieldType.List)
            {
                return (null, $"'{step}': only a list (layers) can be selected by position");
            }

            current = next;
            fields = next.Type switch
            {
                FieldType.Object => next.Fields!,
                FieldType.List => next.Items?.Fields ?? [],
                _ => [],
            };
        }

        return (current, null);
    }
}
