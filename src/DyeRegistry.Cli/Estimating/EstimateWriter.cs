using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DyeRegistry.Chemistry.IO;
using DyeRegistry.Estimates.Solubility;

namespace DyeRegistry.Cli.Estimating;

/// <summary>One output row of <c>dyereg estimate solubility</c>: an estimate, or why there is none.</summary>
internal sealed record EstimateRow(StructureRecord Record, SolubilityEstimate? Estimate, string? Error);

/// <summary>Writes estimate rows as JSON lines or CSV (one header row), in input order.</summary>
internal sealed class EstimateWriter(TextWriter output, bool csv)
{
    public const string OutsideDomain = "outside the model's domain";

    private static readonly string[] Columns =
    [
        "record", "line", "id", "log_s", "log_s_low", "log_s_high", "coverage", "g_per_100g_water",
        "g_per_100g_water_low", "g_per_100g_water_high", "nearest_similarity", "domain", "model_version", "error",
    ];

    // "1.0.0+abc" and "model's" as written, not \u002B and \u0027 (the output is no HTML).
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private bool headerWritten;

    public void Write(EstimateRow row)
    {
        if (csv)
        {
            if (!headerWritten)
            {
                output.WriteLine(string.Join(',', Columns));
                headerWritten = true;
            }

            var e = row.Estimate;
            string[] cells =
            [
                row.Record.RecordNumber.ToString(CultureInfo.InvariantCulture), row.Record.LineNumber.ToString(CultureInfo.InvariantCulture), row.Record.Id ?? "",
                Number(e?.LogS), Number(e?.LogSLow), Number(e?.LogSHigh), Number(e?.CoverageLevel),
                Number(e?.GramsPer100GramsWater), Number(e?.GramsLow), Number(e?.GramsHigh), Number(e?.NearestSimilarity),
                e is null ? "" : Domain(e), e?.ModelVersion ?? "", row.Error ?? "",
            ];
            output.WriteLine(string.Join(',', cells.Select(Cell)));
            return;
        }

        var o = new JsonObject
        {
            ["record"] = row.Record.RecordNumber,
            ["line"] = row.Record.LineNumber,
            ["id"] = row.Record.Id,
        };
        if (row.Estimate is { } est)
        {
            o["logS"] = est.LogS;
            o["logSInterval"] = new JsonArray(est.LogSLow, est.LogSHigh);
            o["coverage"] = est.CoverageLevel;
            o["gPer100gWater"] = est.GramsPer100GramsWater;
            o["gPer100gWaterInterval"] = new JsonArray(est.GramsLow, est.GramsHigh);
            o["nearestSimilarity"] = est.NearestSimilarity;
            o["inDomain"] = est.InDomain;
            o["domain"] = Domain(est);
            o["modelVersion"] = est.ModelVersion;
        }
        else
        {
            o["error"] = row.Error;
        }

        output.WriteLine(o.ToJsonString(JsonOptions));
    }

    private static string Domain(SolubilityEstimate e) => e.InDomain ? "inside" : OutsideDomain;

    private static string Number(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? "";

    private static string Cell(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
