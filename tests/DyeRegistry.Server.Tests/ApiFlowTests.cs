using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DyeRegistry.Application.Accounts;

namespace DyeRegistry.Server.Tests;

/// <summary>The API in process: register -> search -> match -> scope -> audit, versions and
/// If-Match, bad input, escaping, and the CLI's output for the same request.</summary>
public class ApiFlowTests
{
    private const string Script = "<script>alert(1)</script>";

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    private static JsonObject SampleInk(string id, string name)
    {
        var ink = JsonNode.Parse(File.ReadAllText(ApiHost.Samples))!.AsArray().Select(n => n!.AsObject()).Single(r => (string?)r["id"] == "INK-M1");
        var copy = (JsonObject)ink.DeepClone();
        copy["id"] = id;
        copy["name"] = name;
        return copy;
    }

    [Fact]
    public async Task RegisterSearchMatchScopeAudit()
    {
        await using var host = await ApiHost.StartAsync();
        var chemist = host.As(Role.Chemist);

        // register
        var put = await chemist.PutAsync("/api/v1/records/INK-X", Json(SampleInk("INK-X", "probe ink")));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal("\"1\"", put.Headers.ETag?.Tag);
        var requestId = put.Headers.GetValues("X-Request-Id").Single();

        var list = await chemist.GetFromJsonAsync<JsonObject>("/api/v1/records?kind=ink&text=probe");
        Assert.Equal(1, (int)list!["total"]!);
        Assert.Equal("INK-X", (string?)list["records"]![0]!["id"]);

        // search
        var search = await chemist.GetFromJsonAsync<JsonObject>("/api/v1/search?smarts=" + Uri.EscapeDataString("N=N"));
        Assert.True((bool)search!["complete"]!);
        Assert.Contains(search["hits"]!.AsArray(), h => (string?)h!["id"] == "M-101");

        // match: the same JSON as dyereg match --format json on the same line
        var smiles = JsonNode.Parse(File.ReadAllText(ApiHost.Samples))!.AsArray().Select(n => n!.AsObject()).Single(r => (string?)r["id"] == "M-101")["smiles"]!.GetValue<string>();
        var line = $"{smiles} M-101\n";
        var match = await chemist.PostAsync("/api/v1/match", new StringContent(line));
        Assert.Equal(HttpStatusCode.OK, match.StatusCode);
        var input = host.Temp.File("one.smi", line);
        var cli = ApiHost.Cli("match", input, "--format", "json", "--threads", "1");
        Assert.Equal(cli.Out, await match.Content.ReadAsStringAsync());

        // scope: the same JSON as dyereg scope --format json on the same registry, but for the
        // generation time; the API names the signed-in account as the author (issue 21)
        var chart = JsonNode.Parse(await chemist.GetStringAsync("/api/v1/charts?medium=MED-1&ink=INK-M1&format=json"))!;
        var cliChart = ApiHost.Cli("scope", "--ink", "INK-M1", "--medium", "MED-1", "--format", "json", "--author", "chemist-user", "--registry", host.Registry);
        Assert.Equal(0, cliChart.Exit);
        Assert.Equal("chemist-user", chart["header"]!["author"]!.GetValue<string>());
        var cliJson = JsonNode.Parse(cliChart.Out)!;
        chart["header"]!["generated"] = null;
        cliJson["header"]!["generated"] = null;
        Assert.Equal(cliJson.ToJsonString(), chart.ToJsonString());
        var chartX = JsonNode.Parse(await chemist.GetStringAsync("/api/v1/charts?medium=MED-1&ink=INK-X&format=json"))!;
        Assert.Contains("INK-X", chartX.ToJsonString());

        // audit shows the change, by whom, in which request, with the document
        var audit = await chemist.GetFromJsonAsync<JsonArray>("/api/v1/audit?record=INK-X");
        var entry = Assert.Single(audit!);
        Assert.Equal("created", (string?)entry!["change"]);
        Assert.Equal("chemist-user", (string?)entry["user"]);
        Assert.Equal(requestId, (string?)entry["request_id"]);
        Assert.Equal("probe ink", (string?)entry["document"]!["name"]);
        Assert.Empty((await chemist.GetFromJsonAsync<JsonArray>("/api/v1/audit?user=viewer-user"))!);
    }

    [Fact]
    public async Task StaleIfMatch_Gives412_AndWritesNothing()
    {
        await using var host = await ApiHost.StartAsync();
        var chemist = host.As(Role.Chemist);
        Assert.Equal(HttpStatusCode.Created, (await chemist.PutAsync("/api/v1/records/INK-V", Json(SampleInk("INK-V", "first")))).StatusCode);

        // replacing needs If-Match
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await chemist.PutAsync("/api/v1/records/INK-V", Json(SampleInk("INK-V", "second")))).StatusCode);

        var update = new HttpRequestMessage(HttpMethod.Put, "/api/v1/records/INK-V") { Content = Json(SampleInk("INK-V", "second")) };
        update.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var updated = await chemist.SendAsync(update);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("\"2\"", updated.Headers.ETag?.Tag);

        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/v1/records/INK-V") { Content = Json(SampleInk("INK-V", "third")) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var refused = await chemist.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("version 2", await refused.Content.ReadAsStringAsync());

        var record = await chemist.GetFromJsonAsync<JsonObject>("/api/v1/records/INK-V");
        Assert.Equal(2, (int)record!["version"]!);
        Assert.Equal("second", (string?)record["document"]!["name"]);
        Assert.Equal(2, (await chemist.GetFromJsonAsync<JsonArray>("/api/v1/audit?record=INK-V"))!.Count);
        var first = await chemist.GetFromJsonAsync<JsonObject>("/api/v1/records/INK-V?version=1");
        Assert.Equal("first", (string?)first!["document"]!["name"]);
    }

    [Fact]
    public async Task ChemistEditsOwnRecordsOnly_RegistrarAnyone()
    {
        await using var host = await ApiHost.StartAsync();
        var ink = SampleInk("INK-M1", "renamed");
        var chemistEdit = new HttpRequestMessage(HttpMethod.Put, "/api/v1/records/INK-M1") { Content = Json(ink) };
        chemistEdit.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.Forbidden, (await host.As(Role.Chemist).SendAsync(chemistEdit)).StatusCode);
        var registrarEdit = new HttpRequestMessage(HttpMethod.Put, "/api/v1/records/INK-M1") { Content = Json(ink) };
        registrarEdit.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.OK, (await host.As(Role.Registrar).SendAsync(registrarEdit)).StatusCode);
    }

    [Fact]
    public async Task BadInput_Gets4xx_WithTheCliWords()
    {
        await using var host = await ApiHost.StartAsync();
        var chemist = host.As(Role.Chemist);

        var malformed = await chemist.PutAsync("/api/v1/records/INK-B", new StringContent("{\"kind\": \"ink\", \"id\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("not valid JSON", await malformed.Content.ReadAsStringAsync());

        var unknown = SampleInk("INK-B", "b");
        unknown["colour_of_the_bottle"] = "red";
        var refused = await chemist.PutAsync("/api/v1/records/INK-B", Json(unknown));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Contains("colour_of_the_bottle: unknown field", (string?)problem["detail"]);

        var dangling = SampleInk("INK-B", "b");
        dangling["components"]![0]!["ref"] = "NO-SUCH-DYE";
        var danglingRefused = await chemist.PutAsync("/api/v1/records/INK-B", Json(dangling));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, danglingRefused.StatusCode);
        Assert.Contains("components: references NO-SUCH-DYE", await danglingRefused.Content.ReadAsStringAsync());

        var big = new string(' ', (int)ApiHost.BodyLimit + 10);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await chemist.PutAsync("/api/v1/records/INK-B", new StringContent(big))).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await chemist.PostAsync("/api/v1/match", new StringContent(big))).StatusCode);

        var huge = await chemist.PostAsync("/api/v1/match", new StringContent(string.Concat(Enumerable.Repeat("C", 100_000)) + " huge\n"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, huge.StatusCode);
        var hugeProblem = await huge.Content.ReadAsStringAsync();
        Assert.Contains("line 1", hugeProblem); // the line is over the length limit: refused before any chemistry
        var manyAtoms = await chemist.PostAsync("/api/v1/match", new StringContent(string.Concat(Enumerable.Repeat("C", 5_000)) + " long-chain\n"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, manyAtoms.StatusCode);
        Assert.Contains("atoms", await manyAtoms.Content.ReadAsStringAsync());

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var deep = string.Concat(Enumerable.Repeat("[$(", 40)) + "C" + string.Concat(Enumerable.Repeat(")]", 40));
        var pathological = await chemist.GetAsync("/api/v1/search?smarts=" + Uri.EscapeDataString(deep));
        Assert.True((int)pathological.StatusCode is >= 400 and < 500, $"status {pathological.StatusCode}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");

        Assert.Equal(HttpStatusCode.BadRequest, (await chemist.GetAsync("/api/v1/search")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chemist.GetAsync("/api/v1/records/NOPE")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await chemist.GetAsync("/api/v1/charts?medium=NOPE")).StatusCode);
    }

    [Fact]
    public async Task MarkupInNames_IsEscapedInHtml()
    {
        await using var host = await ApiHost.StartAsync();
        var chemist = host.As(Role.Chemist);
        Assert.Equal(HttpStatusCode.Created, (await chemist.PutAsync("/api/v1/records/INK-S", Json(SampleInk("INK-S", Script)))).StatusCode);
        foreach (var url in new[] { "/api/v1/charts?medium=MED-1&ink=INK-S&format=html", "/api/v1/charts/matrix?format=html" })
        {
            var response = await chemist.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(Script, html);
            Assert.Contains("INK-S", html);
        }

        // in JSON it is data, returned as it was given
        var record = await chemist.GetFromJsonAsync<JsonObject>("/api/v1/records/INK-S");
        Assert.Equal(Script, (string?)record!["document"]!["name"]);
    }

    [Fact]
    public async Task HealthAndOpenApi_AnswerWithoutAccount()
    {
        await using var host = await ApiHost.StartAsync();
        var anonymous = host.Client(null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        var openApi = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        Assert.NotNull(openApi["paths"]!["/api/v1/records/{id}"]);
        Assert.NotNull(openApi["paths"]!["/api/v1/charts"]);
    }
}
