namespace DyeRegistry.Chemistry.IO;

/// <summary>
/// Which columns of a SMILES, TSV or CSV file hold the SMILES, the id and the name: each a header
/// name (case-insensitive) or a 1-based column number; null to find it (<see cref="SmilesLayout"/>).
/// </summary>
public sealed record SmilesColumns(string? Smiles = null, string? Id = null, string? Name = null)
{
    public static readonly SmilesColumns Auto = new();

    /// <summary>True when any column is given by name (the file must then have a header line).</summary>
    public bool NamesAny => new[] { Smiles, Id, Name }.Any(c => c is not null && !int.TryParse(c, out _));
}

/// <summary>
/// How the lines of a SMILES file are read, decided from the file's first line, its extension and
/// <see cref="SmilesColumns"/>, and said in <see cref="Rule"/> (commands print it):
/// <list type="bullet">
/// <item>A header line: the first line names a column "smiles" (or SMILES, canonical_smiles,
/// isomeric_smiles, or the <c>--smiles-column</c> name). Columns are then taken by name: the id
/// from "id" (identifier, compound_id, mol_id, or <c>--id-column</c>), the name from "name"
/// (dye_name, title, or <c>--name-column</c>); every other column is kept as a field. The header
/// is not a record.</item>
/// <item>No header: RDKit's convention "SMILES id": the SMILES, then the id, then (when there is
/// more) the name; fields are separated by the file's delimiter, or by spaces and tabs (runs of
/// them) for a plain SMILES file, so "SMILES DR1 Disperse Red 1" is id DR1, name Disperse Red 1.</item>
/// </list>
/// The delimiter: comma for .csv, tab for .tsv (either plain or .gz), else a tab when the first
/// line has one, else whitespace. CSV fields may be quoted ("a, b"; "" for a quote).
/// </summary>
public sealed record SmilesLayout(char? Delimiter, bool Header, int SmilesIndex, int? IdIndex, int? NameIndex, IReadOnlyList<string> HeaderNames, string Rule)
{
    private static readonly string[] SmilesNames = ["smiles", "canonical_smiles", "isomeric_smiles", "smiles_string"];
    private static readonly string[] IdNames = ["id", "identifier", "compound_id", "mol_id", "molecule_id", "registry_id"];
    private static readonly string[] NameNames = ["name", "dye_name", "title", "compound_name"];

    /// <summary>Decides the layout from the first record line (null for an empty file).</summary>
    public static SmilesLayout Decide(string? firstLine, string extension, SmilesColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        char? delimiter = extension switch
        {
            ".csv" => ',',
            ".tsv" or ".tab" => '\t',
            _ => firstLine is not null && firstLine.Contains('\t', StringComparison.Ordinal) ? '\t' : null,
        };
        var what = delimiter switch { ',' => "CSV", '\t' => "tab-separated", _ => "SMILES lines" };
        var fields = firstLine is null ? [] : Split(firstLine.Trim(), delimiter);
        var smilesAt = Find(fields, columns.Smiles, SmilesNames);
        if (smilesAt is { } s && (columns.NamesAny || columns.Smiles is null || !int.TryParse(columns.Smiles, out _)))
        {
            var idAt = Find(fields, columns.Id, IdNames);
            var nameAt = Find(fields, columns.Name, NameNames);
            Require(columns.Id, idAt, fields, "--id-column");
            Require(columns.Name, nameAt, fields, "--name-column");
            var rule = $"{what} with a header line: SMILES from column '{fields[s]}', " +
                (idAt is { } i ? $"id from '{fields[i]}'" : "no id column (" + string.Join(", ", IdNames) + " or --id-column)") +
                (nameAt is { } n ? $", name from '{fields[n]}'" : string.Empty) +
                (fields.Count > 1 + (idAt is null ? 0 : 1) + (nameAt is null ? 0 : 1) ? ", the other columns kept as fields" : string.Empty);
            return new SmilesLayout(delimiter, true, s, idAt, nameAt, fields, rule);
        }

        if (columns.NamesAny)
        {
            throw new IOException($"a column was named ({string.Join(", ", new[] { ("--smiles-column", columns.Smiles), ("--id-column", columns.Id), ("--name-column", columns.Name) }.Where(c => c.Item2 is not null && !int.TryParse(c.Item2, out _)).Select(c => $"{c.Item1} {c.Item2}"))}) but the first line is not a header naming it (it reads: {Shorten(firstLine)})");
        }

        var smiles = Position(columns.Smiles) ?? 0;
        var id = Position(columns.Id) ?? (smiles == 0 ? 1 : 0);
        var name = Position(columns.Name) ?? (columns.Smiles is null && columns.Id is null ? 2 : null);
        var positional = columns == SmilesColumns.Auto
            ? $"{what} without a header (RDKit's \"SMILES id\" convention): the SMILES, then the id, then the name when there is more"
            : $"{what} without a header: SMILES in column {smiles + 1}, id in column {id + 1}{(name is { } nm ? $", name in column {nm + 1}" : string.Empty)}";
        return new SmilesLayout(delimiter, false, smiles, id, name, [], positional);
    }

    /// <summary>The fields of one line (for whitespace: the name is the rest of the line after the id).</summary>
    public IReadOnlyList<string> Fields(string line) => Split(line.Trim(), Delimiter, Delimiter is null && !Header ? NameIndex : null);

    /// <summary>Splits a line: at the delimiter (CSV quoting honoured), or at runs of spaces and tabs;
    /// with <paramref name="restFrom"/>, the fields from that index on are one field (the rest of the line).</summary>
    public static IReadOnlyList<string> Split(string line, char? delimiter, int? restFrom = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (delimiter is null)
        {
            var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (restFrom is { } r && parts.Length > r + 1)
            {
                // The rest of the line, its own spacing kept: "Disperse Red 1".
                var start = 0;
                for (var i = 0; i < r; i++)
                {
                    start = line.IndexOf(parts[i], start, StringComparison.Ordinal) + parts[i].Length;
                }

                return [.. parts[..r], line[start..].Trim()];
            }

            return parts;
        }

        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }

    private static int? Find(IReadOnlyList<string> header, string? given, string[] names)
    {
        if (given is not null)
        {
            if (int.TryParse(given, out var n))
            {
                return n >= 1 ? n - 1 : throw new IOException($"column {given}: columns are numbered from 1");
            }

            var at = IndexOf(header, given);
            return at;
        }

        foreach (var name in names)
        {
            if (IndexOf(header, name) is { } at)
            {
                return at;
            }
        }

        return null;
    }

    private static int? IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    private static void Require(string? given, int? found, IReadOnlyList<string> header, string option)
    {
        if (given is not null && found is null)
        {
            throw new IOException($"{option} {given}: no such column in the header line (columns: {string.Join(", ", header)})");
        }
    }

    private static int? Position(string? given) =>
        given is null ? null : int.TryParse(given, out var n) && n >= 1 ? n - 1 : throw new IOException($"column {given}: give a header name or a column number from 1");

    private static string Shorten(string? line) => line is null ? "(nothing)" : line.Length > 60 ? line[..60] + "..." : line;
}
