using System.IO.Compression;
using DyeRegistry.Application.Screening.Shards;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests;

/// <summary>
/// <c>dyereg screen plan|shard|merge</c>: a job cut into shards at record boundaries, each shard
/// run on its own (in any order, one of them twice), merges to the output and errors of one
/// single-machine <c>dyereg screen</c>, byte for byte, for every output format, for SMILES (with
/// comments, blank lines and CRLF line ends), SDF and a gzip file (a whole shard).
/// </summary>
public sealed class ScreenShardTests : IDisposable
{
    private readonly TempFolder dir = new("dyereg-shard-");

    public void Dispose() => dir.Dispose();

    private string Smiles(string name, string newline) =>
        dir.File(name, string.Join(newline, Enumerable.Range(0, 900).Select(i =>
            i % 100 == 50 ? "# a comment line"
            : i % 100 == 51 ? string.Empty
            : i % 37 == 36 ? $"C1CC( bad-{i}"
            : i % 41 == 40 ? $"C(C)(C)(C)(C)C pent-{i}"
            : i % 7 == 0 ? $"c1ccc(nc1)N=Nc1nc({new string('C', 1 + (i % 9))})cs1 hit-{i}"
            : $"{new string('C', 1 + (i % 12))}O plain-{i}")) + newline);

    private string Sdf()
    {
        var blocks = Enumerable.Range(0, 60).Select(i =>
        {
            if (i % 13 == 12)
            {
                return $"rec-{i}\n  broken, no end line\n\n$$$$\n"; // an error record
            }

            using var m = DyeRegistry.Chemistry.Molecule.FromSmiles(i % 5 == 0 ? "c1ccc(nc1)N=Nc1nc(C)cs1" : "CCO");
            var block = m.ToMolBlock();
            return $"rec-{i}" + block[block.IndexOf('\n')..] + "> <N>\n" + i + "\n\n$$$$\n";
        });
        return dir.File("cat.sdf", string.Concat(blocks));
    }

    private static void Screen(string[] files, string output)
    {
        var run = CliRunner.Run([.. new[] { "screen" }, .. files, "-o", output, "--errors", output + ".errors", "--quiet"]);
        Assert.True(run.Exit == 0, run.Err);
    }

    private (string Output, int Shards) Sharded(string[] files, string format, int perShard)
    {
        var job = dir.Combine("job-" + format + "-" + perShard);
        var (exit, stdout, err) = CliRunner.Run([.. new[] { "screen", "plan" }, .. files, "--job", job, "--shard-records", perShard.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", format]);
        Assert.True(exit == 0, err);
        var shards = int.Parse(stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var k in Enumerable.Range(0, shards).Reverse()) // any order
        {
            var run = CliRunner.Run("screen", "shard", "--job", job, "--shard", k.ToString(System.Globalization.CultureInfo.InvariantCulture), "-j", "2");
            Assert.True(run.Exit == 0, run.Err);
        }

        var output = dir.Combine($"merged-{perShard}.{format}");
        var merge = CliRunner.Run("screen", "merge", "--job", job, "-o", output, "--errors", output + ".errors");
        Assert.True(merge.Exit == 0, merge.Err);
        return (output, shards);
    }

    [Theory]
    [InlineData("jsonl", "\n")]
    [InlineData("csv", "\r\n")]
    [InlineData("sdf", "\n")]
    public void MergedShards_AreTheSingleMachineScreen_ByteForByte(string format, string newline)
    {
        var files = new[] { Smiles("a.smi", newline), Sdf(), Smiles("b.smi", "\n") };
        var single = dir.Combine("single." + format);
        Screen(files, single);
        var (merged, shards) = Sharded(files, format, 97);
        Assert.True(shards >= 20, $"{shards} shards"); // 900 + 60 + 900 records, cut into many
        Assert.Equal(File.ReadAllBytes(single), File.ReadAllBytes(merged));
        Assert.Equal(File.ReadAllBytes(single + ".errors"), File.ReadAllBytes(merged + ".errors"));
        Assert.NotEmpty(File.ReadAllLines(single + ".errors"));
        Assert.Contains("line ", File.ReadAllText(single + ".errors"), StringComparison.Ordinal);
    }

    [Fact]
    public void GzipFile_IsOneWholeShard_AndMergesTheSame()
    {
        var plain = Smiles("c.smi", "\n");
        var gz = dir.Combine("c.smi.gz");
        using (var to = new GZipStream(File.Create(gz), CompressionLevel.Fastest))
        {
            using var from = File.OpenRead(plain);
            from.CopyTo(to);
        }

        var single = dir.Combine("single-gz.jsonl");
        Screen([gz, plain], single);
        var (merged, shards) = Sharded([gz, plain], "jsonl", 300);
        Assert.Equal(1 + 3, shards); // the gzip file whole; the plain one in three
        Assert.Equal(File.ReadAllBytes(single), File.ReadAllBytes(merged));
        Assert.Equal(File.ReadAllBytes(single + ".errors"), File.ReadAllBytes(merged + ".errors"));
    }

    [Fact]
    public void RunningAShardTwice_ChangesNothing_AndALostPartIsNoticed()
    {
        var file = Smiles("d.smi", "\n");
        var job = dir.Combine("job-twice");
        Assert.Equal(0, CliRunner.Run("screen", "plan", file, "--job", job, "--shard-records", "400").Exit);
        Assert.Equal(0, CliRunner.Run("screen", "shard", "--job", job, "--shard", "1").Exit);
        var plan = ShardPlan.Load(job);
        var entry = File.ReadAllBytes(JobFiles.Completion(job, 1));
        var part = File.ReadAllBytes(JobFiles.PartOutput(plan, 1));
        var written = File.GetLastWriteTimeUtc(JobFiles.PartOutput(plan, 1));

        var again = CliRunner.Run("screen", "shard", "--job", job, "--shard", "1");
        Assert.Contains("already complete", again.Err, StringComparison.Ordinal);
        Assert.Equal(entry, File.ReadAllBytes(JobFiles.Completion(job, 1)));
        Assert.Equal(written, File.GetLastWriteTimeUtc(JobFiles.PartOutput(plan, 1)));

        var incomplete = CliRunner.Run("screen", "merge", "--job", job, "-o", dir.Combine("m.jsonl"));
        Assert.Equal(3, incomplete.Exit); // shards 0 and 2 never ran
        Assert.Contains("not complete", incomplete.Err, StringComparison.Ordinal);

        File.AppendAllText(JobFiles.PartOutput(plan, 1), "tampered\n");
        Assert.NotNull(ShardCompletion.Load(job, 1)!.Difference(plan));
        var rerun = CliRunner.Run("screen", "shard", "--job", job, "--shard", "1");
        Assert.DoesNotContain("already complete", rerun.Err, StringComparison.Ordinal);
        Assert.Equal(part, File.ReadAllBytes(JobFiles.PartOutput(plan, 1)));
    }
}
