using DyeRegistry.Chemistry;

namespace DyeRegistry.Benchmarks;

/// <summary>Loops shared by several benchmark classes (BenchmarkDotNet compares within a class).</summary>
internal static class Workloads
{
    /// <summary>The full parse of every SMILES, one thread; the number that parsed.</summary>
    public static int ParseAll(string[] smiles)
    {
        var n = 0;
        foreach (var s in smiles)
        {
            var parsed = Molecule.ParseSmiles(s);
            if (parsed.Success)
            {
                parsed.Value.Dispose();
                n++;
            }
        }

        return n;
    }
}
