using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Registry.Tests;

/// <summary>search --formula lists a dye whose formula search hit a limit as undetermined: it may be
/// within, so it is never left out as if it were not within.</summary>
public sealed class FormulaSearchLimitTests
{
    // nci-1146: within (I) only through a tautomer (the keto-enamine form of one arm), and it has
    // more than one tautomer, so a limit of one form stops the search before it is found.
    private const string SchiffBase = "OC1=C(C=CC=C1)C=NC2=CC=C(C=C2)N=CC3=C(O)C=CC=C3";

    [Fact]
    public void TautomerLimitHit_IsListedAsUndetermined()
    {
        using var sandbox = new RegistrySandbox();
        var limited = new DyeChemistry(sandbox.Library) { MatchOptions = new MatchOptions { MaxTautomers = 1 } };
        Import(sandbox, limited);
        Assert.Equal(["undetermined:I"], sandbox.Store.GetDye("S-1")!.Within);
        var hit = Assert.Single(new RegistrySearch(sandbox.Store, limited).WithinFormula("I"));
        Assert.Equal("S-1", hit.Id);
        Assert.StartsWith("undetermined (search limit", hit.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void WithTheDefaultLimits_TheSameDyeIsWithin()
    {
        using var sandbox = new RegistrySandbox();
        Import(sandbox, sandbox.Chemistry);
        var hit = Assert.Single(new RegistrySearch(sandbox.Store, sandbox.Chemistry).WithinFormula("I"));
        Assert.Equal("S-1", hit.Id);
        Assert.Null(hit.Verdict);
    }

    private static void Import(RegistrySandbox sandbox, DyeChemistry chemistry)
    {
        var importer = new RegistryImporter(sandbox.Store, chemistry);
        var outcome = Assert.Single(importer.Import(
            RecordReader.ReadStructures(sandbox.File("s.smi", SchiffBase + " S-1\n")).Select(importer.Prepare), new ImportOptions()));
        Assert.Equal(ImportStatus.Created, outcome.Status);
    }
}
