using System.Text.Json.Nodes;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Registry;

/// <summary>Deletion and export: what changes or reads the registry as a whole.</summary>
public sealed class RegistryEditor(IRegistryStore store)
{
    /// <summary>Deletes a record, refused while another record (an ink, a dye form) references it.</summary>
    public void Delete(string id)
    {
        if (store.Get(id) is null)
        {
            throw new RegistryException($"no record '{id}'");
        }

        var users = store.ReferencedBy(id);
        if (users.Count > 0)
        {
            throw new RegistryException($"'{id}' is referenced by {string.Join(", ", users)}: delete or change {(users.Count == 1 ? "it" : "them")} first");
        }

        using var tx = store.Begin();
        tx.Delete(id);
        tx.Commit();
    }

    /// <summary>Every record's document, referenced kinds first (dyes, solvents, polymers, media,
    /// inks), then by id: a file that imports again unchanged.</summary>
    public JsonArray Export(RecordKind? kind = null)
    {
        var order = new[] { RecordKind.Dye, RecordKind.Solvent, RecordKind.Polymer, RecordKind.Medium, RecordKind.Ink };
        var array = new JsonArray();
        foreach (var record in store.List(kind).OrderBy(r => Array.IndexOf(order, r.Kind)).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            array.Add(record.Document.DeepClone());
        }

        return array;
    }
}
