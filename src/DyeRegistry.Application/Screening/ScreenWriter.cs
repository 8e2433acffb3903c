using System.Globalization;
using DyeRegistry.Application.Rendering;
using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Application.Screening;

/// <summary>
/// Writes screening results in the format the output file's extension names: .csv, .jsonl or
/// .sdf (standard output: jsonl). Every format carries the same information, in columns a
/// spreadsheet, KNIME or pandas reads directly: the id, where the record is (file, record number
/// and line as numbers), the SMILES, the formulas it is within, undetermined for (a search limit)
/// and not excluded by ((II): no structure encoded), the registry id of a known parent, the read
/// error, and for every formula its verdict and explanation.
/// </summary>
/// <remarks>
/// CSV: <c>id,file,record,line,smiles,within,undetermined,not_excluded,known,error</c> then
/// <c>verdict_F,explanation_F</c> per formula F (the formulas screened, <see cref="Formulas"/>;
/// unset, those of the first result that was matched). SDF: the id as the title line, tags ID,
/// SOURCE (file and place as text), FILE, RECORD, LINE, WITHIN, UNDETERMINED, NOT_EXCLUDED, KNOWN, ERROR (each written when it
/// has a value) and VERDICT_F, EXPLANATION_F per formula. JSONL: the shape of
/// <see cref="MatchJson"/> with <c>record_number</c> and <c>line</c>; '+' in SMILES is written as
/// it is, never \u002B.
/// </remarks>
public sealed class ScreenWriter(TextWriter writer, string format, bool writeHeader)
{
    private bool started;

    /// <summary>The formulas screened, in column order (CSV); null to take them from the first matched result.</summary>
    public IReadOnlyList<string>? Formulas { get; set; }

    public static string FormatOf(string? path) => Path.GetExtension(path ?? string.Empty).ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".sdf" or ".sd" => "sdf",
        _ => "jsonl",
    };

    /// <summary>The extensions each format is written under (the first is the usual one).</summary>
    public static IReadOnlyDictionary<string, string[]> Extensions { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["jsonl"] = [".jsonl"],
        ["csv"] = [".csv"],
        ["sdf"] = [".sdf", ".sd"],
    };

    public void Start()
    {
        if (Formulas is not null)
        {
            Header();
        }
    }

    public void Write(ScreenResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (!started)
        {
            Formulas ??= r.Match?.Formulas.Select(f => f.FormulaId).ToList();
            Header();
        }

        var formulas = Formulas ?? [];
        switch (format)
        {
            case "csv":
                var fields = new List<string>
                {
                    r.Id, r.File, Number(r.Record.RecordNumber), Number(r.Record.LineNumber), r.Smiles,
                    string.Join(" ", r.Match?.Within ?? []), string.Join(" ", r.Match?.Undetermined ?? []),
                    string.Join(" ", MatchJson.NotExcluded(r.Match)), r.Known ?? string.Empty, r.Error ?? string.Empty,
                };
                foreach (var f in formulas)
                {
                    var m = r.Match?.Formulas.FirstOrDefault(x => x.FormulaId == f);
                    fields.Add(m is null ? string.Empty : MatchJson.VerdictText(m.Verdict));
                    fields.Add(m is null ? string.Empty : m.Explanation);
                }

                writer.WriteLine(string.Join(",", fields.Select(MatchCsv.Quote)));
                break;
            case "sdf":
                writer.Write(Titled(r.MolBlock, r.Id));
                Field("ID", r.Id);
                Field("SOURCE", $"{r.File}: {r.Record.Location}");
                Field("FILE", r.File);
                Field("RECORD", Number(r.Record.RecordNumber));
                Field("LINE", Number(r.Record.LineNumber));
                Field("WITHIN", string.Join(" ", r.Match?.Within ?? []));
                if (r.Match is { Undetermined.Count: > 0 } u)
                {
                    Field("UNDETERMINED", string.Join(" ", u.Undetermined));
                }

                if (MatchJson.NotExcluded(r.Match) is { Count: > 0 } open)
                {
                    Field("NOT_EXCLUDED", string.Join(" ", open));
                }

                if (r.Known is not null)
                {
                    Field("KNOWN", r.Known);
                }

                if (r.Error is not null)
                {
                    Field("ERROR", r.Error);
                }

                foreach (var f in r.Match?.Formulas ?? [])
                {
                    Field("VERDICT_" + f.FormulaId, MatchJson.VerdictText(f.Verdict));
                    Field("EXPLANATION_" + f.FormulaId, f.Explanation);
                }

                writer.Write("$$$$\n");
                break;
            default:
                writer.WriteLine(MatchJson.Line(r.Id, $"{r.File}: {r.Record.Location}", r.Smiles, r.Match, r.Error, r.Known, r.Record.RecordNumber, r.Record.LineNumber));
                break;
        }
    }

    private void Header()
    {
        if (started)
        {
            return;
        }

        started = true;
        if (writeHeader && format == "csv")
        {
            writer.WriteLine(string.Join(",", new[] { "id", "file", "record", "line", "smiles", "within", "undetermined", "not_excluded", "known", "error" }
                .Concat((Formulas ?? []).SelectMany(f => new[] { "verdict_" + f, "explanation_" + f })).Select(MatchCsv.Quote)));
        }
    }

    // The molblock with the id as its title line (RDKit leaves it empty); a record with no structure gets an empty one.
    private static string Titled(string? molBlock, string id)
    {
        var block = molBlock ?? "\n  no structure\n\n  0  0  0  0  0  0  0  0  0  0999 V2000\nM  END\n";
        var firstLine = block.IndexOf('\n', StringComparison.Ordinal);
        return id.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + (firstLine < 0 ? "\n" : block[firstLine..]);
    }

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    private void Field(string name, string value) => writer.Write(string.Create(CultureInfo.InvariantCulture, $"> <{name}>\n{value.Replace("\n", " ", StringComparison.Ordinal)}\n\n"));
}
