using System.Text.Json.Nodes;
using DyeRegistry.Storage.Records;
using Tx = Microsoft.Data.Sqlite.SqliteTransaction;

namespace DyeRegistry.Storage.Sqlite;

/// <summary>One SQLite transaction; everything written through it commits together.</summary>
internal sealed class SqliteRegistryTransaction(SqliteRegistryStore store, Tx tx) : IRegistryTransaction
{
    public StoredRecord? Get(string id) => store.Guard(() => store.GetRecord(id, tx));

    public string? DyeWithParentKey(string parentKey, string? exceptId) => store.Guard(() => store.Scalar(
        "SELECT id FROM dye_structures WHERE parent_key = $key AND id <> $except ORDER BY id LIMIT 1",
        tx, ("$key", parentKey), ("$except", exceptId ?? string.Empty)) as string);

    public int Put(string id, RecordKind kind, JsonObject document, IReadOnlyList<string> references, int? ifVersion = null) =>
        store.Guard(() => PutRecord(id, kind, document, references, ifVersion));

    private int PutRecord(string id, RecordKind kind, JsonObject document, IReadOnlyList<string> references, int? ifVersion)
    {
        var previous = store.GetRecord(id, tx);
        if (ifVersion is { } expected && previous?.Version != expected)
        {
            throw new VersionConflictException(id, expected, previous?.Version);
        }

        var version = (previous?.Version ?? 0) + 1;
        var now = SqliteRegistryStore.Now();
        var json = SqliteRegistryStore.Json(document);
        store.Execute(
            "INSERT INTO records(id, kind, version, document, updated_utc, document_sha256) VALUES ($id, $kind, $version, $doc, $now, $sha) " +
            "ON CONFLICT(id) DO UPDATE SET kind = $kind, version = $version, document = $doc, updated_utc = $now, document_sha256 = $sha",
            tx, ("$id", id), ("$kind", RecordSchema.KindText(kind)), ("$version", version), ("$doc", json), ("$now", now), ("$sha", SqliteRegistryStore.Checksum(json)));
        store.Execute("INSERT INTO record_history(id, version, change, previous_document, document, at_utc, changed_by) VALUES ($id, $version, $change, $prev, $doc, $now, $by)",
            tx, ("$id", id), ("$version", version), ("$change", previous is null ? "created" : "updated"),
            ("$prev", previous is null ? null : SqliteRegistryStore.Json(previous.Document)), ("$doc", json), ("$now", now), ("$by", RegistryActor.Current));
        store.Execute("DELETE FROM record_references WHERE from_id = $id", tx, ("$id", id));
        foreach (var to in references.Distinct())
        {
            store.Execute("INSERT INTO record_references(from_id, to_id) VALUES ($from, $to)", tx, ("$from", id), ("$to", to));
        }

        return version;
    }

    public void PutDye(DyeStructure dye) => store.Guard(() =>
    {
        store.Execute(
            "INSERT INTO dye_structures(id, parent_smiles, parent_key, removed_fragments, record_pickle, pattern_fp, morgan_fp, within, formula_stamp) " +
            "VALUES ($id, $smiles, $key, $removed, $pickle, $pattern, $morgan, $within, $stamp) " +
            "ON CONFLICT(id) DO UPDATE SET parent_smiles = $smiles, parent_key = $key, removed_fragments = $removed, record_pickle = $pickle, " +
            "pattern_fp = $pattern, morgan_fp = $morgan, within = $within, formula_stamp = $stamp",
            tx, ("$id", dye.Id), ("$smiles", dye.ParentSmiles), ("$key", dye.ParentKey), ("$removed", SqliteRegistryStore.Json(dye.RemovedFragments)),
            ("$pickle", dye.RecordPickle), ("$pattern", dye.PatternFingerprint), ("$morgan", dye.MorganFingerprint),
            ("$within", SqliteRegistryStore.Json(dye.Within)), ("$stamp", dye.FormulaStamp));
        WriteMembership(dye.Id, dye.Within);

        // The unique parent key decides between two writers of one parent; a form of the owner
        // (it references it) shares the key.
        store.Execute("DELETE FROM dye_parents WHERE id = $id AND parent_key <> $key", tx, ("$id", dye.Id), ("$key", dye.ParentKey));
        store.Execute("INSERT OR IGNORE INTO dye_parents(parent_key, id) VALUES ($key, $id)", tx, ("$key", dye.ParentKey), ("$id", dye.Id));
        var owner = (string)store.Scalar("SELECT id FROM dye_parents WHERE parent_key = $key", tx, ("$key", dye.ParentKey))!;
        if (owner != dye.Id && store.Scalar("SELECT 1 FROM record_references WHERE from_id = $id AND to_id = $owner", tx, ("$id", dye.Id), ("$owner", owner)) is null)
        {
            throw new DuplicateParentException(dye.Id, owner, dye.ParentKey);
        }
    });

    public void PutComputed(string id, IReadOnlyList<ComputedQuantity> quantities) => store.Guard(() =>
    {
        store.Execute("DELETE FROM computed_quantities WHERE id = $id", tx, ("$id", id));
        foreach (var q in quantities)
        {
            store.Execute("INSERT INTO computed_quantities(id, field, value, unit, method, source, low, high, stamp) VALUES ($id, $field, $value, $unit, $method, $source, $low, $high, $stamp)",
                tx, ("$id", id), ("$field", q.Field), ("$value", q.Value), ("$unit", q.Unit), ("$method", q.Method),
                ("$source", q.Source), ("$low", q.Low), ("$high", q.High), ("$stamp", q.Stamp));
        }
    });

    // BEGIN IMMEDIATE holds the write lock from the start, so the condition stays true until commit;
    // the membership rows follow the dye's row when it was written.
    public void UpdateWithin(string id, IReadOnlyList<string> within, string formulaStamp, byte[]? computedFrom = null) => store.Guard(() =>
    {
        var changed = store.Execute("UPDATE dye_structures SET within = $within, formula_stamp = $stamp WHERE id = $id" +
            (computedFrom is null ? string.Empty : " AND formula_stamp IS NOT $stamp AND record_pickle = $pickle"),
            tx, ("$id", id), ("$within", SqliteRegistryStore.Json(within)), ("$stamp", formulaStamp), ("$pickle", computedFrom));
        if (changed > 0)
        {
            WriteMembership(id, within);
        }
    });

    // The membership table mirrors the dye's stored list (a formula search reads it by index).
    private void WriteMembership(string id, IReadOnlyList<string> within)
    {
        store.Execute("DELETE FROM dye_formulas WHERE id = $id", tx, ("$id", id));
        foreach (var formula in within.Distinct(StringComparer.Ordinal))
        {
            store.Execute("INSERT INTO dye_formulas(id, formula) VALUES ($id, $f)", tx, ("$id", id), ("$f", formula));
        }
    }

    public void Delete(string id) => store.Guard(() =>
    {
        var previous = store.GetRecord(id, tx) ?? throw new RegistryException($"no record '{id}'");
        store.Execute("DELETE FROM records WHERE id = $id", tx, ("$id", id));
        store.Execute("INSERT INTO record_history(id, version, change, previous_document, document, at_utc, changed_by) VALUES ($id, $version, 'deleted', $prev, NULL, $now, $by)",
            tx, ("$id", id), ("$version", previous.Version), ("$prev", SqliteRegistryStore.Json(previous.Document)), ("$now", SqliteRegistryStore.Now()), ("$by", RegistryActor.Current));
    });

    public void Restore(StoredRecord record, IReadOnlyList<string> references) => store.Guard(() =>
    {
        var json = SqliteRegistryStore.Json(record.Document);
        store.Execute("INSERT INTO records(id, kind, version, document, updated_utc, document_sha256) VALUES ($id, $kind, $version, $doc, $at, $sha)",
            tx, ("$id", record.Id), ("$kind", RecordSchema.KindText(record.Kind)), ("$version", record.Version), ("$doc", json),
            ("$at", SqliteRegistryStore.Time(record.UpdatedUtc)), ("$sha", SqliteRegistryStore.Checksum(json)));
        foreach (var to in references.Distinct())
        {
            store.Execute("INSERT INTO record_references(from_id, to_id) VALUES ($from, $to)", tx, ("$from", record.Id), ("$to", to));
        }
    });

    public void RestoreHistory(RecordChange change) => store.Guard(() => store.Execute(
        "INSERT INTO record_history(id, version, change, previous_document, document, at_utc, changed_by) VALUES ($id, $version, $change, $prev, $doc, $at, $by)",
        tx, ("$id", change.Id), ("$version", change.Version), ("$change", change.Change), ("$prev", change.PreviousDocument), ("$doc", change.Document),
        ("$at", SqliteRegistryStore.Time(change.AtUtc)), ("$by", change.ChangedBy)));

    public void AddAudit(DyeRegistry.Storage.Accounts.AuditEntry entry) => store.Guard(() => store.Execute(
        "INSERT INTO audit(record_id, version, change, user_name, request_id, at, reason) VALUES ($i, $v, $c, $u, $q, $a, $r)",
        tx, ("$i", entry.RecordId), ("$v", entry.Version), ("$c", entry.Change), ("$u", entry.User), ("$q", entry.RequestId),
        ("$a", SqliteAccountStore.Time(entry.AtUtc)), ("$r", entry.Reason)));

    public void Commit() => store.Guard(tx.Commit);

    // After some failures (a full disk) SQLite has rolled the transaction back itself; rolling
    // back again fails with "no transaction is active", which must not hide the first error.
    public void Dispose()
    {
        try
        {
            tx.Dispose();
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // already rolled back by SQLite: nothing of it was stored
        }
    }
}
