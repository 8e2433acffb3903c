using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using DyeRegistry.Storage.Records;
using Npgsql;

namespace DyeRegistry.Storage.Postgres;

public sealed partial class PostgresRegistryStore
{
    private const string RecordSelect = "SELECT id, kind, version, document, updated_utc, document_sha256 FROM records";

    private const string DyeSelect = "SELECT id, parent_smiles, parent_key, removed_fragments, record_pickle, pattern_fp, morgan_fp, within, formula_stamp FROM dye_structures";

    public StoredRecord? Get(string id) => Read(c => GetRecord(c, null, id, forUpdate: false));

    public IReadOnlyList<StoredRecord> List(RecordKind? kind = null) => Records(kind).ToList();

    public IEnumerable<StoredRecord> Records(RecordKind? kind = null) => kind is null
        ? Stream(RecordSelect + " ORDER BY id", null, ReadRecord)
        : Stream(RecordSelect + " WHERE kind = @kind ORDER BY id", null, ReadRecord, ("kind", RecordSchema.KindText(kind.Value)));

    public IReadOnlyList<RecordChange> History(string id) => Read(c => Rows(c, null,
        "SELECT id, version, change, previous_document, document, at_utc, changed_by FROM record_history WHERE id = @id ORDER BY seq", ReadChange, ("id", id)));

    public IEnumerable<RecordChange> AllHistory() =>
        Stream("SELECT id, version, change, previous_document, document, at_utc, changed_by FROM record_history ORDER BY seq", null, ReadChange);

    public long HistoryCount() => Read(c => Convert.ToInt64(Scalar(c, null, "SELECT count(*) FROM record_history"), System.Globalization.CultureInfo.InvariantCulture));

    private static RecordChange ReadChange(NpgsqlDataReader r) => new(r.GetString(0), r.GetInt32(1), r.GetString(2),
        r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
        r.GetFieldValue<DateTimeOffset>(5), r.IsDBNull(6) ? null : r.GetString(6));

    public IReadOnlyList<string> ReferencedBy(string id) => Read(c =>
        Rows(c, null, "SELECT from_id FROM record_references WHERE to_id = @id ORDER BY from_id", r => r.GetString(0), ("id", id)));

    public string? DyeWithParentKey(string parentKey) => Read(c =>
        Scalar(c, null, "SELECT id FROM dye_structures WHERE parent_key = @key ORDER BY id LIMIT 1", ("key", parentKey)) as string);

    public DyeStructure? GetDye(string id) => Read(c => Rows(c, null, DyeSelect + " WHERE id = @id", ReadDye, ("id", id)).FirstOrDefault());

    public IReadOnlyList<ComputedQuantity> Computed(string id) => Read(c => Rows(c, null,
        "SELECT field, value, unit, method, source, low, high, stamp FROM computed_quantities WHERE id = @id ORDER BY field",
        r => new ComputedQuantity(r.GetString(0), r.GetDouble(1), r.GetString(2), r.GetString(3))
        {
            Source = r.GetString(4),
            Low = r.IsDBNull(5) ? null : r.GetDouble(5),
            High = r.IsDBNull(6) ? null : r.GetDouble(6),
            Stamp = r.IsDBNull(7) ? null : r.GetString(7),
        }, ("id", id)));

    public IEnumerable<DyeStructure> Dyes() => StreamDyes(DyeSelect + " ORDER BY id");

    /// <summary>Dyes whose molecule contains the SMARTS pattern by the cartridge's GiST-indexed
    /// <c>@&gt;</c>, a superset of the bridge's answer (the caller confirms each); every dye when
    /// the cartridge cannot read the pattern, or it has CXSMARTS extensions (after a '|': the
    /// cartridge's reading of them is not known to be looser than the bridge's).</summary>
    /// <summary>As <see cref="SubstructureCandidates(string)"/>; a screen without a bit set means
    /// RDKit's pattern fingerprint of the query cannot be trusted to screen (the bridge says so, for
    /// queries such as <c>[r6;#7]</c>), and the cartridge's GiST index screens with the same kind of
    /// fingerprint: then every dye is a candidate.</summary>
    public IEnumerable<DyeStructure> SubstructureCandidates(string smarts, byte[] patternScreen) =>
        patternScreen.Any(b => b != 0) ? SubstructureCandidates(smarts) : Dyes();

    public IEnumerable<DyeStructure> SubstructureCandidates(string smarts)
    {
        var readable = !smarts.Contains('|', StringComparison.Ordinal) && Read(c => Scalar(c, null, "SELECT qmol_from_smarts(@q::cstring) IS NOT NULL", ("q", smarts)) is true);
        return readable
            ? StreamDyes(DyeSelect + " WHERE mol @> qmol_from_smarts(@q::cstring) OR mol IS NULL ORDER BY id", ("q", smarts))
            : Dyes();
    }

    /// <summary>Dyes whose stored Morgan fingerprint has a Tanimoto similarity of at least
    /// <paramref name="minimum"/> by the cartridge's GiST-indexed <c>%</c> (threshold set a hair
    /// lower: the caller computes the exact score and filters).</summary>
    public IEnumerable<DyeStructure> SimilarityCandidates(byte[] morganFingerprint, double minimum) =>
        StreamDyes(DyeSelect + " WHERE morgan_bfp % bfp_from_binary_text(@fp) ORDER BY id", SimilarityThreshold(minimum), ("fp", morganFingerprint));

    /// <summary>Dyes with this parent key, by its index.</summary>
    public IEnumerable<DyeStructure> ExactCandidates(string parentKey) =>
        StreamDyes(DyeSelect + " WHERE parent_key = @key ORDER BY id", ("key", parentKey));

    /// <summary>Dyes whose stored membership names the formula (within, or undetermined), by the
    /// indexed membership table, and every dye whose membership was computed with formula files
    /// other than <paramref name="stamp"/> (the caller computes those again).</summary>
    /// <remarks>The two sets are found each by its own index (the membership's by formula, the
    /// stamp's as the two ranges either side of <paramref name="stamp"/>) and the dyes then read by
    /// id: an OR of the two tests in one WHERE made the planner scan every dye.</remarks>
    public IEnumerable<DyeStructure> FormulaCandidates(string formulaId, string stamp) =>
        StreamDyes(DyeSelect + " WHERE id IN (SELECT id FROM dye_formulas WHERE formula = @f OR formula = @u " +
            "UNION SELECT id FROM dye_structures WHERE formula_stamp < @stamp OR formula_stamp > @stamp) ORDER BY id",
            ("f", formulaId), ("u", "undetermined:" + formulaId), ("stamp", stamp));

    /// <summary>The records with these ids, a few hundred per query (by the primary key).</summary>
    public IReadOnlyList<StoredRecord> GetMany(IReadOnlyCollection<string> ids) => ByIds(RecordSelect, ReadRecord, ids);

    /// <summary>The dye structures with these ids, a few hundred per query (by the primary key).</summary>
    public IReadOnlyList<DyeStructure> GetDyes(IReadOnlyCollection<string> ids) => ByIds(DyeSelect, ReadDye, ids);

    // The rows of a select with these ids, each id once, GetManyChunk ids a query.
    private List<T> ByIds<T>(string select, Func<NpgsqlDataReader, T> read, IReadOnlyCollection<string> ids) => Read(c =>
    {
        var found = new List<T>(ids.Count);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(GetManyChunk))
        {
            found.AddRange(Rows(c, null, select + " WHERE id = ANY(@ids)", read, ("ids", chunk)));
        }

        return found;
    });

    /// <summary>As <see cref="SimilarityCandidates"/>, only each candidate's id and fingerprint read.</summary>
    public IEnumerable<(string Id, byte[] MorganFingerprint)> SimilarityFingerprints(byte[] morganFingerprint, double minimum) =>
        Stream("SELECT id, morgan_fp FROM dye_structures WHERE morgan_bfp % bfp_from_binary_text(@fp) ORDER BY id",
            SimilarityThreshold(minimum), r => (r.GetString(0), r.GetFieldValue<byte[]>(1)), ("fp", morganFingerprint));

    private static string SimilarityThreshold(double minimum) =>
        $"SET LOCAL rdkit.tanimoto_threshold = {Math.Max(0.0, minimum - 1e-9).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";

    private const int GetManyChunk = 500;

    /// <summary>A page of the dyes stored with other formula files (by the stamp's index: the
    /// two ranges either side of <paramref name="stamp"/>), read whole.</summary>
    public IReadOnlyList<DyeStructure> StaleFormulaDyes(string stamp, string? afterId, int limit) =>
        Read(c => Rows(c, null, DyeSelect + " WHERE id > @after AND (formula_stamp < @stamp OR formula_stamp > @stamp) ORDER BY id LIMIT @limit", ReadDye,
            ("after", afterId ?? string.Empty), ("stamp", stamp), ("limit", limit)));

    public IEnumerable<RecordScan> Scan() => Stream(RecordSelect + " ORDER BY id", null, ScanRecord);

    public IEnumerable<RecordScan> Scan(RecordKind kind) =>
        Stream(RecordSelect + " WHERE kind = @kind ORDER BY id", null, ScanRecord, ("kind", RecordSchema.KindText(kind)));

    // Each row is read on its own, so a damaged document is reported with its id and the rest are still read.
    private RecordScan ScanRecord(NpgsqlDataReader r)
    {
        try
        {
            return new RecordScan(r.GetString(0), ReadRecord(r), null);
        }
        catch (RegistryException e)
        {
            return new RecordScan(r.GetString(0), null, e.Message);
        }
    }

    private T Read<T>(Func<NpgsqlConnection, T> read) => Guard(() =>
    {
        using var connection = dataSource.OpenConnection();
        return read(connection);
    });

    private IEnumerable<DyeStructure> StreamDyes(string sql, params (string Name, object? Value)[] parameters) => Stream(sql, null, ReadDye, parameters);

    private IEnumerable<DyeStructure> StreamDyes(string sql, string? setting, params (string Name, object? Value)[] parameters) => Stream(sql, setting, ReadDye, parameters);

    // Rows fetched per round trip of a walk: an early stop (Take, Any, a search's time limit)
    // discards at most this many rows instead of the whole result.
    private const int FetchRows = 500;

    // Streamed on a connection of its own, inside a read-only transaction (one snapshot of the
    // table, settings local to it), one row in memory at a time whatever the registry size. The
    // query runs as a cursor fetched FetchRows at a time: a walk stopped early closes it with the
    // transaction, and the server never computes nor sends the rest (a plain reader disposed
    // early reads every remaining row off the socket). cursor_tuple_fraction = 1 keeps the plan
    // the plain query gets (the cartridge's indexes, then the sort), not one tuned for first rows.
    private IEnumerable<T> Stream<T>(string sql, string? setting, Func<NpgsqlDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        var connection = Guard(() => dataSource.OpenConnection());
        NpgsqlTransaction? tx = null;
        try
        {
            tx = Guard(() => connection.BeginTransaction());
            Guard(() => Execute(connection, tx, "SET TRANSACTION READ ONLY; SET LOCAL cursor_tuple_fraction = 1"));
            if (setting is not null)
            {
                Guard(() => Execute(connection, tx, setting));
            }

            // The cursor is named after its query: statements are prepared on the connection by
            // their text (Max Auto Prepare), with the columns they return, so one FETCH text must
            // never serve two queries of different columns.
            var cursor = "dr_walk_" + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sql)), 0, 8).ToLowerInvariant();
            Guard(() => Execute(connection, tx, $"DECLARE {cursor} NO SCROLL CURSOR FOR " + sql, parameters));
            using var fetch = Command(connection, tx, $"FETCH FORWARD {FetchRows} FROM {cursor}");
            int fetched;
            do
            {
                fetched = 0;
                using var reader = Guard(() => fetch.ExecuteReader());
                while (Guard(() => reader.Read()))
                {
                    fetched++;
                    yield return Guard(() => read(reader));
                }
            }
            while (fetched == FetchRows);
        }
        finally
        {
            tx?.Dispose();
            connection.Dispose();
        }
    }

    internal StoredRecord? GetRecord(NpgsqlConnection connection, NpgsqlTransaction? tx, string id, bool forUpdate) =>
        Rows(connection, tx, RecordSelect + " WHERE id = @id" + (forUpdate ? " FOR UPDATE" : string.Empty), ReadRecord, ("id", id)).FirstOrDefault();

    // A document is read only when its checksum holds, as in the SQLite store.
    private StoredRecord ReadRecord(NpgsqlDataReader reader)
    {
        var id = reader.GetString(0);
        var text = reader.GetString(3);
        if (reader.GetString(5) != Checksum(text))
        {
            throw new RegistryException($"registry {Location}: record {RecordIds.Printable(id)}: the stored document does not match its checksum: it was changed outside dyereg or damaged (run dyereg check --registry <the same URL>; restore the record from a backup or an export)");
        }

        JsonObject document;
        try
        {
            document = JsonNode.Parse(text)?.AsObject() ?? throw new JsonException("empty document");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new RegistryException($"registry {Location}: record {RecordIds.Printable(id)}: the stored document is not a JSON record ({e.Message}); run dyereg check");
        }

        return new StoredRecord(
            id,
            RecordSchema.ParseKind(reader.GetString(1)) ?? throw new RegistryException($"registry {Location}: record {RecordIds.Printable(id)} has unknown kind {reader.GetString(1)}"),
            reader.GetInt32(2),
            document,
            reader.GetFieldValue<DateTimeOffset>(4));
    }

    private static DyeStructure ReadDye(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), Strings(r.GetString(3)),
        r.GetFieldValue<byte[]>(4), r.GetFieldValue<byte[]>(5), r.GetFieldValue<byte[]>(6), Strings(r.GetString(7)), r.GetString(8));
}
