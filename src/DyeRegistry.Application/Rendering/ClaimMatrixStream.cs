using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DyeRegistry.Application.Scope;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Claims.Model;

namespace DyeRegistry.Application.Rendering;

/// <summary>
/// Writes the portfolio matrix as it is produced, pair by pair, never holding it: text and json
/// byte for byte as the per-pair matrix (<see cref="ClaimMatrixRendering"/>) wrote them, jsonl
/// (one JSON object a line: a header, then each medium, each pair, each failure) and csv (one row
/// per medium and per pair, a column per claim). Pair fragments are built once per verdict pattern.
/// </summary>
public sealed class ClaimMatrixStream(MatrixView view, TextWriter w)
{
    /// <summary>The matrix formats of <c>dyereg scope --matrix --format</c>.</summary>
    public static readonly string[] Formats = ["text", "json", "jsonl", "csv", "html"];

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Dictionary<ClaimVerdict[], string> fragments = new(ReferenceEqualityComparer.Instance);

    public void Write(string format, Action<long>? progress = null)
    {
        switch (format)
        {
            case "json": Json(progress); break;
            case "jsonl": Lines(progress); break;
            case "csv": Csv(progress); break;
            case "html": MatrixHeatMap.Write(w, view); break;
            default: Text(progress); break;
        }
    }

    private IEnumerable<(MatrixInk Ink, MatrixMedium Medium, ClaimVerdict[]? Verdicts, string? Failure)> Pairs(Action<long>? progress)
    {
        long n = 0;
        foreach (var i in view.Inks)
        {
            foreach (var m in view.Media)
            {
                var failure = MatrixEngine.Failure(i, m);
                yield return (i, m, failure is null ? view.Engine.Verdicts(i, m) : null, failure);
            }

            n += view.Media.Count;
            progress?.Invoke(n);
        }
    }

    private void Text(Action<long>? progress)
    {
        var media = view.Media.Where(m => m.Failure is null).ToList();
        w.WriteLine($"Medium claims ({media.Count} media):");
        foreach (var m in media)
        {
            w.WriteLine($"  {m.Record.Id}: {ClaimMatrixRendering.Summary(m.Claims.Select(c => c.Claim).Where(view.Shown))}");
        }

        w.WriteLine($"Recording-method claims ({view.PairCount} ink x medium pairs):");
        foreach (var (i, m, verdicts, _) in Pairs(progress))
        {
            if (verdicts is not null)
            {
                w.Write("  ");
                w.Write(i.Record.Id);
                w.Write(" x ");
                w.Write(m.Record.Id);
                w.Write(": ");
                w.WriteLine(Fragment(verdicts, v => ClaimMatrixRendering.Summary(view.PairResults(v).Where(view.Shown))));
            }
        }

        Sensitivity(progress: null);
    }

    private void Json(Action<long>? progress)
    {
        w.Flush();
        var options = new JsonWriterOptions { Indented = true, Encoder = JsonText.Pretty.Encoder };
        using var buffer = new MemoryStream();
        using var json = new Utf8JsonWriter(buffer, options);
        void Drain()
        {
            json.Flush();
            w.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            buffer.SetLength(0);
        }

        var media = view.Media.Where(m => m.Failure is null).ToList();
        json.WriteStartObject();
        json.WriteString("schema", "dyeregistry/claim-matrix/1");
        json.WritePropertyName("readings");
        new JsonArray(media.Count == 0 ? [] : view.Engine.Choices.All.Select(r => (JsonNode?)JsonValue.Create(r.Describe())).ToArray()).WriteTo(json);
        json.WritePropertyName("media");
        json.WriteStartArray();
        foreach (var m in media)
        {
            ClaimMatrixRendering.MediumObject(m.Record, m.Claims.Select(c => c.Claim).Where(view.Shown)).WriteTo(json);
        }

        json.WriteEndArray();
        json.WritePropertyName("pairs");
        json.WriteStartArray();
        var failures = view.Media.Where(m => m.Failure is not null).Select(m => Failure(m)).ToList();
        foreach (var (i, m, verdicts, failure) in Pairs(progress))
        {
            if (verdicts is null)
            {
                failures.Add(failure!);
                continue;
            }

            ClaimMatrixRendering.PairObject(i.Record, m.Record, view.PairResults(verdicts).Where(view.Shown)).WriteTo(json);
            if (buffer.Length > 1 << 20)
            {
                Drain();
            }
        }

        json.WriteEndArray();
        json.WritePropertyName("failures");
        new JsonArray(failures.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()).WriteTo(json);
        json.WriteEndObject();
        Drain();
        w.Write("\n");
    }

    private void Lines(Action<long>? progress)
    {
        var header = new JsonObject
        {
            ["schema"] = "dyeregistry/claim-matrix-lines/1",
            ["readings"] = new JsonArray(view.Engine.Choices.All.Select(r => (JsonNode?)JsonValue.Create(r.Describe())).ToArray()),
            ["inks"] = view.Inks.Count,
            ["media"] = view.Media.Count,
            ["registry_change"] = view.RegistryChange,
        };
        w.Write(header.ToJsonString(Compact));
        w.Write('\n');
        foreach (var m in view.Media)
        {
            if (m.Failure is null)
            {
                var o = ClaimMatrixRendering.MediumObject(m.Record, m.Claims.Select(c => c.Claim).Where(view.Shown));
                if (view.Margins)
                {
                    o["margins"] = new JsonObject(m.Claims.Where(c => c.Margin is not null && view.Shown(c.Claim)).Select(c => KeyValuePair.Create(c.Claim.Claim.Id, (JsonNode?)JsonValue.Create(c.Margin!.Text))));
                }

                if (view.Sensitivity is { } s && s.MediumFlips(m).ToList() is { Count: > 0 } flips)
                {
                    o["flips"] = new JsonArray(flips.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
                }

                w.Write(o.ToJsonString(Compact));
                w.Write('\n');
            }
        }

        var inkText = new Dictionary<MatrixInk, string>(ReferenceEqualityComparer.Instance);
        var mediumText = view.Media.ToDictionary<MatrixMedium, MatrixMedium, string>(m => m, m => $",\"medium\":{Str(m.Record.Id)},\"medium_version\":{Num(m.Record.Version)},\"claims\":", ReferenceEqualityComparer.Instance);
        var failures = view.Media.Where(m => m.Failure is not null).Select(m => Failure(m)).ToList();
        foreach (var (i, m, verdicts, failure) in Pairs(progress))
        {
            if (verdicts is null)
            {
                failures.Add(failure!);
                continue;
            }

            if (!inkText.TryGetValue(i, out var prefix))
            {
                inkText.Clear(); // one ink's row at a time: memory stays flat
                prefix = inkText[i] = $"{{\"ink\":{Str(i.Record.Id)},\"ink_version\":{Num(i.Record.Version)}";
            }

            w.Write(prefix);
            w.Write(mediumText[m]);
            w.Write(Fragment(verdicts, v => Verdicts(view.PairResults(v).Where(view.Shown)).ToJsonString(Compact)));
            if (view.Margins)
            {
                w.Write(",\"margins\":");
                w.Write(MarginsObject(view.Engine.PairMargins(i, m)).ToJsonString(Compact));
            }

            if (view.Sensitivity is { } s && s.Flips(i, m) is { Count: > 0 } flips)
            {
                w.Write(",\"flips\":");
                w.Write(new JsonArray(flips.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()).ToJsonString(Compact));
            }

            w.Write("}\n");
        }

        foreach (var f in failures)
        {
            w.Write(new JsonObject { ["failure"] = f }.ToJsonString(Compact));
            w.Write('\n');
        }
    }

    private void Csv(Action<long>? progress)
    {
        var medium = view.Engine.Library.Claims.Where(c => c.Pairing != Pairing.InkAndMedium && view.Shown(new ClaimResult(c, string.Empty, ClaimVerdict.Within, null, [], []))).Select(c => c.Id).ToList();
        var pairing = view.Engine.Pairing.Claims.Where((c, k) => view.ShownPairing[k]).Select(c => c.Id).ToList();
        w.Write("ink,ink_version,medium,medium_version");
        foreach (var id in medium.Concat(pairing))
        {
            w.Write(',');
            w.Write(CsvText.Field(id));
        }

        w.Write('\n');
        var blanks = new string(',', pairing.Count);
        foreach (var m in view.Media.Where(m => m.Failure is null))
        {
            w.Write($",,{CsvText.Field(m.Record.Id)},{m.Record.Version}");
            var verdicts = m.Claims.ToDictionary(c => c.Claim.Claim.Id, c => Claims.Evaluation.Verdicts.Text(c.Claim.Verdict));
            foreach (var id in medium)
            {
                w.Write(',');
                w.Write(verdicts.GetValueOrDefault(id, string.Empty));
            }

            w.Write(blanks);
            w.Write('\n');
        }

        var leading = new string(',', medium.Count);
        foreach (var (i, m, verdicts, _) in Pairs(progress))
        {
            if (verdicts is null)
            {
                continue; // failures go to standard error
            }

            w.Write(CsvText.Field(i.Record.Id));
            w.Write(',');
            w.Write(i.Record.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.Write(',');
            w.Write(CsvText.Field(m.Record.Id));
            w.Write(',');
            w.Write(m.Record.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.Write(leading);
            w.Write(Fragment(verdicts, v => string.Concat(view.PairResults(v).Where(view.Shown).Select(c => "," + Claims.Evaluation.Verdicts.Text(c.Verdict)))));
            w.Write('\n');
        }
    }

    // With --sensitivity, the text matrix ends with each verdict that changes with a reading.
    private void Sensitivity(Action<long>? progress)
    {
        if (view.Sensitivity is not { } s)
        {
            return;
        }

        w.WriteLine($"Reading sensitivity (every option of every reading: {string.Join(", ", s.Alternatives)}):");
        var any = false;
        foreach (var m in view.Media.Where(m => m.Failure is null))
        {
            foreach (var f in s.MediumFlips(m))
            {
                w.WriteLine($"  {m.Record.Id}: {f}");
                any = true;
            }
        }

        foreach (var (i, m, verdicts, _) in Pairs(progress))
        {
            if (verdicts is not null)
            {
                foreach (var f in s.Flips(i, m))
                {
                    w.WriteLine($"  {i.Record.Id} x {m.Record.Id}: {f}");
                    any = true;
                }
            }
        }

        if (!any)
        {
            w.WriteLine("  no verdict changes with any reading");
        }
    }

    private string Fragment(ClaimVerdict[] verdicts, Func<ClaimVerdict[], string> make)
    {
        if (!fragments.TryGetValue(verdicts, out var text))
        {
            text = fragments[verdicts] = make(verdicts);
        }

        return text;
    }

    private static JsonObject Verdicts(IEnumerable<ClaimResult> claims)
    {
        var o = new JsonObject();
        foreach (var c in claims)
        {
            o[c.Claim.Id] = Claims.Evaluation.Verdicts.Text(c.Verdict);
        }

        return o;
    }

    private JsonObject MarginsObject(LimitationMargin?[] margins)
    {
        var o = new JsonObject();
        for (var k = 0; k < margins.Length; k++)
        {
            if (margins[k] is { } m && view.ShownPairing[k])
            {
                o[view.Engine.Pairing.Claims[k].Id] = m.Text;
            }
        }

        return o;
    }

    private static string Failure(MatrixMedium m) => $"medium {m.Record.Id} (version {m.Record.Version}): not evaluated: {m.Failure}";

    private static string Str(string s) => JsonValue.Create(s).ToJsonString(Compact);

    private static string Num(int? n) => n is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null";
}

/// <summary>CSV fields as spreadsheets read them: quoted when they hold a comma, quote or line break.</summary>
public static class CsvText
{
    public static string Field(string s) => s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
