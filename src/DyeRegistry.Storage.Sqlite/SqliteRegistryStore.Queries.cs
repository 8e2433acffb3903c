using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DyeRegistry.Storage.Records;
using Microsoft.Data.Sqlite;

namespace DyeRegistry.Storage.Sqlite;

public sealed partial class SqliteRegistryStore
{
    private const string RecordSelect = "SELECT id, kind, version, document, updated_utc, document_sha256 FROM records";

    public StoredRecord? Get(string id) => Guard(() => GetRecord(id, null));

    public IReadOnlyList<StoredRecord> List(RecordKind? kind = null) => Records(kind).ToList();

    public IEnumerable<StoredRecord> Records(RecordKind? kind = null) => kind is null
        ? Stream(RecordSelect + " ORDER BY id", ReadRecord)
        : Stream(RecordSelect + " WHERE kind = $kind ORDER BY id", ReadRecord, ("$kind", RecordSchema.KindText(kind.Value)));

    public IReadOnlyList<RecordChange> History(string id) => Guard(() => Rows(
        "SELECT id, version, change, previous_document, document, at_utc, changed_by FROM record_history WHERE id = $id ORDER BY rowid",
        ReadChange, null, ("$id", id)));

    public IEnumerable<RecordChange> AllHistory() =>
        Stream("SELECT id, version, change, previous_document, document, at_utc, changed_by FROM record_history ORDER BY rowid", ReadChange);

    public long HistoryCount() => Guard(() => (long)Scalar("SELECT count(*) FROM record_history")!);

    private static RecordChange ReadChange(SqliteDataReader reader) => new(reader.GetString(0), reader.GetInt32(1), reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
        DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture), reader.IsDBNull(6) ? null : reader.GetString(6));

    public IReadOnlyList<string> ReferencedBy(string id) => Guard(() =>
        Rows("SELECT from_id FROM record_references WHERE to_id = $id ORDER BY from_id", r => r.GetString(0), null, ("$id", id)));

    public string? DyeWithParentKey(string parentKey) => Guard(() =>
        Scalar("SELECT id FROM dye_structures WHERE parent_key = $key ORDER BY id LIMIT 1", null, ("$key", parentKey)) as string);

    public DyeStructure? GetDye(string id) => Guard(() => Rows(DyeSelect + " WHERE id = $id", ReadDye, null, ("$id", id)).FirstOrDefault());

    public IEnumerable<DyeStructure> Dyes() => Stream(DyeSelect + " ORDER BY id", ReadDye);

    // One query; each row is read on its own, so a damaged document is reported with its id
    // and the rest are still read.
    public IEnumerable<RecordScan> Scan() => Stream(RecordSelect + " ORDER BY id", ScanRecord);

    public IEnumerable<RecordScan> Scan(RecordKind kind) =>
        Stream(RecordSelect + " WHERE kind = $kind ORDER BY id", ScanRecord, ("$kind", RecordSchema.KindText(kind)));

    private RecordScan ScanRecord(SqliteDataReader reader)
    {
        try
        {
            return new RecordScan(reader.GetString(0), ReadRecord(reader), null);
        }
        catch (RegistryException e)
        {
            return new RecordScan(reader.GetString(0), null, e.Message);
        }
    }

    // Rows read one at a time as the caller asks for them: memory stays bounded whatever the
    // registry size. The statement is a plain read on this connection (SQLite lets other
    // statements, and a transaction, run on it meanwhile).
    private IEnumerable<T> Stream<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        var cmd = Guard(() => Command(sql, null, parameters));
        SqliteDataReader? reader = null;
        try
        {
            reader = Guard(() => cmd.ExecuteReader());
            while (Guard(() => reader.Read()))
            {
                yield return Guard(() => read(reader));
            }
        }
        finally
        {
            reader?.Dispose();
            cmd.Dispose();
        }
    }

    public IReadOnlyList<ComputedQuantity> Computed(string id) => Guard(() => Rows(
        "SELECT field, value, unit, method, source, low, high, stamp FROM computed_quantities WHERE id = $id ORDER BY field",
        reader => new ComputedQuantity(reader.GetString(0), reader.GetDouble(1), reader.GetString(2), reader.GetString(3))
        {
            Source = reader.GetString(4),
            Low = reader.IsDBNull(5) ? null : reader.GetDouble(5),
            High = reader.IsDBNull(6) ? null : reader.GetDouble(6),
            Stamp = reader.IsDBNull(7) ? null : reader.GetString(7),
        },
        null, ("$id", id)));

    /// <summary>The SHA-256 of a stored document's text, as hex.</summary>
    internal static string Checksum(string document) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    private const string DyeSelect = "SELECT id, parent_smiles, parent_key, removed_fragments, record_pickle, pattern_fp, morgan_fp, within, formula_stamp FROM dye_structures";

    internal StoredRecord? GetRecord(string id, SqliteTransaction? tx) =>
        Rows(RecordSelect + " WHERE id = $id", ReadRecord, tx, ("$id", id)).FirstOrDefault();

    // A document is read only when its checksum holds: flipped bytes are reported with the record,
    // never read as a (wrong) value.
    private StoredRecord ReadRecord(SqliteDataReader reader)
    {
        var id = reader.GetString(0);
        var text = reader.GetString(3);
        if (!reader.IsDBNull(5) && reader.GetString(5) != Checksum(text))
        {
            throw new RegistryException($"registry {Location}: record {RecordIds.Printable(id)}: the stored document does not match its checksum: the file is damaged (run dyereg check --registry {Location}; restore the record from a backup or an export)");
        }

        JsonObject document;
        try
        {
            document = JsonNode.Parse(text)?.AsObject() ?? throw new JsonException("empty document");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new RegistryException($"registry {Location}: record {RecordIds.Printable(id)}: the stored document is not a JSON record ({e.Message}); run dyereg check --registry {Location}");
        }

        return new StoredRecord(
            id,
            RecordSchema.ParseKind(reader.GetString(1)) ?? throw new RegistryException($"registry {Location}: record {RecordIds.Printable(id)} has unknown kind {reader.GetString(1)}"),
            reader.GetInt32(2),
            document,
            DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture));
    }

    private static DyeStructure ReadDye(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), Strings(r.GetString(3)),
        (byte[])r[4], (byte[])r[5], (byte[])r[6], Strings(r.GetString(7)), r.GetString(8));
}
