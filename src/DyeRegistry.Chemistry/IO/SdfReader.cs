namespace DyeRegistry.Chemistry.IO;

/// <summary>
/// Streams an SD file record by record without holding more than one record in memory. Each
/// record keeps its molfile block (parsed later by RDKit), its title as id and its data fields
/// ("&gt;  &lt;NAME&gt;" headers, values up to the blank line; multi-line values joined with '\n').
/// </summary>
/// <remarks>
/// A record without "M  END" or one larger than <see cref="MaxRecordCharacters"/> is returned with a
/// <see cref="StructureRecord.ReadError"/> and the reader goes on with the next record. A final
/// record without "$$$$" is still returned. So is a record with a line longer than
/// <see cref="StructureLimits.MaxLineLength"/>, a control character (tab aside) or bytes that were
/// not UTF-8, or a counts line declaring more atoms or bonds than the limits allow: the rest of
/// such a record is skipped, not kept.
/// </remarks>
public static class SdfReader
{
    /// <summary>Records longer than this (characters) are reported, not parsed: 8 MiB.</summary>
    public const int MaxRecordCharacters = 8 * 1024 * 1024;

    public static IEnumerable<StructureRecord> Read(TextReader reader, long firstLineNumber = 1) =>
        Read(reader, StructureLimits.Default, firstLineNumber);

    public static IEnumerable<StructureRecord> Read(TextReader reader, StructureLimits limits, long firstLineNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(limits);
        return Read(new BoundedLineReader(reader, limits.MaxLineLength), limits, firstLineNumber);
    }

    internal static IEnumerable<StructureRecord> Read(BoundedLineReader reader, StructureLimits limits, long firstLineNumber = 1)
    {
        long lineNumber = firstLineNumber - 1;
        long recordNumber = 0;
        var block = new System.Text.StringBuilder();
        var fields = new List<KeyValuePair<string, string>>();
        string? line;
        while (true)
        {
            block.Clear();
            fields.Clear();
            long startLine = lineNumber + 1;
            var sawContent = false;
            var sawEnd = false;
            var oversized = false;
            string? fieldName = null;
            var fieldValue = new System.Text.StringBuilder();
            var terminated = false;
            string? refused = null; // why the record is not kept: the rest of it is only skipped
            var blockLines = 0;
            while (reader.Next(out line, out var length))
            {
                lineNumber++;
                if (line is not null && line.StartsWith("$$$$", StringComparison.Ordinal))
                {
                    terminated = true;
                    break;
                }

                sawContent |= length > 0;
                if (refused is not null)
                {
                    continue;
                }

                if (line is null)
                {
                    refused = $"line {lineNumber}: " + StructureLimits.Over("line", length, limits.MaxLineLength, "--max-line-length");
                    continue;
                }

                if (StructureTextScan.BadCharacterInLine(line) is { } bad)
                {
                    refused = $"line {lineNumber} contains {bad}";
                    continue;
                }

                if (!sawEnd)
                {
                    blockLines++;
                    if (StructureTextScan.CountsOver(line, blockLines, limits) is { } over)
                    {
                        refused = over;
                        continue;
                    }

                    if (block.Length + line.Length > MaxRecordCharacters)
                    {
                        oversized = true;
                        continue;
                    }

                    block.Append(line).Append('\n');
                    sawEnd = line.StartsWith("M  END", StringComparison.Ordinal);
                    continue;
                }

                if (line.StartsWith('>'))
                {
                    Flush(fields, ref fieldName, fieldValue);
                    fieldName = FieldName(line);
                }
                else if (fieldName is not null)
                {
                    if (line.Length == 0)
                    {
                        Flush(fields, ref fieldName, fieldValue);
                    }
                    else
                    {
                        if (fieldValue.Length > 0)
                        {
                            fieldValue.Append('\n');
                        }

                        fieldValue.Append(line);
                    }
                }
            }

            Flush(fields, ref fieldName, fieldValue);
            if (!terminated && !sawContent)
            {
                yield break;
            }

            recordNumber++;
            var text = block.ToString();
            var title = FirstLine(text);
            string? error = refused ?? (oversized
                ? $"record is larger than {MaxRecordCharacters} characters"
                : !sawEnd ? "molfile block has no \"M  END\" line" : null);
            var dict = new Dictionary<string, string>(fields.Count);
            foreach (var (k, v) in fields)
            {
                dict.TryAdd(k, v);
            }

            if (refused is not null)
            {
                yield return new StructureRecord(recordNumber, startLine, StructureFormat.MolBlock, string.Empty, null, StructureRecord.NoFields, error) { Limits = limits };
            }
            else
            {
                yield return new StructureRecord(recordNumber, startLine, StructureFormat.MolBlock,
                    oversized ? string.Empty : text, string.IsNullOrWhiteSpace(title) ? null : title.Trim(), dict, error) { Limits = limits };
            }

            if (!terminated)
            {
                yield break;
            }
        }
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return end < 0 ? text : text[..end];
    }

    // "> <NAME> (12)" or ">  <NAME>": the name is between the first '<' and the next '>'.
    private static string FieldName(string header)
    {
        var open = header.IndexOf('<');
        var close = open < 0 ? -1 : header.IndexOf('>', open + 1);
        return open >= 0 && close > open ? header[(open + 1)..close] : header[1..].Trim();
    }

    private static void Flush(List<KeyValuePair<string, string>> fields, ref string? name, System.Text.StringBuilder value)
    {
        if (name is not null)
        {
            fields.Add(new(name, value.ToString()));
        }

        name = null;
        value.Clear();
    }
}
