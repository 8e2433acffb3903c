namespace DyeRegistry.Chemistry.IO;

/// <summary>
/// Reads "SMILES [id]" lines. The SMILES ends at the first space or tab; the rest of the line,
/// trimmed, is the id. Blank lines and lines starting with '#' are comments, not records.
/// </summary>
public static class SmilesLineReader
{
    public static IEnumerable<StructureRecord> Read(TextReader reader, long firstLineNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(reader);
        long lineNumber = firstLineNumber - 1;
        long recordNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty || trimmed[0] == '#')
            {
                continue;
            }

            recordNumber++;
            var cut = trimmed.IndexOfAny(' ', '\t');
            var smiles = cut < 0 ? trimmed.ToString() : trimmed[..cut].ToString();
            var id = cut < 0 ? null : trimmed[(cut + 1)..].Trim().ToString();
            yield return new StructureRecord(recordNumber, lineNumber, StructureFormat.Smiles, smiles,
                string.IsNullOrEmpty(id) ? null : id, StructureRecord.NoFields);
        }
    }
}
