using System.Globalization;
using DyeRegistry.Application.Rendering;
using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Application.Screening;

/// <summary>Writes screening results in the format the output file's extension names: .csv,
/// .jsonl or .sdf (standard output: jsonl).</summary>
public sealed class ScreenWriter(TextWriter writer, string format, bool writeHeader)
{
    public static string FormatOf(string? path) => Path.GetExtension(path ?? string.Empty).ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".sdf" or ".sd" => "sdf",
        _ => "jsonl",
    };

    public void Start()
    {
        if (writeHeader && format == "csv")
        {
            writer.WriteLine("id,file,record,smiles,within,known,error,explanation");
        }
    }

    public void Write(ScreenResult r)
    {
        switch (format)
        {
            case "csv":
                var explanation = (r.Match?.Formulas.FirstOrDefault(f => f.IsWithin) ?? r.Match?.Formulas.FirstOrDefault(f => f.Verdict == FormulaVerdict.Undetermined))?.Explanation ?? string.Empty;
                writer.WriteLine(string.Join(",", new[] { r.Id, r.File, r.Record.Location, r.Smiles, string.Join(" ", r.Match?.Within ?? []), r.Known ?? string.Empty, r.Error ?? string.Empty, explanation }.Select(MatchCsv.Quote)));
                break;
            case "sdf":
                writer.Write(r.MolBlock ?? "\n  no structure\n\n  0  0  0  0  0  0  0  0  0  0999 V2000\nM  END\n");
                Field("ID", r.Id);
                Field("SOURCE", $"{r.File}: {r.Record.Location}");
                Field("WITHIN", string.Join(" ", r.Match?.Within ?? []));
                if (r.Match is { Undetermined.Count: > 0 } m)
                {
                    Field("UNDETERMINED", string.Join(" ", m.Undetermined));
                }

                if (r.Known is not null)
                {
                    Field("KNOWN", r.Known);
                }

                if (r.Error is not null)
                {
                    Field("ERROR", r.Error);
                }

                foreach (var f in r.Match?.Formulas.Where(f => f.IsWithin || f.Verdict == FormulaVerdict.Undetermined) ?? [])
                {
                    Field("EXPLANATION_" + f.FormulaId, f.Explanation);
                }

                writer.Write("$$$$\n");
                break;
            default:
                writer.WriteLine(MatchJson.Line(r.Id, $"{r.File}: {r.Record.Location}", r.Smiles, r.Match, r.Error, r.Known));
                break;
        }
    }

    private void Field(string name, string value) => writer.Write(string.Create(CultureInfo.InvariantCulture, $"> <{name}>\n{value.Replace("\n", " ", StringComparison.Ordinal)}\n\n"));
}
