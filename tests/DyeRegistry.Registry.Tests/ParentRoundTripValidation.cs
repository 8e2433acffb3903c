using DyeRegistry.Chemistry;
using DyeRegistry.Chemistry.IO;
using DyeRegistry.TestSupport;
using Xunit.Abstractions;

namespace DyeRegistry.Registry.Tests;

/// <summary>Every record of the real catalogue that RDKit reads: its standardized parent, as the
/// registry writes it, reads back (none is refused) and reads back again once written again. The
/// key is computed on the read-back, not on the parent in memory: a few parents in memory carry
/// what their SMILES does not (chiral tags on an adamantyl's bridgehead carbons, whose SMILES
/// RDKit 2022.09 does not write idempotently, so their key drifts on a second round trip); those
/// are counted and listed, not failed (a known gap: docs/records.md).</summary>
[Trait("Category", "Validation")]
public sealed class ParentRoundTripValidation(ITestOutputHelper output)
{
    [ValidationFact]
    public void Catalogue_EveryParentReadsBackWithItsKey()
    {
        var records = StructureFileReader.Read(SharedData.Catalogue).ToArray();
        var checkedCount = 0;
        var skipped = 0;
        var inMemoryDiffers = new List<string>();
        var failures = new List<string>();
        var drifting = new List<string>();
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
                inMemoryDiffers.Add(record.Id ?? "?");
            }

            using var once = Molecule.ParseSmiles(standardized.Smiles).GetValueOrThrow();
            var again = Molecule.ParseSmiles(once.ToSmiles());
            if (!again.Success)
            {
                failures.Add($"{record.Id}: parent {standardized.Smiles} written again does not read back");
                continue;
            }

            using var twice = again.Value;
            if (twice.TautomerInvariantKey() != standardized.Key)
            {
                drifting.Add(record.Id ?? "?");
            }

            checkedCount++;
        }

        output.WriteLine($"{checkedCount} parents read back; neutralization kept back for {skipped}; the in-memory parent's key differs from the stored one for {inMemoryDiffers.Count}: {string.Join(", ", inMemoryDiffers)}; " +
            $"the key drifts on a second write and read for {drifting.Count}: {string.Join(", ", drifting)}");
        Assert.True(checkedCount > 28_000, $"only {checkedCount} records checked");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
