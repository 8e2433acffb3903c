using System.Text.Json.Nodes;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Registry;

/// <summary>
/// A reference must point at a record of the kind its role needs: an ink's dye component at a
/// dye, its polymer at a polymer, its solvent (and water) at a solvent, an "other" component at a
/// dye, polymer or solvent; never at an ink (itself included) or a medium. A dye's parent is a
/// dye other than itself. Otherwise the claim engine would read, say, a medium's fields as a dye's.
/// </summary>
public static class ReferenceKinds
{
    private static readonly IReadOnlyDictionary<string, RecordKind[]> ByRole = new Dictionary<string, RecordKind[]>(StringComparer.Ordinal)
    {
        ["dye"] = [RecordKind.Dye],
        ["polymer"] = [RecordKind.Polymer],
        ["solvent"] = [RecordKind.Solvent],
        ["water"] = [RecordKind.Solvent],
        ["other"] = [RecordKind.Dye, RecordKind.Polymer, RecordKind.Solvent],
    };

    private static readonly RecordKind[] AnyComponent = [RecordKind.Dye, RecordKind.Polymer, RecordKind.Solvent];

    /// <summary>The first wrong reference in <paramref name="document"/> (record <paramref name="id"/>), as
    /// "field: what", or null; <paramref name="kindOf"/> gives a registered record's kind.</summary>
    public static string? Problem(string id, JsonObject document, Func<string, RecordKind?> kindOf)
    {
        if (document["components"] is JsonArray components)
        {
            for (var i = 0; i < components.Count; i++)
            {
                if (components[i] is not JsonObject c || c["ref"] is not JsonValue r || !r.TryGetValue<string>(out var target))
                {
                    continue;
                }

                var role = c["role"] is JsonValue rv && rv.TryGetValue<string>(out var text) ? text : null;
                var allowed = role is not null && ByRole.TryGetValue(role, out var kinds) ? kinds : AnyComponent;
                if (target == id)
                {
                    return $"components[{i}].ref: the ink '{id}' lists itself as a component";
                }

                if (kindOf(target) is { } actual && !allowed.Contains(actual))
                {
                    return $"components[{i}].ref: '{target}' is {WithArticle(actual)}; {(role is null ? "a component" : $"the {role}")} of an ink must be {string.Join(" or ", allowed.Select(WithArticle))}";
                }
            }
        }

        if (document["parent"] is JsonValue p && p.TryGetValue<string>(out var parent))
        {
            if (parent == id)
            {
                return $"parent: the dye '{id}' names itself as its parent";
            }

            if (kindOf(parent) is { } actual && actual != RecordKind.Dye)
            {
                return $"parent: '{parent}' is {WithArticle(actual)}; a dye's parent is a dye";
            }
        }

        if (RegistryImporter.DistinctFrom(document) is { } distinct && (distinct == id || (kindOf(distinct) is { } distinctKind && distinctKind != RecordKind.Dye)))
        {
            return distinct == id ? $"distinct_from.dye: the dye '{id}' names itself" : $"distinct_from.dye: '{distinct}' is not a dye";
        }

        return null;
    }

    private static string WithArticle(RecordKind kind) => (kind == RecordKind.Ink ? "an " : "a ") + RecordSchema.KindText(kind);
}
