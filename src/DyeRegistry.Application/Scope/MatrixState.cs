using System.Text.Json;
using System.Text.Json.Nodes;
using DyeRegistry.Claims;
using DyeRegistry.Claims.Evaluation;

namespace DyeRegistry.Application.Scope;

/// <summary>
/// A stored matrix (<c>dyereg scope --matrix --state FILE</c>): what the incremental run
/// (<c>--since VERSION</c>) reuses for the records that did not change: each ink's and medium's
/// side verdicts and margins, each medium's claim verdicts, with the record versions (an ink's
/// components' too), the registry change count it was made at, and the readings and claim files
/// it was made under (a state made under others is refused). JSON lines.
/// </summary>
public static class MatrixState
{
    private const string Schema = "dyeregistry/matrix-state/1";
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>What the state was made under: readings as applied, and every claim with its limitations (ids).</summary>
    public static string Basis(MatrixEngine engine) =>
        string.Join("; ", engine.Choices.All.Select(r => $"{r.Reading.Id}={r.Option.Id}{(r.CustomThreshold is { } t ? "@" + t : string.Empty)}")) + " | " +
        string.Join(" ", engine.Library.Claims.Select(c => $"{c.Id}[{string.Join(",", c.Limitations.Select(l => l.Id))}]"));

    public static void Write(string path, MatrixEngine engine, int registryChange, IReadOnlyList<MatrixInk> inks, IReadOnlyList<MatrixMedium> media)
    {
        var temp = path + ".tmp";
        using (var w = new StreamWriter(temp))
        {
            w.Write(new JsonObject { ["schema"] = Schema, ["registry_change"] = registryChange, ["basis"] = Basis(engine) }.ToJsonString(Options) + "\n");
            foreach (var i in inks)
            {
                w.Write(new JsonObject
                {
                    ["ink"] = i.Record.Id,
                    ["version"] = i.Record.Version,
                    ["components"] = new JsonArray(i.ComponentVersions.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
                    ["side"] = Side(i.Side),
                    ["margins"] = JsonSerializer.SerializeToNode(i.Margins, Options),
                    ["failure"] = i.Failure,
                }.ToJsonString(Options) + "\n");
            }

            foreach (var m in media)
            {
                w.Write(new JsonObject
                {
                    ["medium"] = m.Record.Id,
                    ["version"] = m.Record.Version,
                    ["claims"] = new JsonArray(m.Claims.Select(c => (JsonNode?)new JsonObject { ["id"] = c.Claim.Claim.Id, ["verdict"] = (int)c.Claim.Verdict, ["margin"] = JsonSerializer.SerializeToNode(c.Margin, Options) }).ToArray()),
                    ["side"] = Side(m.Side),
                    ["margins"] = JsonSerializer.SerializeToNode(m.Margins, Options),
                    ["failure"] = m.Failure,
                }.ToJsonString(Options) + "\n");
            }
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>A stored state, read back: the rows by record id (the records themselves come from the registry).</summary>
    public sealed record Stored(int RegistryChange, Dictionary<string, JsonObject> Inks, Dictionary<string, JsonObject> Media);

    public static Stored Read(string path, MatrixEngine engine)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"--state {path}: no such file (a full 'dyereg scope --matrix --state {path}' run writes it)");
        }

        var inks = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var media = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        int? change = null;
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            var o = (JsonNode.Parse(text) as JsonObject) ?? throw new ArgumentException($"{path}:{line}: expected a JSON object");
            if (line == 1)
            {
                if (o["schema"]?.GetValue<string>() != Schema)
                {
                    throw new ArgumentException($"{path}:1: schema: expected {Schema}");
                }

                if (o["basis"]?.GetValue<string>() != Basis(engine))
                {
                    throw new ArgumentException($"{path}: the stored matrix was made under other readings or claim files; run the full matrix again");
                }

                change = o["registry_change"]!.GetValue<int>();
                continue;
            }

            if (o["ink"] is { } i)
            {
                inks[i.GetValue<string>()] = o;
            }
            else if (o["medium"] is { } m)
            {
                media[m.GetValue<string>()] = o;
            }
        }

        return new Stored(change ?? throw new ArgumentException($"{path}: empty"), inks, media);
    }

    public static MatrixInk Ink(JsonObject o, ScopeRecord record) => new(
        record,
        o["components"]!.AsArray().Select(v => v!.GetValue<string>()).ToList(),
        Side(o["side"]!.GetValue<string>()),
        o["margins"].Deserialize<List<LimitationMargin>[]>(Options)!,
        o["failure"]?.GetValue<string>());

    public static MatrixMedium Medium(JsonObject o, ScopeRecord record, ClaimLibrary library) => new(
        record,
        o["claims"]!.AsArray().Select(c =>
        {
            var claim = library.Find(c!["id"]!.GetValue<string>())!;
            return new MediumClaimVerdict(new ClaimResult(claim, library.Set(claim.Patent)!.Title, (ClaimVerdict)c["verdict"]!.GetValue<int>(), null, [], []), c["margin"].Deserialize<LimitationMargin?>(Options));
        }).ToList(),
        Side(o["side"]!.GetValue<string>()),
        o["margins"].Deserialize<List<LimitationMargin>[]>(Options)!,
        o["failure"]?.GetValue<string>());

    public static int? Version(JsonObject o) => o["version"]?.GetValue<int?>();

    private static string Side(LimitationVerdict[] side) => string.Concat(side.Select(v => (char)('0' + (int)v)));

    private static LimitationVerdict[] Side(string text) => [.. text.Select(ch => (LimitationVerdict)(ch - '0'))];
}
