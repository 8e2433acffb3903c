namespace DyeRegistry.Chemistry.IO;

/// <summary>
/// Reads "SMILES [id]" lines. The SMILES ends at the first space or tab; the rest of the line,
/// trimmed, is the id. Blank lines and lines starting with '#' are comments, not records.
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

    internal static IEnumerable<StructureRecord> Read(BoundedLineReader lines, StructureLimits limits, long firstLineNumber = 1)
    {
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

            recordNumber++;
            var cut = trimmed.IndexOfAny(' ', '\t');
            var smiles = cut < 0 ? trimmed.ToString() : trimmed[..cut].ToString();
            var id = cut < 0 ? null : trimmed[(cut + 1)..].Trim().ToString();
            if (StructureTextScan.BadCharacterInLine(line) is { } bad)
            {
                // Neither the structure nor the id is passed on: both may hold the character.
                yield return new StructureRecord(recordNumber, lineNumber, StructureFormat.Smiles, string.Empty, null, StructureRecord.NoFields,
                    "line contains " + bad) { Limits = limits };
                continue;
            }

            yield return new StructureRecord(recordNumber, lineNumber, StructureFormat.Smiles, smiles,
                string.IsNullOrEmpty(id) ? null : id, StructureRecord.NoFields) { Limits = limits };
        }
    }
}
