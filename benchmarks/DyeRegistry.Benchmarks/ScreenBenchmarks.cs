using BenchmarkDotNet.Attributes;
using DyeRegistry.Chemistry;
using DyeRegistry.Markush;
using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Benchmarks;

/// <summary>
/// The per-core work of <c>dyereg screen</c> (hits only), one thread, whole catalogue, against
/// the full parse it is measured against (the ceiling): the screened parse alone, and the
/// screened parse with the verdicts (a full match only for hits). One operation = the catalogue.
/// </summary>
[MemoryDiagnoser]
public class ScreenBenchmarks
{
    private string[] smiles = [];
    private FormulaLibrary library = null!;
    private MarkushMatcher matcher = null!;
    private IReadOnlyList<QueryMolecule> cores = [];

    [GlobalSetup]
    public void Setup()
    {
        smiles = SharedData.CatalogueSmiles();
        library = FormulaLibrary.Load(FormulaLibrary.DefaultFolder());
        matcher = new MarkushMatcher(library);
        cores = matcher.CoreQueries();
    }

    [GlobalCleanup]
    public void Cleanup() => library.Dispose();

    [Benchmark(Baseline = true, Description = "full parse, 1 thread, whole catalogue")]
    public int FullParse() => Workloads.ParseAll(smiles);

    [Benchmark(Description = "screened parse (cores by connectivity), 1 thread")]
    public int ScreenedParse()
    {
        var n = 0;
        foreach (var s in smiles)
        {
            var parsed = Molecule.ParseSmilesIfMightContain(s, cores);
            if (parsed.Molecule is { } m)
            {
                m.Dispose();
                n++;
            }
        }

        return n;
    }

    [Benchmark(Description = "screened parse + verdicts (full match of hits), 1 thread")]
    public int ScreenVerdicts()
    {
        var hits = 0;
        foreach (var s in smiles)
        {
            var parsed = Molecule.ParseSmilesIfMightContain(s, cores);
            if (parsed.Molecule is { } m)
            {
                using (m)
                {
                    if (matcher.IsWithinAny(m))
                    {
                        hits += matcher.Match(m).Within.Count > 0 ? 1 : 0;
                    }
                }
            }
        }

        return hits;
    }
}
