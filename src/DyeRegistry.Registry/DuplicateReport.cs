using System.Text.Json.Nodes;
using DyeRegistry.Chemistry;
using DyeRegistry.Storage;

namespace DyeRegistry.Registry;

/// <summary>
/// The words of a duplicate: both records side by side (id, name, the structure as drawn), the
/// standardized parent they share, what the new one's standardization set aside, and which fields
/// differ, so the chemist can tell a salt form from a re-registration without opening either.
/// </summary>
public static class DuplicateReport
{
    public static string Describe(string id, JsonObject document, DyeStructure? dye, string otherId, StoredRecord? other)
    {
        ArgumentNullException.ThrowIfNull(document);
        var otherDocument = other?.Document ?? [];
        var differs = document.Select(kv => kv.Key).Union(otherDocument.Select(kv => kv.Key))
            .Where(k => k is not "id" and not "parent" and not "smiles" and not "molfile" && !JsonNode.DeepEquals(document[k], otherDocument[k]))
            .ToList();
        var setAside = dye is null || dye.RemovedFragments.Count == 0 ? "nothing" : string.Join(", ", dye.RemovedFragments.GroupBy(f => f, StringComparer.Ordinal).Select(g => $"{g.Count()} × {g.Key}"));
        return $"duplicate of {otherId}: same standardized parent {dye?.ParentSmiles}; " +
            $"this record {Side(id, document)} (set aside: {setAside}) | registered {Side(otherId, otherDocument)}; " +
            (differs.Count == 0 ? "no other field differs" : $"they differ in: {string.Join(", ", differs)}") +
            $" (register it as a form of {otherId} with --as-form)";
    }

    private static string SmilesOf(Molecule mol)
    {
        using (mol)
        {
            return mol.ToSmiles();
        }
    }

    private static string Side(string id, JsonObject document)
    {
        var name = document["name"] is JsonValue n && n.TryGetValue<string>(out var text) ? $" '{text}'" : string.Empty;
        var drawn = document["smiles"] is JsonValue s && s.TryGetValue<string>(out var smiles) ? smiles
            : document["molfile"] is JsonValue m && m.TryGetValue<string>(out var molfile) && Molecule.ParseMolBlock(molfile) is { Success: true } parsed ? SmilesOf(parsed.Value)
            : "?";
        return $"{id}{name} drawn {drawn}";
    }
}
