using System.Text.Json;
using DyeRegistry.Markush.Loading;
using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Application.Rendering;

/// <summary>
/// The JSON shape of one matched record (one line of <c>--format jsonl</c>):
/// <c>{"id", "record", "smiles", "matched_smiles", "within": [...], "error", "set_aside": [...],
/// "formulas": {"Y-I": {"verdict", "provenance", "version", "tautomer", "reading", "variant",
/// "assignment": {"A": {"state", "class", "classes", "smiles"}}, "closures", "central",
/// "counts", "violations", "nearest_misses", "explanation"}}}</c>.
/// </summary>
public static class MatchJson
{
    private static readonly JsonWriterOptions LineOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One record as one JSON line (the jsonl formats of match and screen).</summary>
    public static string Line(string id, string location, string smiles, CompoundMatch? match, string? error, string? known = null)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, LineOptions))
        {
            Write(w, id, location, smiles, match, error, known);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>As <see cref="Line(string, string, string, CompoundMatch?, string?, string?)"/>, with the
    /// record's number and first line as numbers (screen: <c>record_number</c>, <c>line</c>).</summary>
    public static string Line(string id, string location, string smiles, CompoundMatch? match, string? error, string? known, long recordNumber, long line)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, LineOptions))
        {
            Write(w, id, location, smiles, match, error, known, (recordNumber, line));
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter w, string id, string location, string smiles, CompoundMatch? match, string? error, string? known = null) =>
        Write(w, id, location, smiles, match, error, known, null);

    private static void Write(Utf8JsonWriter w, string id, string location, string smiles, CompoundMatch? match, string? error, string? known, (long Record, long Line)? position)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("record", location);
        if (position is { } at)
        {
            w.WriteNumber("record_number", at.Record);
            w.WriteNumber("line", at.Line);
        }

        w.WriteString("smiles", smiles);
        if (known is not null)
        {
            w.WriteString("known", known);
        }
        if (match is null)
        {
            w.WriteNull("matched_smiles");
            w.WriteStartArray("within");
            w.WriteEndArray();
            w.WriteString("error", error);
            w.WriteEndObject();
            return;
        }

        w.WriteString("matched_smiles", match.MatchedSmiles ?? smiles);
        w.WriteStartArray("within");
        foreach (var f in match.Within)
        {
            w.WriteStringValue(f);
        }

        w.WriteEndArray();
        if (match.Undetermined.Count > 0)
        {
            // Only when a search hit its limit: other records' output is as it was.
            w.WriteStartArray("undetermined");
            foreach (var f in match.Undetermined)
            {
                w.WriteStringValue(f);
            }

            w.WriteEndArray();
        }

        if (NotExcluded(match) is { Count: > 0 } open)
        {
            // (II): no structure encoded, so never within nor outside; said, never dropped.
            w.WriteStartArray("not_excluded");
            foreach (var f in open)
            {
                w.WriteStringValue(f);
            }

            w.WriteEndArray();
        }

        w.WriteNull("error");
        w.WriteStartArray("set_aside");
        foreach (var s in match.SetAside)
        {
            w.WriteStringValue(s);
        }

        w.WriteEndArray();
        w.WriteStartObject("formulas");
        foreach (var f in match.Formulas)
        {
            w.WriteStartObject(f.FormulaId);
            w.WriteString("verdict", VerdictText(f.Verdict));
            if (StatusNote(f.Verdict) is { } note)
            {
                w.WriteString("status", note);
            }

            w.WriteString("provenance", ProvenanceText.ToText(f.Provenance));
            w.WriteNumber("version", f.FormulaVersion);
            w.WriteString("tautomer", f.Tautomer);
            w.WriteString("reading", f.Reading);
            if (f.Best is { } e)
            {
                Embedding(w, e);
            }

            if (f.NearestMisses.Count > 1)
            {
                w.WriteStartArray("nearest_misses");
                foreach (var m in f.NearestMisses)
                {
                    w.WriteStartObject();
                    Embedding(w, m);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteString("explanation", f.Explanation);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The formulas whose verdict is "not excluded" ((II): no structure encoded).</summary>
    public static IReadOnlyList<string> NotExcluded(CompoundMatch? match) =>
        match is null ? [] : match.Formulas.Where(f => f.Verdict == FormulaVerdict.NotExcluded).Select(f => f.FormulaId).Order(StringComparer.Ordinal).ToList();

    /// <summary>Plain words for the verdicts of a formula whose structure is not encoded ((II)), else null.</summary>
    public static string? StatusNote(FormulaVerdict v) => v switch
    {
        FormulaVerdict.NotExcluded => "not excluded: this formula's structure is not encoded (the claim text does not give it), so it can be neither confirmed nor ruled out",
        FormulaVerdict.Excluded => "excluded: this formula's structure is not encoded, but the compound lacks what every compound of it has",
        _ => null,
    };

    public static string VerdictText(FormulaVerdict v) => v switch
    {
        FormulaVerdict.Within => "within",
        FormulaVerdict.NotWithin => "not within",
        FormulaVerdict.Excluded => "excluded",
        FormulaVerdict.Undetermined => "undetermined",
        _ => "not excluded",
    };

    private static void Embedding(Utf8JsonWriter w, EmbeddingReport e)
    {
        w.WriteString("variant", e.Variant);
        w.WriteStartObject("assignment");
        foreach (var s in e.Slots)
        {
            w.WriteStartObject(s.Slot);
            w.WriteString("state", s.State switch { SlotState.Absent => "absent", SlotState.Hydrogen => "hydrogen", _ => "substituent" });
            w.WriteString("class", s.AllowedAs);
            w.WriteStartArray("classes");
            foreach (var c in s.Classes)
            {
                w.WriteStringValue(c);
            }

            w.WriteEndArray();
            w.WriteString("smiles", s.SubstituentSmiles);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartArray("closures");
        foreach (var c in e.Closures)
        {
            w.WriteStartObject();
            w.WriteString("between", $"{c.SlotA}-{c.SlotB}");
            w.WriteNumber("ring_size", c.RingSize);
            w.WriteBoolean("allowed", c.Allowed);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (e.Central is { } m)
        {
            w.WriteStartObject("central");
            w.WriteString("m", m.Description);
            w.WriteString("kind", m.Kind.ToString());
            w.WriteString("bonding", m.Bonding);
            w.WriteEndObject();
        }

        if (e.Counts is { } counts)
        {
            w.WriteStartArray("counts");
            foreach (var n in counts)
            {
                w.WriteNumberValue(n);
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("violations");
        foreach (var v in e.Violations)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
