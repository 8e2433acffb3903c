namespace DyeRegistry.Chemistry.Tests;

/// <summary>The parent fragment and the fragments reported as removed, where fragments repeat or
/// tie in size (the bridge writes canonical SMILES only where a cheap key cannot tell them apart).</summary>
public partial class MoleculeTests
{
    private static readonly StandardizationOptions ParentOnly = new() { Fragments = FragmentHandling.Parent, KeepMetalIons = true };

    [Fact]
    public void Parent_RepeatedCounterIons_AreEachReported()
    {
        using var mol = Molecule.FromSmiles("[Na+].[O-]S(=O)(=O)c1ccc(cc1)N=Nc1ccc(cc1)S([O-])(=O)=O.[Na+]");
        var result = mol.Standardize(ParentOnly);
        using var parent = result.Parent;
        Assert.Equal(["[Na+]", "[Na+]"], result.RemovedFragments);
        Assert.Equal(1, parent.FragmentCount());
    }

    [Fact]
    public void Parent_TieInSize_KeepsTheSmallerCanonicalSmiles_AndReportsTheOther()
    {
        // o- and p-xylene: same atoms, bonds and H counts, different structures.
        using var mol = Molecule.FromSmiles("Cc1ccc(C)cc1.Cc1ccccc1C");
        var result = mol.Standardize(ParentOnly);
        using var parent = result.Parent;
        var smiles = new[] { "Cc1ccc(C)cc1", "Cc1ccccc1C" }.Select(s => { using var m = Molecule.FromSmiles(s); return m.ToSmiles(); }).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(smiles[0], parent.ToSmiles());
        Assert.Equal([smiles[1]], result.RemovedFragments);
    }

    [Fact]
    public void Parent_IdenticalOrganicFragments_OneKeptOneReported()
    {
        using var mol = Molecule.FromSmiles("CCCCCCO.OCCCCCC");
        var result = mol.Standardize(ParentOnly);
        using var parent = result.Parent;
        Assert.Equal("CCCCCCO", parent.ToSmiles());
        Assert.Equal(["CCCCCCO"], result.RemovedFragments);
    }
}
