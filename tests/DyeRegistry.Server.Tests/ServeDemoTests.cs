using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace DyeRegistry.Server.Tests;

/// <summary><c>dyereg serve --demo</c>: the real process prints the address and a login made for
/// this run; that login opens the pages on the sample records, and a wrong password does not.</summary>
public class ServeDemoTests
{
    [Fact]
    public async Task ServeDemo_PrintsAddressAndOneLoginThatOpensThePagesOnTheSamples()
    {
        var port = FreePort();
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "dyereg")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "serve", "--demo", "--urls", $"http://127.0.0.1:{port}" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        try
        {
            string? address = null, password = null;
            var said = new System.Text.StringBuilder();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while ((address is null || password is null) && DateTime.UtcNow < deadline && await process.StandardError.ReadLineAsync() is { } line)
            {
                said.AppendLine(line);
                address ??= Regex.Match(line, @"the pages are at (http://\S+)/") is { Success: true } a ? a.Groups[1].Value : null;
                password ??= Regex.Match(line, @"log in as 'demo' with the password (\S+)") is { Success: true } p ? p.Groups[1].Value : null;
            }

            Assert.True(address is not null && password is not null, "dyereg serve --demo said: " + said);
            Assert.Equal($"http://127.0.0.1:{port}", address);

            var cookies = new CookieContainer();
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/search")).StatusCode); // to /login
            async Task<HttpResponseMessage> LogIn(string pw)
            {
                var form = await client.GetStringAsync("/login");
                var token = Regex.Match(form, "name=\"__csrf\" value=\"([^\"]+)\"").Groups[1].Value;
                return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = token, ["name"] = "demo", ["password"] = pw }));
            }

            Assert.Equal(HttpStatusCode.Unauthorized, (await LogIn("not the password")).StatusCode);
            var accepted = await LogIn(password);
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
            var media = await client.GetStringAsync("/media");
            Assert.Contains("MED-1", media);
            Assert.Contains("SHEET-1", media);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
