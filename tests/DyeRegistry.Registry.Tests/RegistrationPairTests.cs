namespace DyeRegistry.Registry.Tests;

/// <summary>
/// The registration pair table (registration-pairs.tsv): record A is imported into a fresh
/// registry, then record B; B must be reported a duplicate of A exactly when the row says "same".
/// </summary>
public sealed class RegistrationPairTests
{
    private static readonly string TablePath = Path.Combine(AppContext.BaseDirectory, "registration-pairs.tsv");

    public static TheoryData<int, string, string, bool, string> Pairs()
    {
        var data = new TheoryData<int, string, string, bool, string>();
        foreach (var row in ReadTable())
        {
            data.Add(row.Line, row.A, row.B, row.Same, row.Why);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Pair(int line, string a, string b, bool same, string why)
    {
        using var sandbox = new RegistrySandbox();
        var first = Assert.Single(sandbox.ImportStructures("a.smi", $"{a} A\n"));
        Assert.True(first.Status == ImportStatus.Created, $"line {line}: A was not registered: {first.Status} {first.Message}");
        var second = Assert.Single(sandbox.ImportStructures("b.smi", $"{b} B\n"));
        var expected = same ? ImportStatus.Duplicate : ImportStatus.Created;
        Assert.True(
            second.Status == expected,
            $"line {line} ({why}): expected B {expected}, got {second.Status} {second.Message}; parent of A: {sandbox.Store.GetDye("A")!.ParentSmiles}, of B: {sandbox.Store.GetDye("B")?.ParentSmiles}");
    }

    [Fact]
    public void Table_HoldsAtLeastTwentyPairsOfBothKinds()
    {
        var rows = ReadTable();
        Assert.True(rows.Count >= 20, $"{TablePath}: {rows.Count} pairs");
        Assert.Contains(rows, r => r.Same);
        Assert.Contains(rows, r => !r.Same);
    }

    private sealed record Row(int Line, string A, string B, bool Same, string Why);

    private static List<Row> ReadTable()
    {
        var rows = new List<Row>();
        var lines = File.ReadAllLines(TablePath);
        var header = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i];
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var f = text.Split('\t');
            if (f.Length != 4 || f[2] is not ("same" or "different"))
            {
                throw new FormatException($"{TablePath}: line {i + 1}: expected SMILES A, SMILES B, same|different, why (tab-separated), got '{text}'");
            }

            rows.Add(new Row(i + 1, f[0], f[1], f[2] == "same", f[3]));
        }

        return rows;
    }
}
