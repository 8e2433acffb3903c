using System.Diagnostics;
using DyeRegistry.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace DyeRegistry.Cli.Tests;

/// <summary>
/// Kills a real <c>dyereg import</c> process (SIGKILL) in the middle of a large import, then shows
/// the registry opens, passes SQLite's integrity check, and holds each record whole (record,
/// history and dye structure together) or not at all; importing again completes it.
/// </summary>
public sealed class KilledImportTests(ITestOutputHelper output) : IDisposable
{
    private const int Total = 6000;
    private readonly string dir = Directory.CreateTempSubdirectory("dyereg-kill-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void SigkillMidImport_LeavesEveryRecordWholeOrAbsent()
    {
        var file = Path.Combine(dir, "dyes.smi");
        File.WriteAllLines(file, Enumerable.Range(0, Total).Select(i =>
            $"CCN({new string('C', 1 + (i % 60))})c1ccc(N=Nc2ccc(O{new string('C', 1 + (i / 60))})cc2)cc1 K-{i:D5}"));
        var db = Path.Combine(dir, "registry.db");

        using (var import = Start(file, db))
        {
            var stored = WaitForRecords(db, minimum: 300, import);
            import.Kill(); // SIGKILL on Linux: no cleanup runs
            import.WaitForExit();
            output.WriteLine($"killed after at least {stored} records were visible");
        }

        using (var store = SqliteRegistryStore.Open(db, create: false))
        {
            Assert.Equal("ok", store.IntegrityCheck());
            var records = store.List();
            output.WriteLine($"after the kill: {records.Count} of {Total} records stored");
            Assert.InRange(records.Count, 300, Total - 1);
            foreach (var r in records)
            {
                Assert.NotNull(store.GetDye(r.Id));
                Assert.Single(store.History(r.Id));
            }
        }

        // Importing again finishes the job: what was stored is unchanged, the rest is created.
        using (var again = Start(file, db))
        {
            again.WaitForExit();
            Assert.Equal(0, again.ExitCode);
        }

        using var done = SqliteRegistryStore.Open(db, create: false);
        Assert.Equal(Total, done.List().Count);
        Assert.Equal("ok", done.IntegrityCheck());
    }

    private static Process Start(string file, string db)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "dyereg"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "import", file, "--registry", db, "--threads", "2" })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    private static long WaitForRecords(string db, long minimum, Process import)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            Assert.False(import.HasExited, "the import finished before it could be killed: make the input larger");
            if (File.Exists(db))
            {
                try
                {
                    using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
                    c.Open();
                    using var cmd = c.CreateCommand();
                    cmd.CommandText = "SELECT count(*) FROM records";
                    var n = (long)cmd.ExecuteScalar()!;
                    if (n >= minimum)
                    {
                        return n;
                    }
                }
                catch (SqliteException)
                {
                    // The schema may not exist yet.
                }
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException("the import stored too few records in 3 minutes");
    }
}
