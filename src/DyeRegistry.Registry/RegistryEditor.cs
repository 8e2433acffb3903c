using System.Text.Json.Nodes;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Registry;

/// <summary>Deletion and export: what changes or reads the registry as a whole.</summary>
public sealed class RegistryEditor(IRegistryStore store)
{
    /// <summary>Deletes a record, refused while another record (an ink, a dye form) references it;
    /// with <paramref name="audit"/>, its audit entry is written in the deletion's transaction.
    /// With <paramref name="ifVersion"/> the record must be at that version inside the deletion's
    /// transaction, else <see cref="VersionConflictException"/> (nothing deleted).</summary>
    public void Delete(string id, ChangeAudit? audit = null, int? ifVersion = null)
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
        var version = tx.Get(id)?.Version ?? throw new RegistryException($"no record '{id}'");
        if (ifVersion is { } expected && version != expected)
        {
            throw new VersionConflictException(id, expected, version);
        }

        tx.Delete(id);
        if (audit is not null)
        {
            tx.AddAudit(new Storage.Accounts.AuditEntry(0, id, version, "deleted", audit.User, audit.RequestId, DateTimeOffset.UtcNow, audit.Reason));
        }

        tx.Commit();
    }

    /// <summary>Every record's document, referenced kinds first (dyes, solvents, polymers, media,
    /// inks), then by id: a file that imports again unchanged.</summary>
    public JsonArray Export(RecordKind? kind = null) => Export(kind, out _);

    /// <summary>As <see cref="Export(RecordKind?)"/>; a record whose stored form is damaged is left
    /// out and named in <paramref name="damaged"/> (the rest can still be rescued).</summary>
    public JsonArray Export(RecordKind? kind, out IReadOnlyList<RecordScan> damaged)
    {
        var problems = new List<RecordScan>();
        var array = new JsonArray();
        foreach (var scan in ExportOrder(kind))
        {
            if (scan.Record is null)
            {
                problems.Add(scan);
            }
            else
            {
                array.Add(scan.Record.Document.DeepClone());
            }
        }

        damaged = problems;
        return array;
    }

    /// <summary>Every record in export order (referenced kinds first, then by id), streamed: one
    /// record in memory at a time, whatever the registry size. A damaged record comes with its
    /// problem, where it would have been.</summary>
    public IEnumerable<RecordScan> ExportOrder(RecordKind? kind = null)
    {
        var order = new[] { RecordKind.Dye, RecordKind.Solvent, RecordKind.Polymer, RecordKind.Medium, RecordKind.Ink };
        return order.Where(k => kind is null || k == kind).SelectMany(k => store.Scan(k));
    }
}
