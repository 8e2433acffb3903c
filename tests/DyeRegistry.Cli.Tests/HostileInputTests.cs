using System.Text;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests;

/// <summary>
/// Issue 13, parts 2 and 3, through the commands: records over a size limit, with control
/// characters or bytes that are not UTF-8, and compressed or encoded files that are broken or
/// odd. Each hostile input is made here (HostileInput), never checked in. None of these tests
/// times anything, but an implementation that let RDKit perceive a 4,000-atom chain would make
/// this class take minutes instead of a second.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Good = "c1ccccc1N=Nc1ccccc1 azobenzene\n";
    private readonly TempFolder dir = new("dyereg-hostile-");

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Inspect_ChainOf4001Atoms_IsARecordErrorNamingTheLimit_AndTheNextRecordIsRead()
    {
        var path = dir.File("chain.smi", new string('C', 4_001) + " chain\n" + Good);
        var (exit, stdout, stderr) = CliRunner.Run("inspect", path);
        Assert.Equal(1, exit);
        Assert.Contains("line 1 (chain): structure has 4,001 atoms, over the limit of 1,000 (--max-atoms)", stderr);
        Assert.Contains("azobenzene\tc1ccc(N=Nc2ccccc2)cc1", stdout);
        Assert.Contains("2 records: 1 read, 1 failed", stderr);
    }

    [Fact]
    public void Inspect_MaxAtoms_LowersAndRaisesTheLimit()
    {
        var path = dir.File("hexane.smi", "CCCCCC hexane\n");
        var (refusedExit, _, refused) = CliRunner.Run("inspect", path, "--max-atoms", "5");
        Assert.Equal(1, refusedExit);
        Assert.Contains("structure has 6 atoms, over the limit of 5 (--max-atoms)", refused);
        var (exit, stdout, _) = CliRunner.Run("inspect", path, "--max-atoms", "6");
        Assert.Equal(0, exit);
        Assert.Contains("hexane\tCCCCCC", stdout);
    }

    [Fact]
    public void Inspect_MaxBonds_IsChecked()
    {
        var (exit, _, stderr) = CliRunner.Run("inspect", dir.File("ring.smi", "C1CCCC1 cyclopentane\n"), "--max-bonds", "4");
        Assert.Equal(1, exit);
        Assert.Contains("structure has 5 bonds, over the limit of 4 (--max-bonds)", stderr);
    }

    [Fact]
    public void Inspect_DeepBranches_LongLine_ManyRings_EachRefusedByItsOwnLimit()
    {
        var deep = "C" + string.Concat(Enumerable.Repeat("(C", 10_000)) + new string(')', 10_000);
        var ladder = "C1C2" + string.Concat(Enumerable.Repeat("C11C22", 150)) + "C1C2"; // 302 rings in 304 atoms
        var path = dir.File("big.smi", deep + " deep\n" + new string('C', 200_000) + " long\n" + ladder + " ladder\n" + Good);
        var (exit, stdout, stderr) = CliRunner.Run("inspect", path);
        Assert.Equal(1, exit);
        Assert.Contains("line 1 (deep): structure has 10,000 levels of nested branches, over the limit of 250 (--max-branch-depth)", stderr);
        Assert.Contains("line 2 (line 2): line has 200,005 characters, over the limit of 65,536 (--max-line-length)", stderr);
        Assert.Contains("line 3 (ladder): structure has 302 rings, over the limit of 200 (--max-rings)", stderr);
        Assert.Contains("azobenzene", stdout);
    }

    [Fact]
    public void Match_Screen_Import_OverLimitRecordGoesToTheErrorsWithTheLimit_TheRestIsProcessed()
    {
        var path = dir.File("mixed.smi", new string('C', 4_001) + " chain\n" + Good);
        var (matchExit, matchOut, _) = CliRunner.Run("match", path, "--format", "jsonl");
        Assert.Equal(1, matchExit);
        Assert.Contains("4,001 atoms, over the limit of 1,000 (--max-atoms)", matchOut.Split('\n')[0]);
        Assert.Contains("\"id\":\"azobenzene\"", matchOut.Split('\n')[1]);

        var errors = dir.Combine("errors.txt");
        var (screenExit, _, screenErr) = CliRunner.Run("screen", path, "--all", "-o", dir.Combine("out.jsonl"), "--errors", errors, "--quiet");
        Assert.Equal(0, screenExit);
        Assert.Contains($"{path}: line 1 (chain): structure has 4,001 atoms, over the limit of 1,000 (--max-atoms)", File.ReadAllText(errors));
        Assert.Contains("azobenzene", File.ReadAllText(dir.Combine("out.jsonl")));
        Assert.Contains("2 records: 0 hits, 1 error ", screenErr);

        var db = dir.Combine("registry.db");
        var (importExit, _, importErr) = CliRunner.Run("import", path, "--registry", db);
        Assert.Equal(1, importExit);
        Assert.Contains("line 1 (chain): smiles: cannot be read: structure has 4,001 atoms, over the limit of 1,000 (--max-atoms)", importErr);
        Assert.Contains("1 created", importErr);
    }

    [Fact]
    public void Import_MaxAtoms_AppliesToJsonRecordsToo()
    {
        var json = dir.File("dye.json", "{\"kind\": \"dye\", \"id\": \"HEX\", \"smiles\": \"CCCCCC\"}");
        var (exit, _, stderr) = CliRunner.Run("import", json, "--registry", dir.Combine("r.db"), "--max-atoms", "5");
        Assert.Equal(1, exit);
        Assert.Contains("structure has 6 atoms, over the limit of 5 (--max-atoms)", stderr);
    }

    [Theory]
    [InlineData("CC\0O nul", "U+0000")]
    [InlineData("CC\u0007O bell", "U+0007")]
    [InlineData("CC\u001bO escape", "U+001B")]
    [InlineData("CCO\u007f del", "U+007F")]
    public void Inspect_ControlCharacterInALine_IsARecordError(string line, string code)
    {
        var (exit, stdout, stderr) = CliRunner.Run("inspect", dir.File("ctl.smi", line + "\n" + Good));
        Assert.Equal(1, exit);
        Assert.Contains($"line 1 (line 1): line contains a control character ({code})", stderr);
        Assert.DoesNotContain("\tCC\t", stdout); // never read as the part before the NUL
        Assert.Contains("azobenzene", stdout);
    }

    [Fact]
    public void Inspect_BytesThatAreNotUtf8_AreARecordError()
    {
        var path = dir.Combine("latin1.smi");
        File.WriteAllBytes(path, [.. "CC"u8, 0xe9, .. "O bad\n"u8, .. Encoding.UTF8.GetBytes(Good)]);
        var (exit, stdout, stderr) = CliRunner.Run("inspect", path);
        Assert.Equal(1, exit);
        Assert.Contains("line 1 (line 1): line contains bytes that are not valid UTF-8 (shown as U+FFFD) at position 3", stderr);
        Assert.Contains("azobenzene", stdout);
    }

    [Theory]
    [InlineData("[999999C] isotope", "an isotope of 6 digits")]
    [InlineData("C[C+999]C charge", "a charge of +999")]
    [InlineData("[C++++++++++++++++++] charges", "a charge of +18")]
    public void Inspect_IsotopeOrChargeOutOfRange_IsARecordError_NotAWrappedNumber(string line, string what)
    {
        var (exit, stdout, stderr) = CliRunner.Run("inspect", dir.File("range.smi", line + "\n"));
        Assert.Equal(1, exit);
        Assert.Contains(what, stderr);
        Assert.DoesNotContain("16959", stdout);
    }

    [Theory]
    [InlineData("inspect")]
    [InlineData("match")]
    [InlineData("screen")]
    [InlineData("import")]
    public void EveryReader_TruncatedGzip_ExitTwoNamingFileAndOffset(string command)
    {
        var data = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 60).Select(i => $"CCN(CC)c1ccc(N=Nc2ccc(O)cc2)cc1 dye-{i}\n")));
        var gz = HostileInput.Gzip(data);
        var path = dir.Combine("cut.smi.gz");
        File.WriteAllBytes(path, gz[..^5]);
        var (exit, _, stderr) = Run(command, path);
        Assert.Equal(2, exit);
        Assert.Contains($"{path}: the compressed data is cut short or corrupt at byte {gz.Length - 5:N0}", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Theory]
    [InlineData("inspect")]
    [InlineData("match")]
    [InlineData("screen")]
    [InlineData("import")]
    public void EveryReader_FileNamedGzThatIsNotGzip_ExitTwoWithAMessage(string command)
    {
        var path = dir.File("plain.smi.gz", Good);
        var (exit, _, stderr) = Run(command, path);
        Assert.Equal(2, exit);
        Assert.Contains($"{path}: named .gz but not gzip-compressed", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Inspect_CorruptGzip_ExitTwo_TwoMemberGzip_ReadWhole()
    {
        var data = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 60).Select(i => $"CCN(CC)c1ccc(N=Nc2ccc(O)cc2)cc1 dye-{i}\n")));
        var gz = HostileInput.Gzip(data);
        var corrupt = dir.Combine("corrupt.smi.gz");
        File.WriteAllBytes(corrupt, new HostileInput(7).Corrupt(gz));
        var (exit, _, stderr) = CliRunner.Run("inspect", corrupt);
        Assert.Equal(2, exit);
        Assert.Contains($"{corrupt}: the compressed data is cut short or corrupt at byte", stderr);

        var two = dir.Combine("two.smi.gz");
        File.WriteAllBytes(two, [.. gz, .. HostileInput.Gzip(Encoding.UTF8.GetBytes(Good))]);
        var (twoExit, twoOut, twoErr) = CliRunner.Run("inspect", two);
        Assert.Equal(0, twoExit);
        Assert.Contains("61 records: 61 read, 0 failed", twoErr);
        Assert.Contains("azobenzene", twoOut);
    }

    [Fact]
    public void Inspect_Utf16WithByteOrderMark_IsRead_WithoutOne_IsRefused()
    {
        var marked = dir.Combine("bom16.smi");
        File.WriteAllBytes(marked, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Good)]);
        var (exit, stdout, _) = CliRunner.Run("inspect", marked);
        Assert.Equal(0, exit);
        Assert.Contains("azobenzene\tc1ccc(N=Nc2ccccc2)cc1", stdout);

        var utf8Bom = dir.Combine("bom8.smi");
        File.WriteAllBytes(utf8Bom, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Good)]);
        Assert.Contains("azobenzene\tc1ccc", CliRunner.Run("inspect", utf8Bom).Out);

        var unmarked = dir.Combine("plain16.smi");
        File.WriteAllBytes(unmarked, Encoding.Unicode.GetBytes(Good));
        var (refusedExit, _, refused) = CliRunner.Run("inspect", unmarked);
        Assert.Equal(2, refusedExit);
        Assert.Contains($"{unmarked}: not UTF-8 text", refused);
    }

    [Fact]
    public void Inspect_EveryHostileSmilesKind_IsARecordError_RealLinesAsInACleanRun()
    {
        var hostile = new HostileInput(13);
        var records = new List<HostileRecord>();
        var n = 0;
        foreach (var kind in HostileInput.SmilesLineKinds)
        {
            records.Add(hostile.SmilesLine(kind, n++));
            records.Add(new HostileRecord(HostileKind.Real, "real", Encoding.UTF8.GetBytes(HostileInput.RealLines[n % HostileInput.RealLines.Length] + "\n")));
        }

        var mixed = dir.Combine("mixed.smi");
        File.WriteAllBytes(mixed, HostileInput.Join(records));
        var clean = dir.Combine("clean.smi");
        File.WriteAllBytes(clean, HostileInput.Join(records.Where(r => r.IsReal)));
        var (exit, stdout, stderr) = CliRunner.Run("inspect", mixed);
        var (cleanExit, cleanOut, _) = CliRunner.Run("inspect", clean);
        Assert.Equal(1, exit);
        Assert.Equal(0, cleanExit);
        Assert.Equal(cleanOut, stdout);
        Assert.Contains($"{records.Count} records: {records.Count / 2} read, {records.Count / 2} failed", stderr);
    }

    [Fact]
    public void Inspect_EveryHostileSdfKind_IsARecordError_RealRecordsAsInACleanRun()
    {
        var hostile = new HostileInput(31);
        var records = new List<HostileRecord>();
        var n = 0;
        foreach (var kind in HostileInput.SdfRecordKinds)
        {
            records.Add(hostile.SdfRecord(kind, n++));
            records.Add(new HostileRecord(HostileKind.Real, "real", Encoding.UTF8.GetBytes(HostileInput.RingBlock($"ring-{n}", 5 + n) + "$$$$\n")));
        }

        var mixed = dir.Combine("mixed.sdf");
        File.WriteAllBytes(mixed, HostileInput.Join(records));
        var clean = dir.Combine("clean.sdf");
        File.WriteAllBytes(clean, HostileInput.Join(records.Where(r => r.IsReal)));
        var (exit, stdout, stderr) = CliRunner.Run("inspect", mixed);
        var (_, cleanOut, _) = CliRunner.Run("inspect", clean);
        Assert.Equal(1, exit);
        Assert.Equal(cleanOut, stdout);
        Assert.Contains($"{records.Count} records: {records.Count / 2} read, {records.Count / 2} failed", stderr);
        Assert.Contains("over the limit of 1,000 (--max-atoms)", stderr);
    }

    [Fact]
    public void Search_Smarts_SizeAndRecursionLimits_AndTimeBudget_SaySoAndExitThree()
    {
        var db = dir.Combine("registry.db");
        Assert.Equal(0, CliRunner.Run("import", dir.File("dyes.smi", string.Concat(HostileInput.RealLines.Take(4).Select(l => l + "\n"))), "--registry", db).Exit);

        var chain = "*" + string.Concat(Enumerable.Repeat("~*", 39)) + "~[#99]";
        var (bigExit, _, big) = CliRunner.Run("search", "--registry", db, "--smarts", chain);
        Assert.Equal(2, bigExit);
        Assert.Contains("SMARTS has 41 atoms, over the limit of 40 (--max-query-atoms)", big);

        var nested = "[$([$([$([$([$(C)])])])])]";
        var (deepExit, _, deep) = CliRunner.Run("search", "--registry", db, "--smarts", nested);
        Assert.Equal(2, deepExit);
        Assert.Contains("SMARTS has 5 levels of nested recursive SMARTS, over the limit of 4 (--max-query-recursion)", deep);

        var (exit, stdout, stderr) = CliRunner.Run("search", "--registry", db, "--smarts", "c1ccccc1", "--time-limit", "0.000001");
        Assert.Equal(3, exit);
        Assert.Contains("search stopped: the time limit of 1E-06 s (--time-limit) ran out after", stderr);
        Assert.True(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length < 4);

        var (fullExit, fullOut, _) = CliRunner.Run("search", "--registry", db, "--smarts", "c1ccccc1");
        Assert.Equal(0, fullExit);
        Assert.Equal(4, fullOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private (int Exit, string Out, string Err) Run(string command, string path) => command switch
    {
        "screen" => CliRunner.Run("screen", path, "-o", dir.Combine("out.jsonl"), "--quiet"),
        "import" => CliRunner.Run("import", path, "--registry", dir.Combine("registry.db")),
        _ => CliRunner.Run(command, path),
    };
}
