using DyeRegistry.TestSupport;

namespace DyeRegistry.Chemistry.Tests;

public class ThreadingTests
{
    /// <summary>One line per input, the same on one thread and on several: the output of a
    /// parallel run must be byte-identical to a sequential one.</summary>
    internal static string Describe(string smiles)
    {
        var r = Molecule.ParseSmiles(smiles);
        if (!r.Success)
        {
            return "ERR " + r.Error.Reason;
        }

        using var m = r.Value;
        var d = m.GetDescriptors(DescriptorGroups.MassAndLogP);
        return FormattableString.Invariant($"{m.ToSmiles()} {d.Formula} {d.AverageMassGramsPerMole:F4} {d.CrippenLogP:F4}");
    }

    [Fact]
    public void ParallelParsing_GivesTheSameOutputAsOneThread()
    {
        var input = new GarbledInput(seed: 7);
        var smiles = Enumerable.Range(0, 4000).Select(_ => input.Smiles()).ToArray();
        var sequential = smiles.Select(Describe).ToArray();
        var parallel = new string[smiles.Length];
        Parallel.For(0, smiles.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = Describe(smiles[i]));
        Assert.Equal(sequential, parallel);
        Assert.Contains(sequential, s => s.StartsWith("ERR SMILES Parse Error", StringComparison.Ordinal));
    }

    [Fact]
    public void ErrorMessages_StayWithTheirOwnThread()
    {
        // RDKit's log is process-wide; the bridge keeps each thread's messages apart.
        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var bad = $"C1CC({new string('C', i % 7)}";
            var r = Molecule.ParseSmiles(bad);
            Assert.False(r.Success);
            // The thread's own input, whole (RDKit's generic restatement of it is dropped: issue 22).
            var own = System.Text.RegularExpressions.Regex.Escape(bad);
            Assert.Matches($"(parsing: {own}($|;)|'{own}')", r.Error.Reason);
        });
    }
}
