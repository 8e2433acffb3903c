using DyeRegistry.Markush.Loading;
using System.Text.Json.Nodes;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Claims.Model;
using DyeRegistry.Application.Charts;

namespace DyeRegistry.Application.Rendering;

/// <summary>
/// A claim chart as JSON, schema <c>dyeregistry/claim-chart/1</c> (documented in
/// docs/claim-chart.md): per claim <c>patent</c>, <c>claim</c>, <c>parent</c>, <c>verdict</c>
/// (within / outside / undetermined), per limitation <c>text</c>, <c>verdict</c> (met / not met /
/// unknown) and <c>evidence</c>, with the readings, claim sets, formulas and record versions used.
/// </summary>
public static class ClaimChartJson
{
    public const string Schema = "dyeregistry/claim-chart/1";

    /// <summary>The chart with its citable header (issue 21: who made it, when, with which version,
    /// the patents, and what the chart is and is not) and, per claim, the sentence that decides
    /// it and which limitations decide it.</summary>
    public static JsonObject Chart(ClaimChartView view)
    {
        var json = Chart(view.Chart, c => view.Patents.Any(p => p.Claims.Any(x => x.Result == c)));
        var h = view.Header;
        json["header"] = new JsonObject
        {
            ["title"] = h.Title,
            ["patents"] = Array(h.Patents.Select(s => new JsonObject
            {
                ["patent"] = s.Patent,
                ["title"] = s.Document.Title,
                ["claims"] = s.Document.Claims,
                ["publication"] = s.Document.Publication,
                ["applicant"] = s.Document.Applicant,
                ["claim_set_version"] = s.Version,
            })),
            ["records"] = Array(h.Records.Select(r => new JsonObject { ["id"] = r.Id, ["kind"] = r.Kind.ToString().ToLowerInvariant(), ["version"] = r.Version })),
            ["readings"] = Strings(h.Readings.Select(r => r.Describe())),
            ["product_version"] = h.ProductVersion,
            ["generated"] = h.Generated.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["author"] = h.Author,
            ["statement"] = ChartHeader.Statement,
        };
        var views = view.Patents.SelectMany(p => p.Claims).ToDictionary(c => c.Claim.Id);
        foreach (var c in json["claims"]!.AsArray().OfType<JsonObject>())
        {
            var v = views[c["id"]!.GetValue<string>()];
            c["decides"] = v.Decides;
            c["adds"] = v.Adds;
            c["claim_text"] = v.Claim.Text;
            foreach (var l in c["limitations"]!.AsArray().OfType<JsonObject>())
            {
                var row = v.Result.Limitations.First(x => x.Limitation.Id == l["id"]!.GetValue<string>() && x.Claim == l["stated_in"]!.GetValue<string>());
                l["deciding"] = v.Deciding.Contains(row);
            }
        }

        return json;
    }

    public static JsonObject Chart(ClaimChart chart, Func<ClaimResult, bool> shown) => new()
    {
        ["schema"] = Schema,
        ["subject"] = new JsonObject { ["medium"] = chart.Subject.Medium.Id, ["ink"] = chart.Subject.Ink?.Id },
        ["records"] = Array(chart.Records.Select(r => new JsonObject
        {
            ["id"] = r.Id,
            ["kind"] = r.Kind.ToString().ToLowerInvariant(),
            ["version"] = r.Version,
            ["origin"] = r.Origin,
        })),
        ["readings"] = Array(chart.Readings.Select(r => new JsonObject
        {
            ["id"] = r.Reading.Id,
            ["term"] = r.Reading.Term,
            ["option"] = r.Option.Id,
            ["default"] = r.IsDefault,
            ["provenance"] = ProvenanceText.ToText(r.Option.Provenance),
            ["text"] = r.Describe(),
            ["threshold"] = r.Threshold,
            ["unit"] = r.Option.Unit,
        })),
        ["claim_sets"] = Array(chart.Sets.Select(s => new JsonObject
        {
            ["patent"] = s.Patent,
            ["title"] = s.Title,
            ["version"] = s.Version,
            ["provenance"] = ProvenanceText.ToText(s.Provenance),
            ["source"] = s.Source,
            ["document"] = Document(s.Document),
        })),
        ["formulas"] = Array(chart.Formulas.Select(f => new JsonObject
        {
            ["id"] = f.Id,
            ["name"] = f.Name,
            ["version"] = f.Version,
            ["provenance"] = ProvenanceText.ToText(f.Provenance),
            ["source"] = f.Source,
            ["document"] = Document(f.Document),
        })),
        ["claims"] = Array(chart.Claims.Where(shown).Select(Claim)),
    };

    // The patent document a claim set or formula comes from, in the reader's words.
    private static JsonObject Document(Markush.Model.PatentDocument d) => new()
    {
        ["title"] = d.Title,
        ["claims"] = d.Claims,
        ["publication"] = d.Publication,
        ["applicant"] = d.Applicant,
        ["claim"] = d.Claim,
        ["source_text"] = d.SourceText,
    };

    public static JsonObject Claim(ClaimResult c) => ClaimChartAdditions.Json(new()
    {
        ["patent"] = c.Claim.Patent,
        ["claim"] = c.Claim.Number,
        ["id"] = c.Claim.Id,
        ["title"] = c.Title,
        ["parent"] = c.Claim.Parent,
        ["includes"] = Array(c.Claim.Includes.Select(i => JsonValue.Create(i))),
        ["pairing"] = Pairing(c.Claim.Pairing),
        ["verdict"] = Verdicts.Text(c.Verdict),
        ["parent_verdict"] = c.ParentVerdict is { } p ? Verdicts.Text(p) : null,
        ["limitations"] = Array(c.Limitations.Select(Limitation)),
        ["deciding"] = Array(c.Deciding.Select(d => new JsonObject
        {
            ["claim"] = d.Claim,
            ["limitation"] = d.Limitation,
            ["text"] = d.Text,
            ["verdict"] = Verdicts.Text(d.Verdict),
            ["what"] = Strings(d.What),
        })),
    }, c);

    public static string Pairing(Pairing p) => p switch
    {
        Claims.Model.Pairing.Medium => "medium",
        Claims.Model.Pairing.MediumWithProduction => "medium-with-production",
        _ => "ink-and-medium",
    };

    private static JsonObject Limitation(LimitationResult l) => new()
    {
        ["id"] = l.Limitation.Id,
        ["stated_in"] = l.Claim,
        ["text"] = l.Limitation.Text,
        ["words"] = Strings(l.Limitation.Words),
        ["verdict"] = Verdicts.Text(l.Verdict),
        ["reason"] = l.Reason,
        ["detail"] = l.Detail,
        ["evidence"] = Array(l.Evidence.Select(e => new JsonObject
        {
            ["label"] = e.Label,
            ["record"] = e.Record,
            ["record_version"] = e.RecordVersion,
            ["field"] = e.Field,
            ["value"] = e.Value,
            ["plus_minus"] = e.PlusMinus,
            ["low"] = e.Low,
            ["high"] = e.High,
            ["unit"] = e.Unit,
            ["source"] = e.Source,
            ["method"] = e.Method,
        })),
        ["needs"] = Strings(l.Needs),
        ["changes"] = Strings(l.Changes),
        ["warnings"] = Strings(l.Warnings),
        ["dyes"] = Array(l.Dyes.Select(d => new JsonObject
        {
            ["dye"] = d.Dye,
            ["formula"] = d.FormulaId,
            ["formula_version"] = d.FormulaVersion,
            ["formula_provenance"] = ProvenanceText.ToText(d.FormulaProvenance),
            ["verdict"] = d.Verdict,
            ["explanation"] = d.Explanation,
            ["tautomer"] = d.Tautomer,
        })),
    };

    private static JsonArray Strings(IEnumerable<string> items) => Array(items.Select(s => JsonValue.Create(s)));

    private static JsonArray Array(IEnumerable<JsonNode?> items) => new(items.ToArray());
}
