using DyeRegistry.Storage.Records;
using Microsoft.Data.Sqlite;

namespace DyeRegistry.Storage.Sqlite;

/// <summary>
/// Candidates of a text search and a formula search chosen in SQL: the dyes whose stored membership names the
/// formula (within, or undetermined for it) and those stored under other formula files (their
/// membership must be decided again), instead of every dye with its pickle and fingerprints
/// (on a 28,000-dye registry that read was nearly all of a formula search's time).
/// </summary>
public sealed partial class SqliteRegistryStore
{
    /// <summary>A substructure search's candidates: the dyes whose pattern fingerprint holds every
    /// bit of the query's, decided in SQL (<c>dr_holds_bits</c>), so the pickles and Morgan
    /// fingerprints of the others are never read (SQLite reads a row's large columns only when
    /// asked for them).</summary>
    public IEnumerable<DyeStructure> SubstructureCandidates(string smarts, byte[] patternScreen) =>
        Stream(DyeSelect + " WHERE dr_holds_bits(pattern_fp, $screen) ORDER BY id", ReadDye, ("$screen", patternScreen));

    // Registered on each connection: true when every bit set in the screen is set in the stored
    // fingerprint; a fingerprint of another length cannot be compared, so its dye stays a candidate.
    private static void AddFunctions(SqliteConnection connection) =>
        connection.CreateFunction<byte[]?, byte[]?, bool>("dr_holds_bits", HoldsAllBits, isDeterministic: true);

    internal static bool HoldsAllBits(byte[]? stored, byte[]? screen)
    {
        if (stored is null || screen is null || stored.Length != screen.Length)
        {
            return true;
        }

        for (var i = 0; i < screen.Length; i++)
        {
            if ((screen[i] & ~stored[i]) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A text search's candidates: the records whose stored document text contains the
    /// text (the id is in the document), so only those are parsed. Only for plain ASCII text that
    /// JSON stores as typed (letters, digits, space and - _ . , : / ( ) #); anything else may be
    /// stored escaped, and every record of the kind is returned.</summary>
    public IEnumerable<StoredRecord> TextCandidates(RecordKind kind, string text)
    {
        if (text.Length == 0 || !text.All(c => char.IsAsciiLetterOrDigit(c) || " -_.,:/()#".Contains(c, StringComparison.Ordinal)))
        {
            return Records(kind);
        }

        // Streamed: a search page that stops at its first hits reads no further.
        return Stream(RecordSelect + " WHERE kind = $kind AND instr(lower(document), lower($text)) > 0 ORDER BY id", ReadRecord,
            ("$kind", RecordSchema.KindText(kind)), ("$text", text));
    }

    /// <summary>Dyes with this parent key, by its index.</summary>
    public IEnumerable<DyeStructure> ExactCandidates(string parentKey) =>
        Stream(DyeSelect + " WHERE parent_key = $key ORDER BY id", ReadDye, ("$key", parentKey));

    /// <summary>A page of the dyes stored with other formula files, read whole (the connection is
    /// then free for the search's write of their new membership), in id order.</summary>
    /// <remarks>SQLite's planner answers the page by walking the id index (for ORDER BY ... LIMIT)
    /// and testing each row's stamp: when no dye is stale that walk reads the whole table (1.6 s at
    /// a million dyes, paid by every formula search). So the first page asks the stamp's index
    /// whether any dye is stale at all (the two ranges either side of <paramref name="stamp"/>: the
    /// index cannot answer "IS NOT"), and walks only when one is.</remarks>
    public IReadOnlyList<DyeStructure> StaleFormulaDyes(string stamp, string? afterId, int limit) => Guard(() =>
        afterId is null && Scalar("SELECT EXISTS(SELECT 1 FROM dye_structures WHERE formula_stamp < $stamp) OR EXISTS(SELECT 1 FROM dye_structures WHERE formula_stamp > $stamp)", null, ("$stamp", stamp)) is 0L
            ? []
            : Rows(DyeSelect + " WHERE id > $after AND (formula_stamp < $stamp OR formula_stamp > $stamp) ORDER BY id LIMIT $limit", ReadDye, null,
                ("$after", afterId ?? string.Empty), ("$stamp", stamp), ("$limit", limit)));

    /// <summary>The dyes whose membership table names the formula (within, or undetermined) and
    /// those stored with other formula files, each by its index (schema step 7), then read by id:
    /// never a scan of every dye.</summary>
    public IEnumerable<DyeStructure> FormulaCandidates(string formulaId, string stamp) =>
        // The bundled SQLite (3.53) merges a UNION of sorted sides, and would sort the stale side by
        // walking every dye in id order (1.1 million page reads, ~1.6 s at a million dyes, for a
        // formula with no member): "+id" keeps that side on the stamp's index (its few ids are
        // sorted apart), and CROSS JOIN keeps the ids first, so no whole row is ever sorted.
        Stream("SELECT d.id, d.parent_smiles, d.parent_key, d.removed_fragments, d.record_pickle, d.pattern_fp, d.morgan_fp, d.within, d.formula_stamp " +
            "FROM (SELECT id FROM dye_formulas WHERE formula IN ($f, $u) " +
            "UNION SELECT +id FROM dye_structures WHERE formula_stamp < $stamp OR formula_stamp > $stamp) AS m " +
            "CROSS JOIN dye_structures AS d ON d.id = m.id ORDER BY m.id", ReadDye,
            ("$f", formulaId), ("$u", "undetermined:" + formulaId), ("$stamp", stamp));

    /// <summary>The records with these ids, a few hundred per query (by the primary key).</summary>
    public IReadOnlyList<StoredRecord> GetMany(IReadOnlyCollection<string> ids) => ByIds(RecordSelect, ReadRecord, ids);

    /// <summary>The dye structures with these ids, a few hundred per query (by the primary key).</summary>
    public IReadOnlyList<DyeStructure> GetDyes(IReadOnlyCollection<string> ids) => ByIds(DyeSelect, ReadDye, ids);

    // The rows of a select with these ids, each id once, GetManyChunk ids a query.
    private List<T> ByIds<T>(string select, Func<SqliteDataReader, T> read, IReadOnlyCollection<string> ids) => Guard(() =>
    {
        var found = new List<T>(ids.Count);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(GetManyChunk))
        {
            found.AddRange(Rows(select + " WHERE id IN (SELECT value FROM json_each($ids))", read, null, ("$ids", Json(chunk))));
        }

        return found;
    });

    /// <summary>Every dye's id and Morgan fingerprint, in id order: the ranking reads no pickle,
    /// pattern fingerprint or membership list.</summary>
    public IEnumerable<(string Id, byte[] MorganFingerprint)> SimilarityFingerprints(byte[] morganFingerprint, double minimum) =>
        Stream("SELECT id, morgan_fp FROM dye_structures ORDER BY id", r => (r.GetString(0), (byte[])r[1]));

    private const int GetManyChunk = 500;
}
