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
    /// then free for the search's write of their new membership); by the id's index from
    /// <paramref name="afterId"/> on.</summary>
    public IReadOnlyList<DyeStructure> StaleFormulaDyes(string stamp, string? afterId, int limit) =>
        Guard(() => Rows(DyeSelect + " WHERE id > $after AND formula_stamp IS NOT $stamp ORDER BY id LIMIT $limit", ReadDye, null,
            ("$after", afterId ?? string.Empty), ("$stamp", stamp), ("$limit", limit)));

    public IEnumerable<DyeStructure> FormulaCandidates(string formulaId, string stamp)
    {
        // within is stored as a JSON array of strings. Every entry that ends in the formula's id
        // ("M-I", and "undetermined:M-I") contains the id's JSON text with its closing quote: a
        // superset of the members (formula I also finds "M-I"), which the search then decides exactly.
        var ending = Json([formulaId])[2..^1];
        var cmd = Guard(() => Command(DyeSelect + " WHERE formula_stamp IS NOT $stamp OR instr(within, $ending) > 0 ORDER BY id", null,
            ("$stamp", stamp), ("$ending", ending)));
        SqliteDataReader? reader = null;
        try
        {
            reader = Guard(() => cmd.ExecuteReader());
            while (Guard(() => reader.Read()))
            {
                yield return Guard(() => ReadDye(reader));
            }
        }
        finally
        {
            reader?.Dispose();
            cmd.Dispose();
        }
    }
}
