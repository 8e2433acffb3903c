using System.Net;
using System.Text;
using DyeRegistry.Application.Accounts;

namespace DyeRegistry.Server.Tests;

/// <summary>Every endpoint x every role, as docs/roles.md says: 401 without a token and with a
/// revoked one, 403 for a role below the endpoint's, allowed (neither) from its role up.</summary>
public class RoleTests
{
    // Method, path, body, the lowest role allowed. The table of docs/roles.md, endpoint by endpoint.
    public static readonly (string Method, string Path, string? Body, Role Least)[] Endpoints =
    [
        ("GET", "/api/v1/records", null, Role.Viewer),
        ("GET", "/api/v1/records/M-101", null, Role.Viewer),
        ("PUT", "/api/v1/records/TCP", "{\"kind\": \"solvent\", \"id\": \"TCP\"}", Role.Chemist),
        ("DELETE", "/api/v1/records/SHEET-1", null, Role.Registrar),
        ("GET", "/api/v1/search?formula=I", null, Role.Viewer),
        ("POST", "/api/v1/match", "CCO ethanol\n", Role.Viewer),
        ("GET", "/api/v1/charts?medium=MED-1", null, Role.Viewer),
        ("GET", "/api/v1/charts/matrix?format=text", null, Role.Viewer),
        ("GET", "/api/v1/audit", null, Role.Viewer),
        ("GET", "/api/v1/users", null, Role.Admin),
        ("POST", "/api/v1/import?format=smiles", "CCO IMP-ROLE\n", Role.Chemist),
        ("POST", "/api/v1/import?format=smiles&update=true", "CCO IMP-ROLE\n", Role.Registrar),
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
        var (method, path, body, least) = Endpoints[index];
        await using var host = await ApiHost.StartAsync();
        HttpRequestMessage Request() => new(new HttpMethod(method), path) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client(null).SendAsync(Request())).StatusCode);
        var revoked = await host.Client("revoked").SendAsync(Request());
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal("application/problem+json", revoked.Content.Headers.ContentType?.MediaType);

        // from the highest role down, so a deleting endpoint is exercised before lower roles are refused
        foreach (var role in Enum.GetValues<Role>().Reverse())
        {
            var status = (await host.As(role).SendAsync(Request())).StatusCode;
            if (role >= least)
            {
                Assert.True(status is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden, $"{method} {path} as {role}: {status}, expected allowed");
                Assert.True((int)status < 500, $"{method} {path} as {role}: {status}");
            }
            else
            {
                Assert.True(status == HttpStatusCode.Forbidden, $"{method} {path} as {role}: {status}, expected 403");
            }
        }
    }

    [Fact]
    public async Task Tokens_FromPassword_WithLockout()
    {
        await using var host = await ApiHost.StartAsync();
        Assert.Equal(0, ApiHost.Cli("users", "add", "pat", "--role", "viewer", "--registry", host.Registry).Exit);
        using (var store = Storage.Sqlite.SqliteAccountStore.Open(host.Registry))
        {
            new AccountService(store).SetPassword("pat", "correct horse battery");
        }

        var anonymous = host.Client(null);
        var ok = await anonymous.PostAsync("/api/v1/tokens", new StringContent("{\"name\":\"pat\",\"password\":\"correct horse battery\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        for (var i = 0; i < AccountService.FailuresBeforeLockout - 1; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/tokens", new StringContent("{\"name\":\"pat\",\"password\":\"wrong\"}", Encoding.UTF8, "application/json"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Locked, (await anonymous.PostAsync("/api/v1/tokens", new StringContent("{\"name\":\"pat\",\"password\":\"wrong\"}", Encoding.UTF8, "application/json"))).StatusCode);
        // locked: the right password is refused too, until the lockout ends
        Assert.Equal(HttpStatusCode.Locked, (await anonymous.PostAsync("/api/v1/tokens", new StringContent("{\"name\":\"pat\",\"password\":\"correct horse battery\"}", Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task UsersCommands_AddListRevoke()
    {
        await using var host = await ApiHost.StartAsync();
        var added = ApiHost.Cli("users", "add", "sam", "--role", "chemist", "--registry", host.Registry);
        Assert.Equal(0, added.Exit);
        var token = added.Out.Trim();
        Assert.StartsWith("dyereg_", token);
        var list = ApiHost.Cli("users", "list", "--registry", host.Registry);
        Assert.Contains("sam\tchemist\tno password\tactive", list.Out);
        Assert.DoesNotContain(token, list.Out);
        Assert.DoesNotContain(token, File.ReadAllText(host.Registry, Encoding.Latin1)); // only its hash is stored

        var client = host.Client(null);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/records")).StatusCode);
        Assert.Equal(0, ApiHost.Cli("users", "revoke", "sam", "--registry", host.Registry).Exit);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/records")).StatusCode);
        Assert.Equal(2, ApiHost.Cli("users", "add", "sam", "--role", "viewer", "--registry", host.Registry).Exit);
    }
}
