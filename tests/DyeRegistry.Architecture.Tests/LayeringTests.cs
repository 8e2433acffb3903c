using System.Xml.Linq;

namespace DyeRegistry.Architecture.Tests;

/// <summary>
/// The layers as the project files declare them: chemistry at the bottom, Markush and claims as
/// domain layers, storage behind interfaces, the CLI on top. Read from the .csproj files, so a
/// reference that breaks the direction fails here before it spreads.
/// </summary>
public class LayeringTests
{
    private static readonly string SourceRoot = FindSourceRoot();

    // Project -> projects it may reference (directly). Anything else is a layering violation.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["DyeRegistry.Chemistry"] = [],
        ["DyeRegistry.Markush"] = ["DyeRegistry.Chemistry"],
        ["DyeRegistry.Storage"] = [],
        ["DyeRegistry.Storage.Sqlite"] = ["DyeRegistry.Storage", "DyeRegistry.Chemistry"],
        ["DyeRegistry.Storage.Postgres"] = ["DyeRegistry.Storage"],
        ["DyeRegistry.Storage.Stores"] = ["DyeRegistry.Storage", "DyeRegistry.Storage.Sqlite", "DyeRegistry.Storage.Postgres"],
        ["DyeRegistry.Claims"] = ["DyeRegistry.Markush", "DyeRegistry.Storage", "DyeRegistry.Chemistry"],
        ["DyeRegistry.Pores"] = [],
        ["DyeRegistry.Estimates"] = ["DyeRegistry.Chemistry"],
        ["DyeRegistry.Registry"] = ["DyeRegistry.Chemistry", "DyeRegistry.Markush", "DyeRegistry.Storage", "DyeRegistry.Pores"],
        // The use cases both front ends call: domain and storage interfaces, never a store's implementation.
        ["DyeRegistry.Application"] = ["DyeRegistry.Chemistry", "DyeRegistry.Markush", "DyeRegistry.Claims", "DyeRegistry.Registry", "DyeRegistry.Pores", "DyeRegistry.Storage", "DyeRegistry.Estimates"],
        // The HTTP front end: use cases, the stores it opens. Never the CLI.
        ["DyeRegistry.Server"] = ["DyeRegistry.Application", "DyeRegistry.Chemistry", "DyeRegistry.Markush", "DyeRegistry.Claims", "DyeRegistry.Registry", "DyeRegistry.Storage", "DyeRegistry.Storage.Sqlite", "DyeRegistry.Storage.Stores"],
        // The dyereg program hosts the server (dyereg serve calls ServerHost); the server never
        // references the CLI, and the CLI uses nothing of it but ServerHost and ServeOptions.
        // Screening on an Orleans cluster: the screening use case and the formulas it loads.
        ["DyeRegistry.Cluster"] = ["DyeRegistry.Application", "DyeRegistry.Markush"],
        ["DyeRegistry.Cli"] = ["DyeRegistry.Cluster", "DyeRegistry.Server", "DyeRegistry.Application", "DyeRegistry.Chemistry", "DyeRegistry.Markush", "DyeRegistry.Claims", "DyeRegistry.Registry", "DyeRegistry.Pores", "DyeRegistry.Storage", "DyeRegistry.Storage.Sqlite", "DyeRegistry.Storage.Stores", "DyeRegistry.Estimates"],
    };

    [Fact]
    public void EveryProject_ReferencesOnlyTheLayersBelowIt()
    {
        var violations = new List<string>();
        foreach (var csproj in Directory.GetFiles(SourceRoot, "*.csproj", SearchOption.AllDirectories))
        {
            var name = Path.GetFileNameWithoutExtension(csproj);
            Assert.True(Allowed.ContainsKey(name), $"{name} is not in the layer table: add it with the layers it may use");
            foreach (var reference in References(csproj))
            {
                if (!Allowed[name].Contains(reference))
                {
                    violations.Add($"{name} -> {reference}");
                }
            }
        }

        Assert.True(violations.Count == 0, "layering violations: " + string.Join("; ", violations));
    }

    [Fact]
    public void DomainProjects_UseNoSqlPackages()
    {
        foreach (var domain in new[] { "DyeRegistry.Markush", "DyeRegistry.Claims", "DyeRegistry.Storage", "DyeRegistry.Registry", "DyeRegistry.Application" })
        {
            var csproj = Path.Combine(SourceRoot, domain, domain + ".csproj");
            var packages = XDocument.Load(csproj).Descendants("PackageReference").Select(p => (string?)p.Attribute("Include") ?? "");
            Assert.DoesNotContain(packages, p => p.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) || p.Contains("Npgsql", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void FrontEnds_HoldNoSqlNorNativeCalls()
    {
        // SQL lives in the stores, native calls in the chemistry layer; the use cases and the
        // server above them only call those layers.
        foreach (var project in new[] { "DyeRegistry.Application", "DyeRegistry.Server" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(SourceRoot, project), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
            {
                var text = File.ReadAllText(file);
                foreach (var forbidden in new[] { "DllImport", "LibraryImport", "Microsoft.Data.Sqlite", "SqliteCommand", "Npgsql" })
                {
                    Assert.False(text.Contains(forbidden, StringComparison.Ordinal), $"{file} uses {forbidden}");
                }
            }
        }
    }

    [Fact]
    public void Cli_UsesOnlyTheServersHost()
    {
        // dyereg serve starts the server through ServerHost and ServeOptions; nothing else of the
        // server (endpoints, authentication) is the CLI's business.
        var allowed = new[] { "ServerHost", "ServeOptions" };
        foreach (var file in Directory.GetFiles(Path.Combine(SourceRoot, "DyeRegistry.Cli"), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            if (!text.Contains("using DyeRegistry.Server", StringComparison.Ordinal) && !text.Contains("DyeRegistry.Server.", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var type in new[] { "ServerResources", "BearerAuthentication", "RolePolicies", "RequestLogging", "DyeRegistry.Server.Api" })
            {
                Assert.False(text.Contains(type, StringComparison.Ordinal), $"{file} uses {type}; the CLI may use only {string.Join(" and ", allowed)}");
            }
        }
    }

    private static IEnumerable<string> References(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(((string?)r.Attribute("Include") ?? "").Replace('\\', '/')));

    private static string FindSourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DyeRegistry.sln")))
            {
                return Path.Combine(dir.FullName, "src");
            }
        }

        throw new DirectoryNotFoundException("DyeRegistry.sln not found above the test assembly");
    }
}
