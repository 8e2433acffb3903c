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
        ["DyeRegistry.Claims"] = ["DyeRegistry.Markush", "DyeRegistry.Storage", "DyeRegistry.Chemistry"],
        ["DyeRegistry.Pores"] = [],
        ["DyeRegistry.Estimates"] = ["DyeRegistry.Chemistry"],
        ["DyeRegistry.Registry"] = ["DyeRegistry.Chemistry", "DyeRegistry.Markush", "DyeRegistry.Storage", "DyeRegistry.Pores"],
        ["DyeRegistry.Cli"] = ["DyeRegistry.Chemistry", "DyeRegistry.Markush", "DyeRegistry.Claims", "DyeRegistry.Registry", "DyeRegistry.Pores", "DyeRegistry.Storage", "DyeRegistry.Storage.Sqlite", "DyeRegistry.Estimates"],
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
        foreach (var domain in new[] { "DyeRegistry.Markush", "DyeRegistry.Claims", "DyeRegistry.Storage", "DyeRegistry.Registry" })
        {
            var csproj = Path.Combine(SourceRoot, domain, domain + ".csproj");
            var packages = XDocument.Load(csproj).Descendants("PackageReference").Select(p => (string?)p.Attribute("Include") ?? "");
            Assert.DoesNotContain(packages, p => p.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) || p.Contains("Npgsql", StringComparison.OrdinalIgnoreCase));
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
