using System.Net;
using System.Text;
using System.Text.Json;
using DyeRegistry.Application.Accounts;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Server.Tests;

/// <summary>
/// Screening jobs over the API: every role x endpoint as docs/roles.md says; a job's hits and
/// errors are byte for byte <c>dyereg screen</c>'s; cancel, resume, and a server restart in the
/// middle of a job (Interrupted, then resumed from its checkpoint to the same output), a failed job
/// resumed once its cause is gone; limits and
/// refusals as problem details.
/// </summary>
public class JobTests
{
    private static readonly string DyesSmi = RepositoryFiles.Path(Path.Combine("samples", "dyes.smi"));

    // Method, path ({job}: a job the chemist started), body, the lowest role allowed.
    public static readonly (string Method, string Path, string? Body, Role Least)[] Endpoints =
    [
        ("GET", "/api/v1/jobs", null, Role.Viewer),
        ("GET", "/api/v1/jobs/{job}", null, Role.Viewer),
        ("GET", "/api/v1/jobs/{job}/hits", null, Role.Viewer),
        ("GET", "/api/v1/jobs/{job}/errors", null, Role.Viewer),
        ("POST", "/api/v1/jobs?catalogue=dyes.smi", "CCO ethanol\n", Role.Chemist),
        ("POST", "/api/v1/jobs/{job}/cancel", null, Role.Chemist),
        ("POST", "/api/v1/jobs/{job}/resume", null, Role.Chemist),
    ];

    public static TheoryData<int> EndpointIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Endpoints.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EndpointIndexes))]
    public async Task EveryRole_IsAllowedOrRefused_AsTheTableSays(int index)
    {
        var (method, template, body, least) = Endpoints[index];
        await using var host = await ApiHost.StartAsync(o => o with { JobThreads = 1 });
        var job = await SubmitAsync(host.As(Role.Chemist), File.ReadAllBytes(DyesSmi), "dyes.smi");
        var path = template.Replace("{job}", job, StringComparison.Ordinal);
        HttpRequestMessage Request() => new(new HttpMethod(method), path) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "text/plain") };

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client(null).SendAsync(Request())).StatusCode);
        var revoked = await host.Client("revoked").SendAsync(Request());
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal("application/problem+json", revoked.Content.Headers.ContentType?.MediaType);
        foreach (var role in Enum.GetValues<Role>())
        {
            var response = await host.As(role).SendAsync(Request());
            if (role >= least)
            {
                Assert.True(response.StatusCode is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden, $"{method} {path} as {role}: {response.StatusCode}, expected allowed");
                Assert.True((int)response.StatusCode < 500, $"{method} {path} as {role}: {response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} as {role}: {response.StatusCode}, expected 403");
            }
        }
    }

    [Fact]
    public async Task A_chemist_controls_own_jobs_only_a_registrar_anyones()
    {
        await using var host = await ApiHost.StartAsync(o => o with { JobThreads = 1 });
        var admins = await SubmitAsync(host.As(Role.Admin), Encoding.UTF8.GetBytes(Catalogue(60_000)), "big.smi");
        var refused = await host.As(Role.Chemist).PostAsync($"/api/v1/jobs/{admins}/cancel", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("only its owner or a registrar", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, (await host.As(Role.Registrar).PostAsync($"/api/v1/jobs/{admins}/cancel", null)).StatusCode);
        var cancelled = await WaitAsync(host, admins, s => s is "cancelled");
        Assert.True(cancelled.GetProperty("resumable").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await host.As(Role.Registrar).PostAsync($"/api/v1/jobs/{admins}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task A_job_gives_the_hits_and_errors_of_dyereg_screen_byte_for_byte()
    {
        await using var host = await ApiHost.StartAsync();
        var catalogue = host.Temp.Combine("dyes.smi");
        File.Copy(DyesSmi, catalogue);
        var hitsFile = host.Temp.Combine("cli-hits.csv");
        var errorsFile = host.Temp.Combine("cli-errors.txt");
        // A job marks hits already in the server's registry, as --mark-known does.
        Assert.Equal(0, ApiHost.Cli("screen", catalogue, "-o", hitsFile, "--errors", errorsFile, "--quiet", "--mark-known", "--registry", host.Registry).Exit);

        var client = host.As(Role.Chemist);
        var id = await SubmitAsync(client, File.ReadAllBytes(catalogue), "dyes.smi", "&format=csv&markKnown=true");
        var done = await WaitAsync(host, id, s => s is "done" or "failed");
        Assert.Equal("done", done.GetProperty("state").GetString());
        Assert.Equal(1.0, done.GetProperty("fraction").GetDouble());
        Assert.True(done.GetProperty("hits").GetInt64() > 0);
        Assert.Equal(1, done.GetProperty("errors").GetInt64()); // the sample's deliberately broken line
        Assert.Contains(",M-101,", File.ReadAllText(hitsFile), StringComparison.Ordinal); // a registered dye among the hits

        var hits = await client.GetAsync($"/api/v1/jobs/{id}/hits");
        Assert.Equal("text/csv", hits.Content.Headers.ContentType?.MediaType);
        // Hits and errors name the catalogue as uploaded, where the CLI names it as given.
        Assert.Equal(File.ReadAllText(hitsFile).Replace(catalogue, "dyes.smi", StringComparison.Ordinal), await hits.Content.ReadAsStringAsync());
        var errors = await host.As(Role.Viewer).GetStringAsync($"/api/v1/jobs/{id}/errors");
        Assert.Equal(File.ReadAllText(errorsFile).Replace(catalogue, "dyes.smi", StringComparison.Ordinal), errors);
        Assert.DoesNotContain(host.Temp.Path, errors, StringComparison.Ordinal);

        var list = JsonDocument.Parse(await host.As(Role.Viewer).GetStringAsync("/api/v1/jobs")).RootElement;
        Assert.Contains(list.GetProperty("jobs").EnumerateArray(), j => j.GetProperty("id").GetString() == id && j.GetProperty("owner").GetString() == "chemist-user");
    }

    [Fact]
    public async Task A_server_restart_mid_job_reports_it_interrupted_and_resuming_gives_the_uninterrupted_output()
    {
        await using var host = await ApiHost.StartAsync(o => o with { JobThreads = 1 });
        var text = Catalogue(4_000);
        var catalogue = host.Temp.Combine("big.smi");
        File.WriteAllText(catalogue, text);
        var id = await SubmitAsync(host.As(Role.Chemist), Encoding.UTF8.GetBytes(text), "big.smi");
        var running = await WaitAsync(host, id, s => s is not "queued", j => j.GetProperty("records").GetInt64() > 0);
        Assert.Equal("running", running.GetProperty("state").GetString());

        await host.RestartAsync(); // a graceful stop: the job stops at its next record, keeping its checkpoint
        var interrupted = JsonDocument.Parse(await host.As(Role.Viewer).GetStringAsync($"/api/v1/jobs/{id}")).RootElement;
        Assert.Equal("interrupted", interrupted.GetProperty("state").GetString());
        Assert.True(interrupted.GetProperty("resumable").GetBoolean());
        var stoppedAt = interrupted.GetProperty("records").GetInt64();
        Assert.InRange(stoppedAt, 1, 3_999);
        Assert.Equal(HttpStatusCode.Conflict, (await host.As(Role.Viewer).GetAsync($"/api/v1/jobs/{id}/hits")).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await host.As(Role.Chemist).PostAsync($"/api/v1/jobs/{id}/resume", null)).StatusCode);
        var done = await WaitAsync(host, id, s => s is "done" or "failed");
        Assert.Equal("done", done.GetProperty("state").GetString());
        Assert.Equal(4_000, done.GetProperty("records").GetInt64()); // counted over both parts

        var reference = host.Temp.Combine("reference.jsonl");
        var referenceErrors = host.Temp.Combine("reference-errors.txt");
        Assert.Equal(0, ApiHost.Cli("screen", catalogue, "-o", reference, "--errors", referenceErrors, "--quiet").Exit);
        Assert.Equal(File.ReadAllText(reference).Replace(catalogue, "big.smi", StringComparison.Ordinal), await host.As(Role.Viewer).GetStringAsync($"/api/v1/jobs/{id}/hits"));
        Assert.Equal(File.ReadAllText(referenceErrors).Replace(catalogue, "big.smi", StringComparison.Ordinal), await host.As(Role.Viewer).GetStringAsync($"/api/v1/jobs/{id}/errors"));
    }

    [Fact]
    public async Task A_failed_job_is_resumable_and_resuming_it_gives_the_output_of_dyereg_screen()
    {
        await using var host = await ApiHost.StartAsync(o => o with { JobThreads = 1, JobSlots = 1 });
        var blocker = await SubmitAsync(host.As(Role.Chemist), Encoding.UTF8.GetBytes(Catalogue(60_000)), "big.smi");
        await WaitAsync(host, blocker, s => s is not "queued");
        var text = Catalogue(2_000);
        var id = await SubmitAsync(host.As(Role.Chemist), Encoding.UTF8.GetBytes(text), "small.smi");

        // While it waits for the slot, a folder takes the place of its hits file: the job fails.
        var hitsInTheWay = host.Temp.Combine(Path.Combine("registry.db.jobs", id, "hits.jsonl"));
        Directory.CreateDirectory(hitsInTheWay);
        Assert.Equal(HttpStatusCode.Accepted, (await host.As(Role.Chemist).PostAsync($"/api/v1/jobs/{blocker}/cancel", null)).StatusCode);
        var failed = await WaitAsync(host, id, s => s is "failed" or "done");
        Assert.Equal("failed", failed.GetProperty("state").GetString());
        Assert.True(failed.GetProperty("resumable").GetBoolean());
        Assert.False(string.IsNullOrEmpty(failed.GetProperty("message").GetString()));

        // The cause removed, resume finishes it with dyereg screen's hits and errors.
        Directory.Delete(hitsInTheWay);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.As(Role.Viewer).PostAsync($"/api/v1/jobs/{id}/resume", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await host.As(Role.Chemist).PostAsync($"/api/v1/jobs/{id}/resume", null)).StatusCode);
        var done = await WaitAsync(host, id, s => s is "done" or "failed");
        Assert.Equal("done", done.GetProperty("state").GetString());
        Assert.Equal(2_000, done.GetProperty("records").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, (await host.As(Role.Chemist).PostAsync($"/api/v1/jobs/{id}/resume", null)).StatusCode);

        var catalogue = host.Temp.Combine("small.smi");
        File.WriteAllText(catalogue, text);
        var reference = host.Temp.Combine("reference.jsonl");
        var referenceErrors = host.Temp.Combine("reference-errors.txt");
        Assert.Equal(0, ApiHost.Cli("screen", catalogue, "-o", reference, "--errors", referenceErrors, "--quiet").Exit);
        Assert.Equal(File.ReadAllText(reference).Replace(catalogue, "small.smi", StringComparison.Ordinal), await host.As(Role.Viewer).GetStringAsync($"/api/v1/jobs/{id}/hits"));
        Assert.Equal(File.ReadAllText(referenceErrors).Replace(catalogue, "small.smi", StringComparison.Ordinal), await host.As(Role.Viewer).GetStringAsync($"/api/v1/jobs/{id}/errors"));
    }

    [Fact]
    public async Task Bad_requests_are_refused_as_problem_details()
    {
        await using var host = await ApiHost.StartAsync(o => o with { MaxCatalogueBytes = 10_000 });
        var client = host.As(Role.Chemist);
        async Task Refused(string query, string body, HttpStatusCode status, string words)
        {
            var response = await client.PostAsync("/api/v1/jobs" + query, new StringContent(body, Encoding.UTF8, "text/plain"));
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(words, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await Refused("?catalogue=big.smi", Catalogue(2_000), HttpStatusCode.RequestEntityTooLarge, "larger than 10,000 bytes");
        await Refused("?catalogue=notes.docx", "CCO x\n", HttpStatusCode.BadRequest, "expected a name ending in .smi");
        await Refused(string.Empty, "CCO x\n", HttpStatusCode.BadRequest, "name the catalogue file");
        await Refused("?catalogue=a.smi&formula=NOPE", "CCO x\n", HttpStatusCode.BadRequest, "no formula 'NOPE'");
        await Refused("?catalogue=a.smi&format=xlsx", "CCO x\n", HttpStatusCode.BadRequest, "format 'xlsx'");
        await Refused("?catalogue=a.smi&validate=some", "CCO x\n", HttpStatusCode.BadRequest, "validate: expected 'all' or 'hits'");
        await Refused("?catalogue=a.smi", string.Empty, HttpStatusCode.BadRequest, "empty");
        Assert.Empty(Directory.GetDirectories(host.Temp.Combine("registry.db.jobs"))); // nothing left of refused uploads
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/jobs/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/jobs/cluster:abc")).StatusCode); // no cluster configured
    }

    // Azo dyes (some hits), plain compounds, and now and then a record RDKit rejects.
    internal static string Catalogue(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append((i % 997) switch
            {
                13 => $"C1CC(N=N K-{i:D5}",
                _ when i % 3 == 0 => $"CC1=NN(c2ccccn2)C(O)=C1N=Nc1ccc({new string('C', 1 + (i % 7))})cn1 K-{i:D5}",
                _ => $"CCN({new string('C', 1 + (i % 40))})c1ccc(N=Nc2ccc(O{new string('C', 1 + (i / 40 % 30))})cc2)cc1 K-{i:D5}",
            }).Append('\n');
        }

        return text.ToString();
    }

    internal static async Task<string> SubmitAsync(HttpClient client, byte[] catalogue, string name, string query = "")
    {
        var response = await client.PostAsync($"/api/v1/jobs?catalogue={name}{query}", new ByteArrayContent(catalogue));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {body}");
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/jobs/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    internal static async Task<JsonElement> WaitAsync(ApiHost host, string id, Func<string, bool> state, Func<JsonElement, bool>? also = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var job = JsonDocument.Parse(await host.As(Role.Viewer).GetStringAsync($"/api/v1/jobs/{id}")).RootElement;
            var now = job.GetProperty("state").GetString()!;
            if (state(now) && (also is null || also(job) || now != "running"))
            {
                return job;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), $"job {id} still {now} after 5 minutes: {job}");
            await Task.Delay(50);
        }
    }
}
