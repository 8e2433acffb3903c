namespace DyeRegistry.Chemistry.IO;

/// <summary>
/// Reads "SMILES [id [name]]" lines, and TSV or CSV files with or without a header line, by the
/// layout <see cref="SmilesLayout"/> decides (RDKit's "SMILES id" convention without a header: the
/// id is the field after the SMILES, the rest of the line the name). Blank lines and lines
/// starting with '#' are comments, not records.
/// </summary>
/// <remarks>
/// A line longer than <see cref="StructureLimits.MaxLineLength"/>, or holding a control character
/// (tab aside) or bytes that were not UTF-8, is a record with a <see cref="StructureRecord.ReadError"/>
/// naming the limit or the character; the reader goes on with the next line.
/// </remarks>
public static class SmilesLineReader
{
    public static IEnumerable<StructureRecord> Read(TextReader reader, long firstLineNumber = 1) =>
        Read(reader, StructureLimits.Default, firstLineNumber);

    public static IEnumerable<StructureRecord> Read(TextReader reader, StructureLimits limits, long firstLineNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(limits);
        return Read(new BoundedLineReader(reader, limits.MaxLineLength), limits, firstLineNumber);
    }

    internal static IEnumerable<StructureRecord> Read(BoundedLineReader lines, StructureLimits limits, long firstLineNumber = 1) =>
        Read(lines, limits, string.Empty, SmilesColumns.Auto, null, firstLineNumber);

    // The first line that is not blank or a comment, peeking one line more at a time: a reader
    // typed at a terminal has only the lines entered so far, and must answer the first at once.
    private static string? FirstRecordLine(BoundedLineReader lines)
    {
        for (var n = 1; n <= 64; n++)
        {
            var peeked = lines.Peek(n);
            if (peeked.Count < n)
            {
                return peeked.FirstOrDefault(IsRecordLine);
            }

            if (IsRecordLine(peeked[n - 1]))
            {
                return peeked[n - 1];
            }
        }

        return null;
    }

    private static bool IsRecordLine(string? l) => l is not null && l.Trim().Length > 0 && !l.TrimStart().StartsWith('#');

    /// <summary>Reads SMILES, TSV or CSV lines by the layout <see cref="SmilesLayout.Decide"/> finds
    /// (said once through <paramref name="rule"/>): a header line is not a record.</summary>
    internal static IEnumerable<StructureRecord> Read(BoundedLineReader lines, StructureLimits limits, string extension, SmilesColumns columns, Action<string>? rule, long firstLineNumber = 1)
    {
        var first = FirstRecordLine(lines);
        var layout = SmilesLayout.Decide(first, extension, columns);
        rule?.Invoke(layout.Rule);
        var headerPending = layout.Header;
        long lineNumber = firstLineNumber - 1;
        long recordNumber = 0;
        while (lines.Next(out var line, out var length))
        {
            lineNumber++;
            if (line is null)
            {
                recordNumber++;
                yield return new StructureRecord(recordNumber, lineNumber, StructureFormat.Smiles, string.Empty, null, StructureRecord.NoFields,
                    StructureLimits.Over("line", length, limits.MaxLineLength, "--max-line-length")) { Limits = limits };
                continue;
            }

            var trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty || trimmed[0] == '#')
            {
                continue;
            }

            if (headerPending)
            {
                headerPending = false; // the header names the columns: not a record
                continue;
            }

            recordNumber++;
            var fields = layout.Fields(trimmed.ToString());
            string? At(int? index) => index is { } i && i < fields.Count && fields[i].Length > 0 ? fields[i] : null;
            var smiles = At(layout.SmilesIndex) ?? string.Empty;
            var id = At(layout.IdIndex);
            var extra = new Dictionary<string, string>(StringComparer.Ordinal);
            if (At(layout.NameIndex) is { } name)
            {
                extra["NAME"] = name;
            }

            for (var i = 0; i < layout.HeaderNames.Count && i < fields.Count; i++)
            {
                if (i != layout.SmilesIndex && i != layout.IdIndex && i != layout.NameIndex && fields[i].Length > 0)
                {
                    extra.TryAdd(layout.HeaderNames[i], fields[i]);
                }
            }

            if (StructureTextScan.BadCharacterInLine(line) is { } bad)
            {
                // Neither the structure nor the id is passed on: both may hold the character.
                yield return new StructureRecord(recordNumber, lineNumber, StructureFormat.Smiles, string.Empty, null, StructureRecord.NoFields,
                    "line contains " + bad) { Limits = limits };
                continue;
            }

            yield return new StructureRecord(recordNumber, lineNumber, StructureFormat.Smiles, smiles,
                string.IsNullOrEmpty(id) ? null : id, extra.Count == 0 ? StructureRecord.NoFields : extra) { Limits = limits };
        }
    }
}
