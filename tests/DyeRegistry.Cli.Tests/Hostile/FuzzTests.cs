using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using DyeRegistry.TestSupport;
using Xunit.Abstractions;

namespace DyeRegistry.Cli.Tests.Hostile;

/// <summary>
/// Issue 13's fuzz test: every reader (inspect, match, screen) and import run as the real program
/// over 100,000 hostile SMILES lines of every kind mixed with 5,000 real ones, 12,000 SD records
/// (hostile and real), and gzip files cut short and corrupt. Each run must end on its own within its
/// time bound with a documented exit code, never an unexpected error, and every real record must
/// come out exactly as in a clean run of the real records alone.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper log) : IDisposable
{
    private const int HostileSmiles = 100_000;
    private const int RealSmiles = 5_000;
    private const int SdfRecords = 12_000;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(8);

    private readonly TempFolder dir = new("dyereg-fuzz-");

    public void Dispose() => dir.Dispose();

    [Fact]
    public void EveryReaderAndImport_SurviveHostileSmiles_AndKeepEveryRealRecord() => SmilesFuzz(HostileInput.RealLines, seed: 1301);

    /// <summary>The same with real catalogue lines as the good records.</summary>
    [ValidationFact]
    [Trait("Category", "Validation")]
    public void EveryReaderAndImport_SurviveHostileSmiles_MixedWithTheCatalogue() =>
        SmilesFuzz(File.ReadLines(SharedData.Catalogue).Where(l => l.Length > 0).Take(RealSmiles).ToList(), seed: 1302);

    [Fact]
    public void EveryReaderAndImport_SurviveHostileSdf_AndKeepEveryRealRecord()
    {
        var records = new HostileInput(1303).SdfRecords(SdfRecords, realFraction: 0.4).ToList();
        var mixed = Write("mixed.sdf", HostileInput.Join(records));
        var clean = Write("clean.sdf", HostileInput.Join(records.Where(r => r.IsReal)));
        CompareAllReaders(mixed, clean, records.Count(r => r.IsReal), records.Count);
    }

    [Fact]
    public void CompressedFilesCutShortOrCorrupt_AreErrorsNamingTheFile_ForEveryReader()
    {
        var input = new HostileInput(1304);
        var data = HostileInput.Join(input.SmilesLines(300, realFraction: 1.0));
        var gzip = HostileInput.Gzip(data);
        foreach (var (name, bytes) in new[] { ("cut.smi.gz", input.CutShort(gzip)), ("corrupt.smi.gz", input.Corrupt(gzip)), ("notgzip.smi.gz", data) })
        {
            var file = Write(name, bytes);
            foreach (var args in Readers(file))
            {
                var (exit, _, err) = Run(args);
                Assert.True(exit == 2, $"{string.Join(' ', args)}: exit {exit}; {err[..Math.Min(err.Length, 400)]}");
                Assert.Contains(file, err, StringComparison.Ordinal);
                Assert.DoesNotContain("unexpected error", err, StringComparison.Ordinal);
            }
        }
    }

    private void SmilesFuzz(IReadOnlyList<string> realLines, int seed)
    {
        var input = new HostileInput(seed);
        var records = Mix(input, realLines).ToList();
        log.WriteLine(string.Join(", ", records.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        var mixed = Write("mixed.smi", HostileInput.Join(records));
        var clean = Write("clean.smi", HostileInput.Join(records.Where(r => r.IsReal)));
        CompareAllReaders(mixed, clean, records.Count(r => r.IsReal), records.Count);
    }

    // 100,000 hostile lines and 5,000 real ones, shuffled; the kinds that make huge lines are kept
    // to a few hundred each so the file stays near 40 MB.
    private static IEnumerable<HostileRecord> Mix(HostileInput input, IReadOnlyList<string> realLines)
    {
        var random = new Random(7);
        var giant = new Dictionary<HostileKind, int> { [HostileKind.LongLine] = 120, [HostileKind.HugeChain] = 300, [HostileKind.DeepBranches] = 300, [HostileKind.ManyRings] = 300 };
        var cheap = HostileInput.SmilesLineKinds.Where(k => !giant.ContainsKey(k)).ToList();
        var plan = new List<HostileKind?>();
        foreach (var (kind, n) in giant)
        {
            plan.AddRange(Enumerable.Repeat<HostileKind?>(kind, n));
        }

        var real = RealSmiles;
        plan.AddRange(Enumerable.Repeat<HostileKind?>(null, real));
        while (plan.Count < HostileSmiles + RealSmiles)
        {
            plan.Add(cheap[random.Next(cheap.Count)]);
        }

        var order = plan.OrderBy(_ => random.Next()).ToList();
        var reals = input.SmilesLines(real, realLines, realFraction: 1.0).GetEnumerator();
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] is { } kind)
            {
                yield return input.SmilesLine(kind, i);
            }
            else
            {
                reals.MoveNext();
                yield return reals.Current;
            }
        }
    }

    private void CompareAllReaders(string mixed, string clean, int realCount, int total)
    {
        // inspect: the real records' lines (id, SMILES, formula, mass, logP) exactly as in a clean run.
        var (exitI, outI, errI) = Run(["inspect", mixed, "--keep-going"]);
        Assert.True(exitI == 0, errI[^Math.Min(errI.Length, 600)..]);
        Assert.Equal(Run(["inspect", clean]).Out, outI);
        Assert.Contains($"{total} records: {realCount} read, {total - realCount} failed", errI, StringComparison.Ordinal);

        // match: every real record's verdicts and explanations, as in a clean run.
        var (exitM, outM, errM) = Run(["match", mixed, "--format", "jsonl", "--keep-going"]);
        Assert.True(exitM == 0, errM[^Math.Min(errM.Length, 600)..]);
        Assert.Equal(Results(Run(["match", clean, "--format", "jsonl"]).Out), Results(outM));

        // screen: the same hits; the hostile records in the errors file, each with its reason.
        var hitsMixed = dir.Combine("hits-mixed.jsonl");
        var hitsClean = dir.Combine("hits-clean.jsonl");
        var errors = dir.Combine("errors.txt");
        var (exitS, _, errS) = Run(["screen", mixed, "-o", hitsMixed, "--errors", errors, "--quiet"]);
        Assert.True(exitS == 0, errS);
        Assert.Equal(0, Run(["screen", clean, "-o", hitsClean, "--quiet"]).Exit);
        Assert.Equal(Results(File.ReadAllText(hitsClean)), Results(File.ReadAllText(hitsMixed)));
        Assert.Equal(total - realCount, File.ReadLines(errors).Count());

        // import: the registry holds exactly what a clean import stores.
        var registryMixed = dir.Combine("mixed.db");
        var registryClean = dir.Combine("clean.db");
        var (exitR, _, errR) = Run(["import", mixed, "--registry", registryMixed]);
        Assert.True(exitR == 1, errR[^Math.Min(errR.Length, 600)..]);
        Assert.Equal(0, Run(["import", clean, "--registry", registryClean]).Exit);
        Assert.Equal(Run(["export", "--registry", registryClean]).Out, Run(["export", "--registry", registryMixed]).Out);
    }

    // The results of the records read, from a JSONL output, without the input location (line
    // numbers differ between the two files); records that could not be read are left out.
    private static List<string> Results(string jsonl) => jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(l => JsonNode.Parse(l)!.AsObject())
        .Where(o => o["error"] is null)
        .Select(o =>
        {
            o.Remove("record");
            o.Remove("record_number"); // where the record is differs between the two files (screen's jsonl)
            o.Remove("line");
            return o.ToJsonString();
        }).ToList();

    private static IEnumerable<string[]> Readers(string file) =>
    [
        ["inspect", file],
        ["match", file, "--format", "jsonl"],
        ["screen", file, "--quiet"],
        ["import", file, "--registry", file + ".db"],
    ];

    private string Write(string name, byte[] bytes)
    {
        var path = dir.Combine(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // The real program, bounded in time: a run past the bound is killed and fails the test.
    private (int Exit, string Out, string Err) Run(string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "dyereg"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DYEREG_LOG_DIR"] = dir.Combine("logs");
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        if (!p.WaitForExit(Bound))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"dyereg {string.Join(' ', args)} ran past {Bound.TotalMinutes} minutes");
        }

        p.WaitForExit();
        log.WriteLine($"dyereg {args[0]} {Path.GetFileName(args[1])}: exit {p.ExitCode} in {clock.Elapsed.TotalSeconds:F1} s");
        var err = stderr.Result;
        Assert.DoesNotContain("unexpected error", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        return (p.ExitCode, stdout.Result, err);
    }
}
