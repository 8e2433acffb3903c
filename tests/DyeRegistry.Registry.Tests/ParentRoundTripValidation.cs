using DyeRegistry.Chemistry;
using DyeRegistry.Chemistry.IO;
using DyeRegistry.TestSupport;
using Xunit.Abstractions;

namespace DyeRegistry.Registry.Tests;

/// <summary>Every record of the real catalogue that RDKit reads: its standardized parent, as the
/// registry writes it, reads back (none is refused), and the SMILES read back has the key of the
/// parent itself (the key is stored from the read-back, so a parent whose SMILES lost something
/// would change it).</summary>
[Trait("Category", "Validation")]
public sealed class ParentRoundTripValidation(ITestOutputHelper output)
{
    [ValidationFact]
    public void Catalogue_EveryParentReadsBackWithItsKey()
    {
        var records = StructureFileReader.Read(SharedData.Catalogue).ToArray();
        var checkedCount = 0;
        var skipped = 0;
        var failures = new List<string>();
        foreach (var record in records)
        {
            var parsed = record.Parse();
            if (!parsed.Success)
            {
                continue;
            }

            using var mol = parsed.Value;
            (StandardizationResult Result, string Smiles, string Key) standardized;
            try
            {
                standardized = DyeChemistry.Standardized(mol);
            }
            catch (ChemistryException e)
            {
                failures.Add($"{record.Id}: {e.Message}");
                continue;
            }

            using var parent = standardized.Result.Parent;
            skipped += standardized.Result.Steps.Contains("neutralize:skipped") ? 1 : 0;
            Assert.Equal(parent.ToSmiles(), standardized.Smiles);
            if (standardized.Key != parent.TautomerInvariantKey())
            {
                failures.Add($"{record.Id}: parent {standardized.Smiles} reads back with another key");
            }

            checkedCount++;
        }

        output.WriteLine($"{checkedCount} parents read back with their key; neutralization kept back (it broke a valence) for {skipped}");
        Assert.True(checkedCount > 28_000, $"only {checkedCount} records checked");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
