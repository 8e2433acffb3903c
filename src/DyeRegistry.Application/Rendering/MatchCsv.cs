using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Application.Rendering;

/// <summary><c>--format csv</c>: id, record, smiles, within (space-separated), error, then one
/// verdict column per formula. Fields are quoted when they need it (RFC 4180).</summary>
public static class MatchCsv
{
    public static string Header(IEnumerable<string> formulas) =>
        string.Join(",", new[] { "id", "record", "smiles", "within", "error" }.Concat(formulas.Select(f => "verdict_" + f)));

    public static string Row(string id, string location, string smiles, CompoundMatch? match, string? error, IReadOnlyList<string> formulas)
    {
        var verdicts = formulas.Select(f => match?.Formulas.FirstOrDefault(x => x.FormulaId == f) is { } m ? MatchJson.VerdictText(m.Verdict) : string.Empty);
        return string.Join(",", new[] { id, location, smiles, match is null ? string.Empty : string.Join(" ", match.Within), error ?? string.Empty }
            .Concat(verdicts).Select(Quote));
    }

    /// <summary>A CSV field, quoted when it needs it (RFC 4180).</summary>
    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
