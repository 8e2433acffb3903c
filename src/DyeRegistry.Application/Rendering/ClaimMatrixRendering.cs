using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Claims.Model;

namespace DyeRegistry.Application.Rendering;

/// <summary>
/// The portfolio matrix (<c>dyereg scope --matrix</c>): the medium claims of every medium, and
/// the recording-method claims of every ink x medium, one verdict per claim. Schema
/// <c>dyeregistry/claim-matrix/1</c> for JSON.
/// </summary>
public static class ClaimMatrixRendering
{
    public static void Text(TextWriter w, IReadOnlyList<ClaimChart> media, IReadOnlyList<ClaimChart> pairs, Func<ClaimResult, bool> shown)
    {
        w.WriteLine($"Medium claims ({media.Count} media):");
        foreach (var c in media)
        {
            w.WriteLine($"  {c.Subject.Medium.Id}: {Summary(c.Claims.Where(shown))}");
        }

        w.WriteLine($"Recording-method claims ({pairs.Count} ink x medium pairs):");
        foreach (var c in pairs)
        {
            w.WriteLine($"  {c.Subject.Ink!.Id} x {c.Subject.Medium.Id}: {Summary(MethodClaims(c).Where(shown))}");
        }
    }

    public static JsonObject Json(IReadOnlyList<ClaimChart> media, IReadOnlyList<ClaimChart> pairs, Func<ClaimResult, bool> shown, IReadOnlyList<string>? failures = null) => new()
    {
        ["schema"] = "dyeregistry/claim-matrix/1",
        ["readings"] = new JsonArray(media.FirstOrDefault()?.Readings.Select(r => (JsonNode?)JsonValue.Create(r.Describe())).ToArray() ?? []),
        ["media"] = new JsonArray(media.Select(c => (JsonNode?)MediumObject(c.Subject.Medium, c.Claims.Where(shown))).ToArray()),
        ["pairs"] = new JsonArray(pairs.Select(c => (JsonNode?)PairObject(c.Subject.Ink!, c.Subject.Medium, MethodClaims(c).Where(shown))).ToArray()),
        ["failures"] = new JsonArray((failures ?? []).Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
    };

    /// <summary>One medium's entry: id, version and its medium claims' verdicts.</summary>
    public static JsonObject MediumObject(ScopeRecord medium, IEnumerable<ClaimResult> claims) => new()
    {
        ["medium"] = medium.Id,
        ["medium_version"] = medium.Version,
        ["claims"] = Verdicts(claims),
    };

    /// <summary>One pair's entry: ink, medium, their versions and the recording-method claims' verdicts.</summary>
    public static JsonObject PairObject(ScopeRecord ink, ScopeRecord medium, IEnumerable<ClaimResult> claims) => new()
    {
        ["ink"] = ink.Id,
        ["ink_version"] = ink.Version,
        ["medium"] = medium.Id,
        ["medium_version"] = medium.Version,
        ["claims"] = Verdicts(claims),
    };

    public static string Html(IReadOnlyList<ClaimChart> media, IReadOnlyList<ClaimChart> pairs, Func<ClaimResult, bool> shown, DateTimeOffset generated, string version)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Claim matrix</title><style>");
        h.Append("body{font-family:system-ui,sans-serif;margin:2em;color:#1d2330} table{border-collapse:collapse;margin:.5em 0 2em} td,th{border:1px solid #d5d9e2;padding:.2em .35em;font-size:.85em;text-align:center}");
        h.Append("th.row{text-align:left} .within{background:#bfe6c9} .outside{background:#f5c6c3} .undetermined{background:#ffe59a} .meta{color:#556}");
        h.Append("</style></head><body>\n");
        h.Append($"<h1>Claim matrix</h1><p class=\"meta\">Generated {generated:yyyy-MM-dd HH:mm} UTC by dyereg {E(version)}. W within, U undetermined, O outside. Readings: {E(string.Join("; ", media.FirstOrDefault()?.Readings.Select(r => r.Describe()) ?? []))}</p>\n");
        Table(h, "Medium claims", media.Select(c => (c.Subject.Medium.Id, (IEnumerable<ClaimResult>)c.Claims.Where(shown).ToList())).ToList());
        Table(h, "Recording-method claims (ink x medium)", pairs.Select(c => ($"{c.Subject.Ink!.Id} x {c.Subject.Medium.Id}", (IEnumerable<ClaimResult>)MethodClaims(c).Where(shown).ToList())).ToList());
        h.Append("</body></html>\n");
        return h.ToString();
    }

    private static IEnumerable<ClaimResult> MethodClaims(ClaimChart c) => c.Claims.Where(r => r.Claim.Pairing == Pairing.InkAndMedium);

    private static void Table(StringBuilder h, string title, IReadOnlyList<(string Row, IEnumerable<ClaimResult> Claims)> rows)
    {
        h.Append($"<h2>{E(title)}</h2>");
        if (rows.Count == 0)
        {
            h.Append("<p>none</p>");
            return;
        }

        var columns = rows[0].Claims.Select(c => c.Claim.Id).ToList();
        h.Append("<table><tr><th></th>").Append(string.Concat(columns.Select(c => $"<th>{E(c)}</th>"))).Append("</tr>\n");
        foreach (var (row, claims) in rows)
        {
            h.Append($"<tr><th class=\"row\">{E(row)}</th>");
            foreach (var c in claims)
            {
                var v = Claims.Evaluation.Verdicts.Text(c.Verdict);
                h.Append($"<td class=\"{v}\" title=\"{E(c.Claim.Id)}: {v}\">{char.ToUpperInvariant(v == "outside" ? 'O' : v[0])}</td>");
            }

            h.Append("</tr>\n");
        }

        h.Append("</table>\n");
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

    /// <summary>"within 000:1-16; outside 002:1-20": the verdicts of a set of claims, grouped.</summary>
    public static string Summary(IEnumerable<ClaimResult> claims)
    {
        var list = claims.ToList();
        return string.Join("; ", new[] { ClaimVerdict.Within, ClaimVerdict.Undetermined, ClaimVerdict.Outside }
            .Select(v => (v, claims: list.Where(c => c.Verdict == v).ToList()))
            .Where(x => x.claims.Count > 0)
            .Select(x => $"{Claims.Evaluation.Verdicts.Text(x.v)} {Ranges(x.claims)}"));
    }

    /// <summary>"000:1-16, 002:3,5": runs of consecutive claims of one patent written as ranges.</summary>
    private static string Ranges(IEnumerable<ClaimResult> claims) =>
        string.Join(", ", claims.GroupBy(c => c.Claim.Patent).Select(g =>
        {
            var runs = new List<string>();
            var numbers = g.Select(c => c.Claim.Number).Order().ToList();
            for (var i = 0; i < numbers.Count;)
            {
                var j = i;
                while (j + 1 < numbers.Count && numbers[j + 1] == numbers[j] + 1)
                {
                    j++;
                }

                runs.Add(j == i ? $"{numbers[i]}" : $"{numbers[i]}-{numbers[j]}");
                i = j + 1;
            }

            return $"{g.Key}:{string.Join(",", runs)}";
        }));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
