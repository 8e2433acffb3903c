using System.Text.Json.Nodes;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Storage;

/// <summary>
/// The registry's storage, as the domain sees it: records with versions and history, dye
/// structures, and the queries searches need. Implementations: DyeRegistry.Storage.Sqlite (one
/// file, embedded) and DyeRegistry.Storage.Postgres (a shared server with the RDKit cartridge).
/// </summary>
/// <remarks>Every change goes through a <see cref="IRegistryTransaction"/>: all of it is written, or none.</remarks>
public interface IRegistryStore : IDisposable
{
    /// <summary>Where the store lives (a file path, a connection description).</summary>
    string Location { get; }

    /// <summary>The schema version after migrations.</summary>
    int SchemaVersion { get; }

    StoredRecord? Get(string id);

    /// <summary>The records with these ids that exist, in one read where the store can (a search
    /// reads its hits' records a batch at a time instead of one query per hit); in no given order,
    /// each at most once.</summary>
    IReadOnlyList<StoredRecord> GetMany(IReadOnlyCollection<string> ids) =>
        ids.Distinct(StringComparer.Ordinal).Select(Get).OfType<StoredRecord>().ToList();

    /// <summary>Every record (of one kind) in id order, all in memory: for the few inks and media a
    /// chart needs; a walk over the whole registry uses <see cref="Records"/>.</summary>
    IReadOnlyList<StoredRecord> List(RecordKind? kind = null);

    /// <summary>Every record (of one kind), streamed in id order: one record in memory at a time,
    /// whatever the registry size. Stop early by disposing the enumerator (Take, Any, break).</summary>
    IEnumerable<StoredRecord> Records(RecordKind? kind = null) => List(kind);

    /// <summary>How many history entries the registry holds (deleted records' too): a change counter.</summary>
    long HistoryCount() => AllHistory().LongCount();

    IReadOnlyList<RecordChange> History(string id);

    /// <summary>Every history entry of every record (deleted ones too), in the order written, streamed.</summary>
    IEnumerable<RecordChange> AllHistory();

    /// <summary>Ids of the records whose documents reference <paramref name="id"/> (ink components).</summary>
    IReadOnlyList<string> ReferencedBy(string id);

    /// <summary>The dye already registered with this parent key, or null.</summary>
    string? DyeWithParentKey(string parentKey);

    DyeStructure? GetDye(string id);

    /// <summary>The dye structures with these ids that exist, in one read where the store can; in
    /// no given order, each at most once.</summary>
    IReadOnlyList<DyeStructure> GetDyes(IReadOnlyCollection<string> ids) =>
        ids.Distinct(StringComparer.Ordinal).Select(GetDye).OfType<DyeStructure>().ToList();

    /// <summary>Values computed for the record at import (empty when none).</summary>
    IReadOnlyList<ComputedQuantity> Computed(string id);

    /// <summary>Every dye structure, streamed in id order.</summary>
    IEnumerable<DyeStructure> Dyes();

    // The search queries: each returns, in id order, a superset of the dyes that answer (the
    // caller decides each with the bridge), so every store gives the same results; a store that
    // can narrow them in the database does (PostgreSQL: the RDKit cartridge's indexes).

    /// <summary>Dyes that may contain the SMARTS pattern (default: every dye).</summary>
    IEnumerable<DyeStructure> SubstructureCandidates(string smarts) => Dyes();

    /// <summary>As <see cref="SubstructureCandidates(string)"/>, narrowed where the store can to the
    /// dyes whose stored pattern fingerprint holds every bit of <paramref name="patternScreen"/>
    /// (the query's pattern fingerprint, RDKit's substructure screen: a dye without one of its
    /// bits cannot contain the query). The search still decides every dye it gets. A screen with no
    /// bit set is no screen: the bridge gives one for a query whose fingerprint RDKit gets wrong
    /// (a store must not narrow that query by any index built on the same fingerprint).</summary>
    IEnumerable<DyeStructure> SubstructureCandidates(string smarts, byte[] patternScreen) => SubstructureCandidates(smarts);

    /// <summary>Dyes whose stored Morgan fingerprint may reach <paramref name="minimum"/> Tanimoto
    /// similarity to <paramref name="morganFingerprint"/> (default: every dye).</summary>
    IEnumerable<DyeStructure> SimilarityCandidates(byte[] morganFingerprint, double minimum) => Dyes();

    /// <summary>The id and stored Morgan fingerprint of each of <see cref="SimilarityCandidates"/>,
    /// in id order: all a similarity search's ranking reads (a store reads only these columns).</summary>
    IEnumerable<(string Id, byte[] MorganFingerprint)> SimilarityFingerprints(byte[] morganFingerprint, double minimum) =>
        SimilarityCandidates(morganFingerprint, minimum).Select(d => (d.Id, d.MorganFingerprint));

    /// <summary>Dyes whose stored membership names <paramref name="formulaId"/> (within or
    /// undetermined), and every dye whose membership was computed with formula files other than
    /// <paramref name="stamp"/> (default: every dye).</summary>
    IEnumerable<DyeStructure> FormulaCandidates(string formulaId, string stamp) => Dyes();

    /// <summary>At most <paramref name="limit"/> dyes whose membership was computed with formula
    /// files other than <paramref name="stamp"/>, with ids after <paramref name="afterId"/> (null:
    /// from the first), in id order, read whole before they are returned (the store is free for a
    /// write meanwhile): a formula search recomputes them a page at a time.</summary>
    IReadOnlyList<DyeStructure> StaleFormulaDyes(string stamp, string? afterId, int limit) =>
        Dyes().Where(d => d.FormulaStamp != stamp && (afterId is null || string.CompareOrdinal(d.Id, afterId) > 0)).Take(limit).ToList();

    /// <summary>Dyes whose stored parent key is <paramref name="parentKey"/> (an exact search), in id order.</summary>
    IEnumerable<DyeStructure> ExactCandidates(string parentKey) => Dyes().Where(d => d.ParentKey == parentKey);

    /// <summary>Records of <paramref name="kind"/> whose id or document may contain
    /// <paramref name="text"/>, ignoring case (the search page's text search decides each
    /// field; default: every record of the kind).</summary>
    IEnumerable<StoredRecord> TextCandidates(RecordKind kind, string text) => List(kind);

    IRegistryTransaction Begin();

    /// <summary>Passes the store's own consistency check (SQLite: PRAGMA integrity_check): "ok" or the problems.</summary>
    string IntegrityCheck();

    /// <summary>Every stored record, each read on its own: a record whose stored form is damaged
    /// (checksum, JSON) comes with its problem instead of stopping the scan. Streamed in id order.</summary>
    IEnumerable<RecordScan> Scan();

    /// <summary>As <see cref="Scan()"/>, the records stored as <paramref name="kind"/> only (a damaged
    /// one too: its kind is stored beside its document).</summary>
    IEnumerable<RecordScan> Scan(RecordKind kind) => Scan().Where(s => s.Record is null || s.Record.Kind == kind);
}

/// <summary>A unit of work on the store: changes become visible together on <see cref="Commit"/>,
/// and are discarded if it is disposed without committing.</summary>
public interface IRegistryTransaction : IDisposable
{
    /// <summary>Reads through the transaction (sees its own uncommitted changes).</summary>
    StoredRecord? Get(string id);

    /// <summary>The dye registered with this parent key, other than <paramref name="exceptId"/>, seen through the transaction.</summary>
    string? DyeWithParentKey(string parentKey, string? exceptId);

    /// <summary>Creates or replaces a record; returns its new version. History records the previous
    /// document and who changed it. With <paramref name="ifVersion"/> the stored record must be at
    /// that version when it is written, else <see cref="VersionConflictException"/> (nothing written).</summary>
    int Put(string id, RecordKind kind, JsonObject document, IReadOnlyList<string> references, int? ifVersion = null);

    /// <summary>Stores a dye's structure. Its parent key is unique among dyes that are not forms of
    /// another: when another writer registered it first, <see cref="DuplicateParentException"/>.</summary>
    void PutDye(DyeStructure dye);

    /// <summary>Replaces the computed values of a record.</summary>
    void PutComputed(string id, IReadOnlyList<ComputedQuantity> quantities);

    /// <summary>Replaces the formula membership of a dye (after the formula files changed). With
    /// <paramref name="computedFrom"/> (the record pickle the membership was computed from) only
    /// while the dye is still stored with that structure and with formula files other than
    /// <paramref name="formulaStamp"/>: a writer that registered the dye again meanwhile keeps
    /// what it wrote.</summary>
    void UpdateWithin(string id, IReadOnlyList<string> within, string formulaStamp, byte[]? computedFrom = null);

    void Delete(string id);

    /// <summary>Writes a record exactly as another store holds it (version, time, document) with
    /// no history entry: copying a registry (<c>dyereg migrate</c>), with <see cref="RestoreHistory"/>.</summary>
    void Restore(StoredRecord record, IReadOnlyList<string> references);

    /// <summary>Writes one history entry exactly as another store holds it.</summary>
    void RestoreHistory(RecordChange change);

    /// <summary>Records who made a change through the service (<see cref="Accounts.IAccountStore.Audit"/>
    /// reads it), in this transaction: the audit entry and the change are stored together, or
    /// neither is.</summary>
    void AddAudit(Accounts.AuditEntry entry) => throw new NotSupportedException("this store keeps no audit");

    void Commit();
}

/// <summary>One stored record as a scan found it: the record, or why it could not be read.</summary>
public sealed record RecordScan(string Id, StoredRecord? Record, string? Problem);
