using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DyeRegistry.Application.Accounts;

namespace DyeRegistry.Server.Tests;

/// <summary>POST /api/v1/import: each format through the import use case with dyereg import's
/// per-record report, the dry run, the roles, and bad files refused as problem details.</summary>
public class ImportEndpointTests
{
    // Methyl orange as the free acid and as its sodium salt: one standardized parent.
    private const string Acid = "CN(C)c1ccc(/N=N/c2ccc(S(=O)(=O)O)cc2)cc1";
    private const string Salt = "CN(C)c1ccc(/N=N/c2ccc(S(=O)(=O)[O-])cc2)cc1.[Na+]";

    private static string Molfile(string element) => $"""

          test

          3  2  0  0  0  0  0  0  0  0999 V2000
            0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0
            1.2990    0.7500    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0
            2.5981    0.0000    0.0000 {element,-3} 0  0  0  0  0  0  0  0  0  0  0  0
          1  2  1  0
          2  3  1  0
        M  END
        """;

    public static readonly string Sdf =
        "E-SDF-1" + Molfile("O") + "\n> <NAME>\nethanol as a dye\n\n> <VENDOR>\nAcme\n\n$$$$\n" +
        "E-SDF-2" + Molfile("Xx") + "\n> <NAME>\nbroken\n\n$$$$\n";

    private static async Task<(HttpStatusCode Status, JsonObject Body, string? MediaType)> PostAsync(HttpClient client, string query, string body, string contentType = "text/plain")
    {
        var response = await client.PostAsync("/api/v1/import" + query, new StringContent(body, Encoding.UTF8, contentType));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject(), response.Content.Headers.ContentType?.MediaType);
    }

    private static string StatusOf(JsonObject report, string id) =>
        (string)report["records"]!.AsArray().Single(r => (string?)r!["id"] == id)!["status"]!;

    [Fact]
    public async Task Json_IsImported_WithThePerRecordReport_AndAudited()
    {
        await using var host = await ApiHost.StartAsync();
        var chemist = host.As(Role.Chemist);
        var records = new JsonArray(
            new JsonObject { ["kind"] = "solvent", ["id"] = "S-IMP", ["name"] = "imported solvent", ["smiles"] = "OCCO" },
            new JsonObject { ["kind"] = "dye", ["id"] = "D-IMP", ["smiles"] = Acid },
            new JsonObject { ["kind"] = "dye", ["id"] = "D-BAD", ["smiles"] = "C1CC" });
        var (status, report, _) = await PostAsync(chemist, "?format=json&filename=batch.json", records.ToJsonString(), "application/json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("created", StatusOf(report, "S-IMP"));
        Assert.Equal("created", StatusOf(report, "D-IMP"));
        Assert.Equal("failed", StatusOf(report, "D-BAD"));
        var bad = report["records"]!.AsArray().Single(r => (string?)r!["id"] == "D-BAD")!;
        Assert.StartsWith("batch.json: record 3", (string)bad["where"]!);
        Assert.Contains("smiles", (string)bad["message"]!);
        Assert.Equal(2, (int)report["counts"]!["created"]!);
        Assert.Equal(1, (int)report["counts"]!["failed"]!);
        Assert.Equal(HttpStatusCode.OK, (await chemist.GetAsync("/api/v1/records/D-IMP")).StatusCode);
        var audit = await chemist.GetFromJsonAsync<JsonArray>("/api/v1/audit?record=D-IMP");
        Assert.Equal("chemist-user", (string?)Assert.Single(audit!)!["user"]);
    }

    [Fact]
    public async Task Smiles_ReportsTheDuplicate_AndAddsItAsAForm_WhenAsked()
    {
        await using var host = await ApiHost.StartAsync();
        var chemist = host.As(Role.Chemist);
        var (_, first, _) = await PostAsync(chemist, "?format=smiles", $"{Acid} MO-ACID methyl orange\n");
        Assert.Equal("created", StatusOf(first, "MO-ACID"));

        var (status, duplicate, _) = await PostAsync(chemist, "?format=smiles", $"{Salt} MO-NA\n");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("duplicate", StatusOf(duplicate, "MO-NA"));
        Assert.Contains("MO-ACID", (string)duplicate["records"]![0]!["message"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await chemist.GetAsync("/api/v1/records/MO-NA")).StatusCode);

        var (_, form, _) = await PostAsync(chemist, "?format=smiles&asForm=true", $"{Salt} MO-NA\n");
        Assert.Equal("form", StatusOf(form, "MO-NA"));
        Assert.Equal("MO-ACID", (string?)form["records"]![0]!["form_of"]);
        var stored = await chemist.GetFromJsonAsync<JsonObject>("/api/v1/records/MO-NA");
        Assert.Equal("MO-ACID", (string?)stored!["document"]!["parent"]);
    }

    [Fact]
    public async Task Sdf_IsImported_RecordByRecord()
    {
        await using var host = await ApiHost.StartAsync();
        var (status, report, _) = await PostAsync(host.As(Role.Chemist), "?filename=two.sdf", Sdf);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("created", StatusOf(report, "E-SDF-1"));
        Assert.Equal("failed", StatusOf(report, "E-SDF-2"));
        var stored = await host.As(Role.Viewer).GetFromJsonAsync<JsonObject>("/api/v1/records/E-SDF-1");
        Assert.Equal("ethanol as a dye", (string?)stored!["document"]!["name"]);
        Assert.Equal("Acme", (string?)stored["document"]!["properties"]!["VENDOR"]);
    }

    [Fact]
    public async Task DryRun_ReportsWhatWouldHappen_AndWritesNothing()
    {
        await using var host = await ApiHost.StartAsync();
        var chemist = host.As(Role.Chemist);
        // the salt after the acid in one file: the rehearsal sees the acid it would have created
        var (status, report, _) = await PostAsync(chemist, "?format=smiles&dryRun=true", $"{Acid} DRY-ACID\n{Salt} DRY-NA\n");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)report["dry_run"]!);
        Assert.Equal("created", StatusOf(report, "DRY-ACID"));
        Assert.Equal("duplicate", StatusOf(report, "DRY-NA"));
        Assert.Equal(HttpStatusCode.NotFound, (await chemist.GetAsync("/api/v1/records/DRY-ACID")).StatusCode);
        Assert.Empty((await chemist.GetFromJsonAsync<JsonArray>("/api/v1/audit?record=DRY-ACID"))!);
    }

    [Fact]
    public async Task Roles_AsTheTableSays()
    {
        await using var host = await ApiHost.StartAsync();
        var line = $"{Acid} R-ACID\n";
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client(null).PostAsync("/api/v1/import?format=smiles", new StringContent(line))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.As(Role.Viewer).PostAsync("/api/v1/import?format=smiles", new StringContent(line))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.As(Role.Chemist).PostAsync("/api/v1/import?format=smiles&update=true", new StringContent(line))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.As(Role.Chemist).PostAsync("/api/v1/import?format=smiles", new StringContent(line))).StatusCode);

        // overriding the duplicate check (a unique dye beside R-ACID) is a registrar's, with the reason
        var unique = new JsonObject { ["kind"] = "dye", ["id"] = "R-NA", ["smiles"] = Salt, ["distinct_from"] = new JsonObject { ["dye"] = "R-ACID", ["reason"] = "sold and claimed as a distinct product" } };
        var (refused, problem, media) = await PostAsync(host.As(Role.Chemist), "?format=json", unique.ToJsonString(), "application/json");
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Equal("application/problem+json", media);
        Assert.Contains("registrar", (string)problem["detail"]!);
        var (ok, report, _) = await PostAsync(host.As(Role.Registrar), "?format=json", unique.ToJsonString(), "application/json");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("created", StatusOf(report, "R-NA"));
        Assert.Contains("unique dye beside R-ACID", (string)report["records"]![0]!["message"]!);
        var audit = await host.As(Role.Viewer).GetFromJsonAsync<JsonArray>("/api/v1/audit?record=R-NA");
        Assert.Contains("sold and claimed as a distinct product", Assert.Single(audit!)!.ToJsonString());
    }

    [Fact]
    public async Task BadFiles_AreRefused_AsProblemDetails()
    {
        await using var host = await ApiHost.StartAsync();
        var chemist = host.As(Role.Chemist);
        var (notJson, problem, media) = await PostAsync(chemist, "?format=json", "{ \"kind\": \"dye\", ", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, notJson);
        Assert.Equal("application/problem+json", media);
        Assert.Contains("request body", (string)problem["detail"]!);

        var (unknown, _, unknownMedia) = await PostAsync(chemist, "?format=xlsx", "x");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unknown);
        Assert.Equal("application/problem+json", unknownMedia);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(chemist, "?format=smiles", string.Empty)).Status);
        var (column, columnProblem, _) = await PostAsync(chemist, "?format=csv&smilesColumn=Structure", "smiles,id\nCCO,X1\n", "text/csv");
        Assert.Equal(HttpStatusCode.BadRequest, column);
        Assert.Contains("Structure", (string)columnProblem["detail"]!);

        var big = new ByteArrayContent(new byte[ApiHost.BodyLimit + 1]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await chemist.PostAsync("/api/v1/import?format=smiles", big)).StatusCode);
    }
}
