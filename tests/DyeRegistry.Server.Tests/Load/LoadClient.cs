using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace DyeRegistry.Server.Tests.Load;

/// <summary>One request as the client saw it: its kind, how long until the whole answer was read,
/// and the status (0 when no answer came: refused connection, reset, timeout).</summary>
internal sealed record LoadSample(string Kind, double Milliseconds, int Status, DateTime AtUtc);

/// <summary>A write the server acknowledged with a 2xx: the record, the version it answered, and
/// the name the document carried (so the stored version can be compared with what was sent).</summary>
internal sealed record AcknowledgedWrite(string Id, int Version, string Name);

/// <summary>
/// One simulated user of the service: a chemist account that reads records, searches, makes claim
/// charts and writes (new dyes, new inks, updates of its own inks with If-Match), chosen by a seeded
/// random draw, until the deadline. It never retries a write: a write without an answer is simply
/// not acknowledged, and the next one uses a new id.
/// </summary>
internal sealed class LoadClient(int number, string token, Uri server, ConcurrentQueue<LoadSample> samples, ConcurrentQueue<AcknowledgedWrite> acknowledged)
{
    /// <summary>The kinds of request, as the report names them.</summary>
    public static readonly string[] Kinds = [ReadKind, ListKind, SimilarKind, SmartsKind, ChartKind, WriteDyeKind, WriteInkKind, UpdateInkKind];

    private const string ReadKind = "read record", ListKind = "list records", SimilarKind = "search similarity", SmartsKind = "search SMARTS",
        ChartKind = "claim chart", WriteDyeKind = "write new dye", WriteInkKind = "write new ink", UpdateInkKind = "update ink (If-Match)";

    /// <summary>The sample dye the similarity search starts from (samples/records.json, M-101).</summary>
    private const string SampleDyeSmiles = "CC(C)(C)c1nn(-c2nc3ccccc3s2)c(/N=N/c2c(C)c(C#N)c(Nc3c(C)cc(C)cc3C)nc2Nc2c(C)cc(C)cc2C)c1C#N";

    private readonly Random random = new(number);
    private readonly List<(string Id, int? Version)> inks = [];
    private int written;

    public async Task RunAsync(DateTime deadlineUtc)
    {
        using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        while (DateTime.UtcNow < deadlineUtc)
        {
            var draw = random.Next(100);
            var answered = draw switch
            {
                < 20 => await Get(client, ReadKind, "/api/v1/records/" + (inks.Count > 0 && draw % 2 == 0 ? inks[^1].Id : "M-101")),
                < 35 => await Get(client, ListKind, "/api/v1/records?kind=dye&limit=50"),
                < 45 => await Get(client, SimilarKind, "/api/v1/search?min_tanimoto=0.3&similar=" + Uri.EscapeDataString(SampleDyeSmiles)),
                < 55 => await Get(client, SmartsKind, "/api/v1/search?smarts=" + Uri.EscapeDataString("c/N=N/c")),
                < 65 => await Get(client, ChartKind, "/api/v1/charts?medium=MED-1&ink=INK-M1&format=json"),
                < 75 => await PutDye(client),
                < 85 => await PutInk(client),
                _ => await UpdateOwnInk(client),
            };
            if (!answered)
            {
                await Task.Delay(50); // the server is down (the fault test): do not spin
            }
        }
    }

    private async Task<bool> Get(HttpClient client, string kind, string path)
    {
        var (status, _) = await Send(client, kind, () => new HttpRequestMessage(HttpMethod.Get, path));
        return status != 0;
    }

    private async Task<bool> PutDye(HttpClient client)
    {
        // Straight chains on the ether oxygen (by client) and on the amine (by write) make every
        // parent new, so no write is refused as a duplicate of another.
        var k = written++;
        var id = Id("D", k);
        var smiles = new string('C', number + 1) + "Oc1ccc(/N=N/c2ccc(N(" + new string('C', (k % 120) + 1) + ")" + new string('C', (k / 120) + 1) + ")cc2)cc1";
        var name = $"load dye {number}/{k}";
        var document = new JsonObject { ["kind"] = "dye", ["id"] = id, ["name"] = name, ["smiles"] = smiles };
        return await Write(client, WriteDyeKind, id, name, document, ifMatch: null) != 0;
    }

    private async Task<bool> PutInk(HttpClient client)
    {
        var k = written++;
        var id = Id("I", k);
        var name = $"load ink {number}/{k}";
        var status = await Write(client, WriteInkKind, id, name, Ink(id, name, 3.0), ifMatch: null);
        if (status is 201)
        {
            inks.Add((id, 1));
        }

        return status != 0;
    }

    private async Task<bool> UpdateOwnInk(HttpClient client)
    {
        if (inks.Count == 0)
        {
            return await PutInk(client);
        }

        var at = random.Next(inks.Count);
        var (id, version) = inks[at];
        if (version is null)
        {
            // The last answer about this ink was lost: read its version first, as a real client would.
            var (status, body) = await Send(client, ReadKind, () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/records/" + id));
            if (status != 200)
            {
                return status != 0;
            }

            version = (int)JsonNode.Parse(body)!["current_version"]!;
            inks[at] = (id, version);
        }

        var name = $"load ink {id} v{version + 1}";
        var outcome = await Write(client, UpdateInkKind, id, name, Ink(id, name, 3.0 + (0.1 * version.Value)), ifMatch: version);
        inks[at] = (id, outcome == 200 ? version + 1 : null);
        return outcome != 0;
    }

    private static JsonObject Ink(string id, string name, double dyeMassPercent) => new()
    {
        ["kind"] = "ink",
        ["id"] = id,
        ["name"] = name,
        ["form"] = "colored_fine_particle_dispersion",
        ["components"] = new JsonArray(
            new JsonObject { ["ref"] = "M-101", ["role"] = "dye", ["mass_percent"] = Math.Round(dyeMassPercent, 1) },
            new JsonObject { ["ref"] = "P-1", ["role"] = "polymer", ["mass_percent"] = 3.0 },
            new JsonObject { ["ref"] = "TCP", ["role"] = "solvent", ["mass_percent"] = 1.5 }),
    };

    private async Task<int> Write(HttpClient client, string kind, string id, string name, JsonObject document, int? ifMatch)
    {
        var (status, body) = await Send(client, kind, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/records/" + id) { Content = new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json") };
            if (ifMatch is { } v)
            {
                request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v.ToString(CultureInfo.InvariantCulture)}\""));
            }

            return request;
        });
        if (status is 200 or 201)
        {
            acknowledged.Enqueue(new AcknowledgedWrite(id, (int)JsonNode.Parse(body)!["version"]!, name));
        }

        return status;
    }

    private async Task<(int Status, string Body)> Send(HttpClient client, string kind, Func<HttpRequestMessage> make)
    {
        var at = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            using var request = make();
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            samples.Enqueue(new LoadSample(kind, clock.Elapsed.TotalMilliseconds, (int)response.StatusCode, at));
            return ((int)response.StatusCode, body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            samples.Enqueue(new LoadSample(kind, clock.Elapsed.TotalMilliseconds, 0, at));
            return (0, string.Empty);
        }
    }

    private string Id(string what, int k) => string.Create(CultureInfo.InvariantCulture, $"LOAD-{number:00}-{what}{k}");

    /// <summary>The status a client's request got, for the report: 2xx, 4xx by code, 5xx, none.</summary>
    public static string StatusClass(int status) => status switch
    {
        0 => "no answer",
        >= 200 and < 300 => "2xx",
        (int)HttpStatusCode.TooManyRequests => "429",
        >= 500 => "5xx",
        _ => status.ToString(CultureInfo.InvariantCulture),
    };
}
