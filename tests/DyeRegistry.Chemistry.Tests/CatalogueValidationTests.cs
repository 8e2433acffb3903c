using DyeRegistry.Chemistry.IO;
using DyeRegistry.TestSupport;
using Xunit.Abstractions;

namespace DyeRegistry.Chemistry.Tests;

/// <summary>Validation on the real catalogue in ../shared (28,725 structures).</summary>
[Trait("Category", "Validation")]
public class CatalogueValidationTests(ITestOutputHelper output)
{
    [ValidationFact]
    public void Catalogue_EveryRecordIsReadOrRejectedWithAReason()
    {
        var records = StructureFileReader.Read(SharedData.Catalogue).ToArray();
        Assert.Equal(28_725, records.Length);
        var rejected = 0;
        foreach (var record in records)
        {
            var r = record.Parse();
            if (r.Success)
            {
                r.Value.Dispose();
            }
            else
            {
                rejected++;
                Assert.False(string.IsNullOrWhiteSpace(r.Error.Reason));
            }
        }

        output.WriteLine($"{records.Length} records, {rejected} rejected by RDKit");
    }

    [ValidationFact]
    public void Catalogue_ParallelOutputIsByteIdenticalToOneThread()
    {
        var smiles = StructureFileReader.Read(SharedData.Catalogue).Select(r => r.Text).ToArray();
        var sequential = smiles.Select(ThreadingTests.Describe).ToArray();
        var parallel = new string[smiles.Length];
        Parallel.For(0, smiles.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) },
            i => parallel[i] = ThreadingTests.Describe(smiles[i]));
        Assert.Equal(string.Join('\n', sequential), string.Join('\n', parallel));
    }
}
