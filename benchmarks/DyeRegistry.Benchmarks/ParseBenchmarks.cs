using BenchmarkDotNet.Attributes;
using DyeRegistry.Chemistry;

namespace DyeRegistry.Benchmarks;

/// <summary>
/// Parse + canonical SMILES over the whole catalogue on one thread: the work python3-rdkit's
/// baseline (benchmarks/python/parse_canonical.py) does. One operation = the whole catalogue;
/// throughput = records / mean time.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private string[] smiles = [];

    [GlobalSetup]
    public void Setup() => smiles = SharedData.CatalogueSmiles();

    [Benchmark(Description = "parse + canonical SMILES, 1 thread, whole catalogue")]
    public int ParseAndCanonicalize()
    {
        var n = 0;
        foreach (var s in smiles)
        {
            var parsed = Molecule.ParseSmiles(s);
            if (parsed.Success)
            {
                using var mol = parsed.Value;
                n += mol.ToSmiles().Length > 0 ? 1 : 0;
            }
        }

        return n;
    }

    [Benchmark(Description = "parse + canonical SMILES, all cores, whole catalogue")]
    public int ParseAndCanonicalizeAllCores()
    {
        var n = 0;
        Parallel.ForEach(smiles, s =>
        {
            var parsed = Molecule.ParseSmiles(s);
            if (parsed.Success)
            {
                using var mol = parsed.Value;
                if (mol.ToSmiles().Length > 0)
                {
                    Interlocked.Increment(ref n);
                }
            }
        });
        return n;
    }

    [Benchmark(Description = "parse only, 1 thread, whole catalogue")]
    public int ParseOnly() => Workloads.ParseAll(smiles);
}
