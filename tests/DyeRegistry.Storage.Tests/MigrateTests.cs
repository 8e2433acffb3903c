using System.Diagnostics;
using DyeRegistry.Storage.Stores;

namespace DyeRegistry.Storage.Tests;

/// <summary><c>dyereg migrate</c> copies a registry between stores in either direction; a copy of
/// a copy is identical to the original (exports, histories, dye structures, computed values).</summary>
public sealed class MigrateTests : IDisposable
{
    private readonly PostgresFixture postgres = new();
    private readonly string dir = Directory.CreateTempSubdirectory("dyereg-migrate-").FullName;

    public void Dispose()
    {
        postgres.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void SqliteToPostgresToSqlite_GivesTheSameRegistry()
    {
        var samples = Path.Combine(Root(), "samples");
        var original = Path.Combine(dir, "original.db");
        var copy = Path.Combine(dir, "copy.db");
        Run("import", Path.Combine(samples, "records.json"), Path.Combine(samples, "dyes.smi"), "--registry", original);
        // A form, an update and a deletion, so history has every kind of entry.
        File.WriteAllText(Path.Combine(dir, "form.smi"), "[Na+].[O-]c1ccc(N=Nc2ccccc2)cc1 F-1\nOc1ccc(N=Nc2ccccc2)cc1 F-0\n");
        Run("import", Path.Combine(dir, "form.smi"), "--registry", original);
        File.WriteAllText(Path.Combine(dir, "form2.smi"), "[K+].[O-]c1ccc(N=Nc2ccccc2)cc1 F-2\n");
        Run("import", Path.Combine(dir, "form2.smi"), "--as-form", "--registry", original);
        Run("delete", "F-2", "--registry", original);
        using (var store = RegistryStores.Open(original))
        using (var tx = store.Begin())
        {
            // What an import computes from a medium's isotherm (the samples carry none).
            tx.PutComputed("MED-1", [new ComputedQuantity("ink_receiving_layer.peak_pore_diameter_nm", 23.456789012345678, "nm", "BJH, desorption")]);
            tx.Commit();
        }

        Assert.Equal(0, Run("migrate", "--from", original, "--to", postgres.Location).Code);
        Assert.Equal(0, Run("migrate", "--from", postgres.Location, "--to", copy).Code);
        var again = Run("migrate", "--from", original, "--to", postgres.Location);
        Assert.Equal(2, again.Code);
        Assert.Contains("is not empty", again.Err, StringComparison.Ordinal);

        Assert.Equal(Run("export", "--registry", original).Out, Run("export", "--registry", copy).Out);
        Assert.Equal(Run("export", "--registry", original).Out, Run("export", "--registry", postgres.Location).Out);
        using var a = RegistryStores.Open(original);
        using var b = RegistryStores.Open(postgres.Location);
        using var c = RegistryStores.Open(copy);
        var history = a.AllHistory().ToList();
        Assert.Contains(history, h => h.Change == "deleted");
        Assert.Equal(history, b.AllHistory());
        Assert.Equal(history, c.AllHistory());
        foreach (var store in new[] { b, c })
        {
            Assert.Equal(a.List(), store.List(), RecordComparer);
            Assert.Equal(a.Dyes().Select(Text), store.Dyes().Select(Text));
            Assert.Equal(a.List().SelectMany(r => a.Computed(r.Id)), store.List().SelectMany(r => store.Computed(r.Id)));
            Assert.Equal(a.DyeWithParentKey(a.GetDye("F-1")!.ParentKey), store.DyeWithParentKey(a.GetDye("F-1")!.ParentKey));
        }

        Assert.NotEmpty(a.List().SelectMany(r => a.Computed(r.Id)));
    }

    private static readonly IEqualityComparer<StoredRecord> RecordComparer = EqualityComparer<StoredRecord>.Create(
        (x, y) => x!.Id == y!.Id && x.Kind == y.Kind && x.Version == y.Version && x.UpdatedUtc == y.UpdatedUtc && System.Text.Json.Nodes.JsonNode.DeepEquals(x.Document, y.Document),
        r => r.Id.GetHashCode(StringComparison.Ordinal));

    private static string Text(DyeStructure d) => string.Join("|", d.Id, d.ParentSmiles, d.ParentKey, string.Join(",", d.RemovedFragments),
        Convert.ToHexString(d.RecordPickle), Convert.ToHexString(d.PatternFingerprint), Convert.ToHexString(d.MorganFingerprint), string.Join(",", d.Within), d.FormulaStamp);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "dyereg")) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Root()
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
