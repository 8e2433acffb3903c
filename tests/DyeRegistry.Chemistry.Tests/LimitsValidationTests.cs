using DyeRegistry.Chemistry.IO;
using DyeRegistry.TestSupport;
using Xunit.Abstractions;

namespace DyeRegistry.Chemistry.Tests;

/// <summary>The default size limits against the real catalogue in ../shared: every record fits in half of each.</summary>
[Trait("Category", "Validation")]
public class LimitsValidationTests(ITestOutputHelper output)
{
    [ValidationFact]
    public void Catalogue_EveryRecordFitsInHalfTheDefaultLimits()
    {
        var d = StructureLimits.Default;
        var half = new StructureLimits
        {
            MaxAtoms = d.MaxAtoms / 2, MaxBonds = d.MaxBonds / 2, MaxRings = d.MaxRings / 2,
            MaxBranchDepth = d.MaxBranchDepth / 2, MaxLineLength = d.MaxLineLength / 2,
        };
        var over = new List<string>();
        var records = 0;
        foreach (var record in StructureFileReader.Read(SharedData.Catalogue, half))
        {
            records++;
            var parsed = record.Parse(new MoleculeParseOptions { Sanitize = false, Limits = half });
            if (parsed.Success)
            {
                parsed.Value.Dispose();
            }
            else if (parsed.Error.Code == ChemistryErrorCode.LimitExceeded || record.ReadError is not null)
            {
                over.Add($"{record.Location} ({record.Id}): {parsed.Error.Reason}");
            }
        }

        output.WriteLine($"{records} records against {half}");
        Assert.Equal(28_725, records);
        Assert.Empty(over);
    }
}
