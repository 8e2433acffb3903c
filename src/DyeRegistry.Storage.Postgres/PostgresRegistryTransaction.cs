using System.Text.Json.Nodes;
using DyeRegistry.Storage.Records;
using Npgsql;

namespace DyeRegistry.Storage.Postgres;

/// <summary>
/// One PostgreSQL transaction (read committed) on a connection of its own. A record written is
/// locked first (<c>FOR UPDATE</c>), so its new version follows the one it replaces even with other
/// writers; creating an id or a parent key another writer created meanwhile is refused with a
/// <see cref="ConcurrentWriteException"/> (the caller applies it again and sees theirs).
/// </summary>
internal sealed class PostgresRegistryTransaction(PostgresRegistryStore store, NpgsqlConnection connection, NpgsqlTransaction tx) : IRegistryTransaction
{
    // The version of each record this transaction read (0: absent). Read committed lets another
    // writer commit between a read and the write that relies on it; the write checks it still holds.
    private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);

    // Records this transaction created: they have no references or computed values to clear
    // (deleting a record cascades to both).
    private readonly HashSet<string> created = new(StringComparer.Ordinal);

    // Dyes whose structure this transaction wrote (a second write of one clears what the first wrote).
    private readonly HashSet<string> dyesWritten = new(StringComparer.Ordinal);

    private readonly PendingWrites pending = new(connection, tx);

    public StoredRecord? Get(string id) => store.Guard(() =>
    {
        pending.Flush();
        var record = store.GetRecord(connection, tx, id, forUpdate: false);
        seen.TryAdd(id, record?.Version ?? 0);
        return record;
    });

    public string? DyeWithParentKey(string parentKey, string? exceptId) => store.Guard(() =>
    {
        pending.Flush();
        return PostgresRegistryStore.Scalar(connection, tx,
            "SELECT id FROM dye_structures WHERE parent_key = @key AND id <> @except ORDER BY id LIMIT 1",
            ("key", parentKey), ("except", exceptId ?? string.Empty)) as string;
    });

    public int Put(string id, RecordKind kind, JsonObject document, IReadOnlyList<string> references, int? ifVersion = null) => store.Guard(() =>
    {
        // A record this transaction read as absent is not read again: its insert finds the id
        // taken if another writer created it meanwhile (ON CONFLICT below), as the read would.
        var readAbsent = ifVersion is null && seen.TryGetValue(id, out var wasRead) && wasRead == 0 && !created.Contains(id);
        if (!readAbsent)
        {
            pending.Flush();
        }

        var previous = readAbsent ? null : store.GetRecord(connection, tx, id, forUpdate: true);
        if (ifVersion is { } expected && previous?.Version != expected)
        {
            throw new VersionConflictException(id, expected, previous?.Version);
        }

        if (seen.TryGetValue(id, out var read) && read != (previous?.Version ?? 0))
        {
            throw new ConcurrentWriteException($"record {RecordIds.Printable(id)}: another writer changed it after this one read it; nothing of this change was written");
        }

        var version = (previous?.Version ?? 0) + 1;
        var now = PostgresRegistryStore.Now();
        var json = PostgresRegistryStore.Json(document);
        (string, object?)[] values = [("id", id), ("kind", RecordSchema.KindText(kind)), ("version", version), ("doc", json), ("now", now), ("sha", PostgresRegistryStore.Checksum(json))];
        if (previous is null)
        {
            // Another writer creating the same id waits here for ours, then finds it taken.
            created.Add(id);
            pending.Add(
                "INSERT INTO records(id, kind, version, document, updated_utc, document_sha256) VALUES (@id, @kind, @version, @doc, @now, @sha) ON CONFLICT (id) DO NOTHING",
                rows =>
                {
                    if (rows == 0)
                    {
                        throw new ConcurrentWriteException($"record {RecordIds.Printable(id)}: another writer created it at the same time; nothing of this change was written");
                    }
                },
                values);
        }
        else
        {
            pending.Add("UPDATE records SET kind = @kind, version = @version, document = @doc, updated_utc = @now, document_sha256 = @sha WHERE id = @id", values);
            pending.Add("DELETE FROM record_references WHERE from_id = @id", ("id", id));
        }

        pending.Add(
            "INSERT INTO record_history(id, version, change, previous_document, document, at_utc, changed_by) VALUES (@id, @version, @change, @prev, @doc, @now, @by)",
            ("id", id), ("version", version), ("change", previous is null ? "created" : "updated"),
            ("prev", previous is null ? null : PostgresRegistryStore.Json(previous.Document)), ("doc", json), ("now", now), ("by", RegistryActor.Current));
        AddReferences(id, references);
        return version;
    });

    private void AddReferences(string id, IReadOnlyList<string> references)
    {
        if (references.Count > 0)
        {
            pending.Add("INSERT INTO record_references(from_id, to_id) SELECT @from, t FROM unnest(@to) AS t",
                ("from", id), ("to", references.Distinct().ToArray()));
        }
    }

    // The cartridge's molecule of a dye: its standardized parent. From the parent's pickle when the
    // caller has it (registration read the parent back from its SMILES already): the same molecule
    // as parsing the SMILES here, without the server parsing it again. A caller without it (a registry
    // copied from a store, which keeps no parent pickle) gets the server's parse of the SMILES.
    private const string MolFromPickle = "mol_from_pkl(@parent)";
    private const string MolFromSmiles = "mol_from_smiles(@smiles::cstring)";

    private static (string, object?)[] ParentParameter(DyeStructure dye) => dye.ParentPickle is { } parent ? [("parent", parent)] : [];

    public void PutDye(DyeStructure dye) => store.Guard(() =>
    {
        var mol = dye.ParentPickle is null ? MolFromSmiles : MolFromPickle;
        pending.Add(
            "INSERT INTO dye_structures(id, parent_smiles, parent_key, removed_fragments, record_pickle, pattern_fp, morgan_fp, within, formula_stamp, mol, morgan_bfp) " +
            $"VALUES (@id, @smiles, @key, @removed, @pickle, @pattern, @morgan, @within, @stamp, {mol}, bfp_from_binary_text(@morgan)) " +
            "ON CONFLICT (id) DO UPDATE SET parent_smiles = @smiles, parent_key = @key, removed_fragments = @removed, record_pickle = @pickle, " +
            $"pattern_fp = @pattern, morgan_fp = @morgan, within = @within, formula_stamp = @stamp, mol = {mol}, morgan_bfp = bfp_from_binary_text(@morgan)",
            [("id", dye.Id), ("smiles", dye.ParentSmiles), ("key", dye.ParentKey), ("removed", PostgresRegistryStore.Json(dye.RemovedFragments)),
            ("pickle", dye.RecordPickle), ("pattern", dye.PatternFingerprint), ("morgan", dye.MorganFingerprint),
            ("within", PostgresRegistryStore.Json(dye.Within)), ("stamp", dye.FormulaStamp), .. ParentParameter(dye)]);
        // A dye first written by this transaction, as a record it created, has no membership or
        // parent key rows to clear.
        var fresh = created.Contains(dye.Id) && dyesWritten.Add(dye.Id);
        WriteMembership(dye.Id, dye.Within, clear: !fresh);

        // The unique parent key decides between two writers of one parent: the second waits for
        // the first here, then finds the key taken. A form of the owner (it references it) shares it.
        if (!fresh)
        {
            pending.Add("DELETE FROM dye_parents WHERE id = @id AND parent_key <> @key", ("id", dye.Id), ("key", dye.ParentKey));
        }

        pending.Add("INSERT INTO dye_parents(parent_key, id) VALUES (@key, @id) ON CONFLICT (parent_key) DO NOTHING", ("key", dye.ParentKey), ("id", dye.Id));
        pending.AddQuery(
            "SELECT p.id, EXISTS (SELECT 1 FROM record_references r WHERE r.from_id = @id AND r.to_id = p.id) FROM dye_parents p WHERE p.parent_key = @key",
            rows =>
            {
                if (rows.Count == 0)
                {
                    throw new ConcurrentWriteException($"dye {dye.Id}: the dye registered with the same parent was deleted at the same time; nothing of this change was written");
                }

                if (rows[0][0] is string owner && owner != dye.Id && rows[0][1] is not true)
                {
                    throw new DuplicateParentException(dye.Id, owner, dye.ParentKey);
                }
            },
            ("id", dye.Id), ("key", dye.ParentKey));

        // Decided now, as the contract says (a duplicate is refused at PutDye, not at Commit).
        pending.Flush();
    });

    public void PutComputed(string id, IReadOnlyList<ComputedQuantity> quantities) => store.Guard(() =>
    {
        if (!created.Contains(id))
        {
            pending.Add("DELETE FROM computed_quantities WHERE id = @id", ("id", id));
        }

        if (quantities.Count > 0)
        {
            pending.Add(
                "INSERT INTO computed_quantities(id, field, value, unit, method, source, low, high, stamp) " +
                "SELECT @id, f, v, u, m, s, l, h, st FROM unnest(@fields, @values, @units, @methods, @sources, @lows, @highs, @stamps) AS q(f, v, u, m, s, l, h, st)",
                ("id", id), ("fields", quantities.Select(q => q.Field).ToArray()), ("values", quantities.Select(q => q.Value).ToArray()),
                ("units", quantities.Select(q => q.Unit).ToArray()), ("methods", quantities.Select(q => q.Method).ToArray()),
                ("sources", quantities.Select(q => q.Source).ToArray()), ("lows", quantities.Select(q => q.Low).ToArray()),
                ("highs", quantities.Select(q => q.High).ToArray()), ("stamps", quantities.Select(q => q.Stamp).ToArray()));
        }
    });

    public void UpdateWithin(string id, IReadOnlyList<string> within, string formulaStamp, byte[]? computedFrom = null) => store.Guard(() =>
    {
        if (computedFrom is null)
        {
            pending.Add("UPDATE dye_structures SET within = @within, formula_stamp = @stamp WHERE id = @id",
                ("id", id), ("within", PostgresRegistryStore.Json(within)), ("stamp", formulaStamp));
            WriteMembership(id, within);
            return;
        }

        // The dye's row locked first (as a writer registering it locks it by its upsert), so the
        // condition read next stays true until commit; the membership rows follow the same
        // condition, and the dye's row (whose stamp the condition reads) is written last.
        pending.AddQuery("SELECT 1 FROM dye_structures WHERE id = @id FOR UPDATE", _ => { }, ("id", id));
        const string Still = "EXISTS (SELECT 1 FROM dye_structures WHERE id = @id AND formula_stamp <> @stamp AND record_pickle = @pickle)";
        pending.Add($"DELETE FROM dye_formulas WHERE id = @id AND {Still}", ("id", id), ("stamp", formulaStamp), ("pickle", computedFrom));
        if (within.Count > 0)
        {
            pending.Add($"INSERT INTO dye_formulas(id, formula) SELECT @id, f FROM unnest(@within) AS f WHERE {Still} ON CONFLICT DO NOTHING",
                ("id", id), ("within", within.Distinct().ToArray()), ("stamp", formulaStamp), ("pickle", computedFrom));
        }

        pending.Add("UPDATE dye_structures SET within = @within, formula_stamp = @stamp WHERE id = @id AND formula_stamp <> @stamp AND record_pickle = @pickle",
            ("id", id), ("within", PostgresRegistryStore.Json(within)), ("stamp", formulaStamp), ("pickle", computedFrom));
    });

    private void WriteMembership(string id, IReadOnlyList<string> within, bool clear = true)
    {
        if (clear)
        {
            pending.Add("DELETE FROM dye_formulas WHERE id = @id", ("id", id));
        }

        if (within.Count > 0)
        {
            pending.Add("INSERT INTO dye_formulas(id, formula) SELECT @id, f FROM unnest(@within) AS f ON CONFLICT DO NOTHING",
                ("id", id), ("within", within.Distinct().ToArray()));
        }
    }

    public void Delete(string id) => store.Guard(() =>
    {
        pending.Flush();
        var previous = store.GetRecord(connection, tx, id, forUpdate: true) ?? throw new RegistryException($"no record '{id}'");
        if (seen.TryGetValue(id, out var read) && read != previous.Version)
        {
            throw new ConcurrentWriteException($"record {RecordIds.Printable(id)}: another writer changed it after this one read it; nothing was deleted");
        }

        created.Remove(id);
        dyesWritten.Remove(id);
        pending.Add("DELETE FROM records WHERE id = @id", ("id", id));
        pending.Add(
            "INSERT INTO record_history(id, version, change, previous_document, document, at_utc, changed_by) VALUES (@id, @version, 'deleted', @prev, NULL, @now, @by)",
            ("id", id), ("version", previous.Version), ("prev", PostgresRegistryStore.Json(previous.Document)), ("now", PostgresRegistryStore.Now()), ("by", RegistryActor.Current));
    });

    public void Restore(StoredRecord record, IReadOnlyList<string> references) => store.Guard(() =>
    {
        var json = PostgresRegistryStore.Json(record.Document);
        pending.Add(
            "INSERT INTO records(id, kind, version, document, updated_utc, document_sha256) VALUES (@id, @kind, @version, @doc, @at, @sha)",
            ("id", record.Id), ("kind", RecordSchema.KindText(record.Kind)), ("version", record.Version), ("doc", json),
            ("at", record.UpdatedUtc.ToUniversalTime()), ("sha", PostgresRegistryStore.Checksum(json)));
        AddReferences(record.Id, references);
    });

    public void RestoreHistory(RecordChange change) => store.Guard(() => pending.Add(
        "INSERT INTO record_history(id, version, change, previous_document, document, at_utc, changed_by) VALUES (@id, @version, @change, @prev, @doc, @at, @by)",
        ("id", change.Id), ("version", change.Version), ("change", change.Change), ("prev", change.PreviousDocument), ("doc", change.Document),
        ("at", change.AtUtc.ToUniversalTime()), ("by", change.ChangedBy)));

    public void AddAudit(DyeRegistry.Storage.Accounts.AuditEntry entry) => store.Guard(() => pending.Add(
        "INSERT INTO audit(record_id, version, change, user_name, request_id, at, reason) VALUES (@i, @v, @c, @u, @q, @a, @r)",
        ("i", entry.RecordId), ("v", entry.Version), ("c", entry.Change), ("u", entry.User), ("q", entry.RequestId),
        ("a", PostgresAccountStore.Time(entry.AtUtc)), ("r", entry.Reason)));

    public void Commit() => store.Guard(() =>
    {
        pending.Flush();
        tx.Commit();
    });

    public void Dispose()
    {
        try
        {
            tx.Dispose();
        }
        catch (NpgsqlException)
        {
            // the connection broke: the server rolled the transaction back
        }
        finally
        {
            connection.Dispose();
        }
    }
}
