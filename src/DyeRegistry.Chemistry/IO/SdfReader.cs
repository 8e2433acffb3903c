namespace DyeRegistry.Chemistry.IO;

/// <summary>
/// Streams an SD file record by record without holding more than one record in memory. Each
/// record keeps its molfile block (parsed later by RDKit), its title as id and its data fields
/// ("&gt;  &lt;NAME&gt;" headers, values up to the blank line; multi-line values joined with '\n').
/// </summary>
/// <remarks>
/// A record without "M  END" or one larger than <see cref="MaxRecordCharacters"/> is returned with a
/// <see cref="StructureRecord.ReadError"/> and the reader goes on with the next record. A final
/// record without "$$$$" is still returned.
/// </remarks>
public static class SdfReader
{
    /// <summary>Records longer than this (characters) are reported, not parsed: 8 MiB.</summary>
    public const int MaxRecordCharacters = 8 * 1024 * 1024;

    public static IEnumerable<StructureRecord> Read(TextReader reader, long firstLineNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(reader);
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
            while ((line = reader.ReadLine()) is not null)
            {
                lineNumber++;
                if (line.StartsWith("$$$$", StringComparison.Ordinal))
                {
                    terminated = true;
                    break;
                }

                sawContent |= line.Length > 0;
                if (!sawEnd)
                {
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
            string? error = oversized
                ? $"record is larger than {MaxRecordCharacters} characters"
                : !sawEnd ? "molfile block has no \"M  END\" line" : null;
            var dict = new Dictionary<string, string>(fields.Count);
            foreach (var (k, v) in fields)
            {
                dict.TryAdd(k, v);
            }

            yield return new StructureRecord(recordNumber, startLine, StructureFormat.MolBlock,
                oversized ? string.Empty : text, string.IsNullOrWhiteSpace(title) ? null : title.Trim(), dict, error);
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
