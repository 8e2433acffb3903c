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
    public JsonArray Export(RecordKind? kind = null) => Export(kind, out _);

    /// <summary>As <see cref="Export(RecordKind?)"/>; a record whose stored form is damaged is left
    /// out and named in <paramref name="damaged"/> (the rest can still be rescued).</summary>
    public JsonArray Export(RecordKind? kind, out IReadOnlyList<RecordScan> damaged)
    {
        var order = new[] { RecordKind.Dye, RecordKind.Solvent, RecordKind.Polymer, RecordKind.Medium, RecordKind.Ink };
        var scans = store.Scan().ToList();
        damaged = scans.Where(s => s.Record is null).ToList();
        var array = new JsonArray();
        foreach (var record in scans.Select(s => s.Record).OfType<StoredRecord>().Where(r => kind is null || r.Kind == kind)
            .OrderBy(r => Array.IndexOf(order, r.Kind)).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            array.Add(record.Document.DeepClone());
        }

        return array;
    }
}
