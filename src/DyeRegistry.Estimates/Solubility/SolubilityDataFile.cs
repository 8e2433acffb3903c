using System.Globalization;
using System.Text;

namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// Reads measured solubilities in AqSolDB's CSV layout: a header row naming at least the columns
/// <c>SMILES</c> and <c>Solubility</c> (log S, mol/L) and optionally <c>ID</c>; comma-separated,
/// fields in double quotes where they hold commas, quotes ("" inside) or line breaks (RFC 4180).
/// Streams the rows; any malformed row is a <see cref="SolubilityDataException"/> naming the file,
/// line and column.
/// </summary>
public static class SolubilityDataFile
{
    public const string SmilesColumn = "SMILES";
    public const string SolubilityColumn = "Solubility";
    public const string IdColumn = "ID";

    /// <summary>Writes rows in the layout <see cref="Read(string)"/> reads (ID, SMILES, Solubility;
    /// log S written to round-trip exactly).</summary>
    public static void Write(TextWriter writer, IEnumerable<SolubilityDataRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        writer.Write($"{IdColumn},{SmilesColumn},{SolubilityColumn}\n");
        foreach (var r in rows)
        {
            writer.Write($"{Quoted(r.Id ?? string.Empty)},{Quoted(r.Smiles)},{r.LogS.ToString("R", CultureInfo.InvariantCulture)}\n");
        }
    }

    private static string Quoted(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static IEnumerable<SolubilityDataRow> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        foreach (var row in Read(reader, path))
        {
            yield return row;
        }
    }

    public static IEnumerable<SolubilityDataRow> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var records = Records(reader, name).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new SolubilityDataException(name, 1, null, $"the file is empty; expected a header row with columns {SmilesColumn} and {SolubilityColumn}");
        }

        var header = records.Current.Fields;
        var smilesAt = Column(header, SmilesColumn, name);
        var logSAt = Column(header, SolubilityColumn, name);
        var idAt = header.FindIndex(h => h.Trim() == IdColumn);
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // a blank line
            }

            if (fields.Count != header.Count)
            {
                throw new SolubilityDataException(name, line, null, $"{fields.Count} fields, but the header has {header.Count}");
            }

            var smiles = fields[smilesAt].Trim();
            if (smiles.Length == 0)
            {
                throw new SolubilityDataException(name, line, SmilesColumn, "empty; expected a SMILES");
            }

            var text = fields[logSAt].Trim();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var logS) || !double.IsFinite(logS))
            {
                throw new SolubilityDataException(name, line, SolubilityColumn, $"'{text}' is not a number; expected log S in mol/L, e.g. -3.25");
            }

            yield return new SolubilityDataRow(line, smiles, logS, idAt >= 0 ? fields[idAt].Trim() : null);
        }
    }

    private static int Column(List<string> header, string column, string name)
    {
        var at = header.FindIndex(h => h.Trim() == column);
        if (at < 0)
        {
            throw new SolubilityDataException(name, 1, column, $"no such column in the header ({string.Join(", ", header)}); expected {SmilesColumn} and {SolubilityColumn}");
        }

        return at;
    }

    // RFC 4180 records with the line each starts on.
    private static IEnumerable<(long Line, List<string> Fields)> Records(TextReader reader, string name)
    {
        long line = 1;
        while (reader.Peek() >= 0)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var atFieldStart = true;
            while (true)
            {
                var c = reader.Read();
                if (c < 0)
                {
                    if (quoted)
                    {
                        throw new SolubilityDataException(name, start, null, $"a quoted field opened on this line is not closed before the end of the file (line {line})");
                    }

                    break;
                }

                if (quoted)
                {
                    if (c == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            field.Append('"');
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append((char)c);
                    }

                    continue;
                }

                if (c == '"' && atFieldStart)
                {
                    quoted = true;
                    atFieldStart = false;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                }
                else if (c == '\r')
                {
                    // CRLF: the '\n' ends the record
                }
                else if (c == '\n')
                {
                    line++;
                    break;
                }
                else
                {
                    field.Append((char)c);
                    atFieldStart = false;
                }
            }

            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
