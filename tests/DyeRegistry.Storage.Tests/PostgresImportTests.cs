using System.Diagnostics;
using System.Text.RegularExpressions;
using DyeRegistry.Storage.Stores;
using Xunit.Abstractions;

namespace DyeRegistry.Storage.Tests;

/// <summary>
/// Real <c>dyereg</c> processes on a PostgreSQL registry: the samples give the same export and
/// searches as a SQLite registry; two importers of overlapping files at once store every record
/// once and report every duplicate; killing one importer (SIGKILL) loses only its uncommitted records.
/// </summary>
public sealed partial class PostgresImportTests(ITestOutputHelper output) : IDisposable
{
    private readonly PostgresFixture fixture = new();
    private readonly string dir = Directory.CreateTempSubdirectory("dyereg-pg-import-").FullName;

    public void Dispose()
    {
        fixture.Dispose();
        Directory.Delete(dir, recursive: true);
    }

    private string Registry => fixture.Location;

    [Fact]
    public void Samples_InPostgres_ExportAndSearchAsInSqlite()
    {
        var samples = Path.Combine(RepositoryRoot(), "samples");
        var sqlite = Path.Combine(dir, "registry.db");
        foreach (var registry in new[] { Registry, sqlite })
        {
            var (code, _, err) = Run("import", Path.Combine(samples, "records.json"), Path.Combine(samples, "dyes.smi"), "--registry", registry);
            Assert.True(code == 1, $"import into {registry}: exit {code} (the samples hold one broken record): {err}");
            Assert.Contains("1 duplicate, 1 failed", err, StringComparison.Ordinal);
        }

        Assert.Equal(Run("export", "--registry", sqlite).Out, Run("export", "--registry", Registry).Out);
        foreach (var query in new[] { "--smarts=N=N", "--smarts=c1ccccc1", "--smarts=[#16](=O)(=O)", "--formula=I", "--formula=Y-I", "--similar=Oc1ccc(N=Nc2ccccc2)cc1", "--min-tanimoto=0.2" })
        {
            var args = query.StartsWith("--min", StringComparison.Ordinal) ? new[] { "--similar=Oc1ccc(N=Nc2ccccc2)cc1", query } : [query];
            var expected = Run(["search", .. args, "--registry", sqlite]);
            var actual = Run(["search", .. args, "--registry", Registry]);
            Assert.Equal(0, expected.Code);
            Assert.Equal(expected.Out, actual.Out);
            output.WriteLine($"{string.Join(' ', args)}: {actual.Err.Trim()}");
        }

        // The PostgreSQL registry passes dyereg check, and show works on it.
        Assert.Equal(0, Run("check", "--registry", Registry).Code);
        Assert.Contains("version 1 created", Run("show", "M-101", "--registry", Registry).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoImportProcessesOfOverlappingFiles_StoreEveryRecordOnce_AndReportEveryDuplicate()
    {
        // a: K-000..K-399. b: L-000..L-199 (the structures of K-000..K-199 under other ids), then
        // K-200..K-399 (the same records as a's).
        var a = Path.Combine(dir, "a.smi");
        var b = Path.Combine(dir, "b.smi");
        File.WriteAllLines(a, Enumerable.Range(0, 400).Select(i => $"{Smiles(i)} K-{i:D3}"));
        File.WriteAllLines(b, Enumerable.Range(0, 200).Select(i => $"{Smiles(i)} L-{i:D3}").Concat(Enumerable.Range(200, 200).Select(i => $"{Smiles(i)} K-{i:D3}")));
        Assert.Equal(0, Run("init", "--registry", Registry).Code);
        using var first = Start("import", a, "--registry", Registry, "--threads", "1");
        using var second = Start("import", b, "--registry", Registry, "--threads", "1");
        var results = new[] { Finish(first), Finish(second) };
        var totals = results.Select(r => Summary(r.Err)).ToList();
        output.WriteLine(string.Join("\n", results.Select(r => r.Err.Split('\n').Last(l => l.Contains("records:", StringComparison.Ordinal)))));
        Assert.All(results, r => Assert.Equal(0, r.Code));
        Assert.Equal(400, totals.Sum(t => t["created"]));
        Assert.Equal(200, totals.Sum(t => t["duplicate"]));
        Assert.Equal(200, totals.Sum(t => t["unchanged"]));
        Assert.Equal(0, totals.Sum(t => t["failed"]));
        Assert.Equal(200, results.Sum(r => r.Err.Split('\n').Count(l => l.Contains(": duplicate: duplicate of ", StringComparison.Ordinal))));

        using var store = RegistryStores.Open(Registry);
        var dyes = store.Dyes().ToList();
        Assert.Equal(400, dyes.Count);
        Assert.Equal(400, dyes.Select(d => d.ParentKey).Distinct().Count());
        for (var i = 0; i < 400; i++)
        {
            var ids = new[] { $"K-{i:D3}", $"L-{i:D3}" }.Where(id => store.Get(id) is not null).ToList();
            Assert.Single(ids);
            Assert.Single(store.History(ids[0]));
        }
    }

    [Fact]
    public void KillingOneOfTwoImporters_LosesOnlyItsUncommittedRecords()
    {
        var a = Path.Combine(dir, "a.smi");
        var b = Path.Combine(dir, "b.smi");
        File.WriteAllLines(a, Enumerable.Range(0, 300).Select(i => $"{Smiles(i)} A-{i:D4}"));
        File.WriteAllLines(b, Enumerable.Range(300, 1000).Select(i => $"{Smiles(i)} B-{i:D4}"));
        Assert.Equal(0, Run("init", "--registry", Registry).Code);
        using var survivor = Start("import", a, "--registry", Registry, "--threads", "1");
        using (var victim = Start("import", b, "--registry", Registry, "--threads", "1"))
        {
            var clock = Stopwatch.StartNew();
            while (Count("B-%") < 100)
            {
                Assert.False(victim.HasExited, "the import finished before it could be killed: make the input larger");
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "the import stored too few records in 3 minutes");
                Thread.Sleep(50);
            }

            victim.Kill(); // SIGKILL: no cleanup runs; the server rolls back its open transaction
            victim.WaitForExit();
        }

        var done = Finish(survivor);
        Assert.Equal(0, done.Code);
        Assert.Equal(300, Count("A-%"));
        var kept = Count("B-%");
        output.WriteLine($"after the kill: {kept} of 1000 records of the killed importer stored");
        Assert.InRange(kept, 100, 999);

        // Every record stored is whole: its dye structure, its parent key, one history row.
        Assert.Equal(kept + 300, Count("%", "dye_structures"));
        Assert.Equal(kept + 300, Count("%", "dye_parents"));
        Assert.Equal(kept + 300, Count("%", "record_history"));
        using (var store = RegistryStores.Open(Registry))
        {
            Assert.Equal("ok", store.IntegrityCheck());
        }

        // Importing again finishes the job: what was stored is unchanged, the rest is created.
        var again = Run("import", b, "--registry", Registry, "--threads", "1");
        Assert.Equal(0, again.Code);
        Assert.Contains($"{1000 - kept} created, 0 updated, {kept} unchanged, 0 duplicate, 0 failed", again.Err, StringComparison.Ordinal);
        Assert.Equal(1000, Count("B-%"));
    }

    // Distinct by construction (chain lengths), dye-like (azo).
    private static string Smiles(int i) => $"CCN({new string('C', 1 + (i % 60))})c1ccc(N=Nc2ccc(O{new string('C', 1 + (i / 60))})cc2)cc1";

    private long Count(string idPattern, string table = "records")
    {
        try
        {
            return Convert.ToInt64(fixture.Database.Scalar($"SELECT count(*) FROM {table} WHERE id LIKE '{idPattern}'"), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == "42P01")
        {
            return 0; // the schema is not there yet
        }
    }

    private static Dictionary<string, int> Summary(string err)
    {
        var m = SummaryLine().Match(err);
        Assert.True(m.Success, "no summary line in: " + err);
        return new Dictionary<string, int>
        {
            ["created"] = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            ["unchanged"] = int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture),
            ["duplicate"] = int.Parse(m.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture),
            ["failed"] = int.Parse(m.Groups[5].Value, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    [GeneratedRegex(@"records: (\d+) created, (\d+) updated, (\d+) unchanged, (\d+) duplicate, (\d+) failed")]
    private static partial Regex SummaryLine();

    private static (int Code, string Out, string Err) Run(params string[] args) => Finish(Start(args));

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "dyereg"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    private static (int Code, string Out, string Err) Finish(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "DyeRegistry.sln")))
            {
                return d.FullName;
            }
        }

        throw new DirectoryNotFoundException("DyeRegistry.sln not found above the test assembly");
    }
}
