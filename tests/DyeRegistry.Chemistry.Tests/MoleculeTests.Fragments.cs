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

    private const string NitroAzoNaphtholDianion = "[O-]c1ccc([N+](=O)[O-])cc1N=Nc1c([O-])ccc2ccccc12";

    [Fact]
    public void Parent_IonicOneToTwoComplex_KeepsBothLigandsAndTheMetal()
    {
        using var mol = Molecule.FromSmiles($"[Na+].{NitroAzoNaphtholDianion}.O.[Cr+3].{NitroAzoNaphtholDianion}");
        var result = mol.Standardize(ParentOnly);
        using var parent = result.Parent;
        Assert.Equal(3, parent.FragmentCount());
        using var ligand = Molecule.FromSmiles(NitroAzoNaphtholDianion);
        Assert.Equal([ligand.ToSmiles(), ligand.ToSmiles(), "[Cr+3]"], parent.ToSmiles().Split('.').Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["O", "[Na+]"], result.RemovedFragments.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Parent_ZincComplex_KeepsZincThoughTheSaltListNamesIt()
    {
        using var mol = Molecule.FromSmiles("[O-]C(=O)c1ccccc1N=Nc1c([O-])ccc2ccccc12.[Zn+2]");
        var result = mol.Standardize(ParentOnly);
        using var parent = result.Parent;
        Assert.Contains("[Zn+2]", parent.ToSmiles());
        Assert.Empty(result.RemovedFragments);
    }

    [Fact]
    public void Parent_CationicDyeWithZincChloride_IsNoComplex()
    {
        // Malachite green's zinc chloride double salt: no ligand, so Zn2+ is a counter-ion.
        using var mol = Molecule.FromSmiles("CN(C)c1ccc(cc1)C(=C1C=CC(=[N+](C)C)C=C1)c1ccccc1.[Zn+2].[Cl-].[Cl-].[Cl-]");
        var result = mol.Standardize(ParentOnly);
        using var parent = result.Parent;
        Assert.Equal(1, parent.FragmentCount());
        Assert.Contains("[Zn+2]", result.RemovedFragments);
    }

    [Fact]
    public void Parent_OrganicCationBesideAComplex_IsSetAside()
    {
        using var mol = Molecule.FromSmiles($"{NitroAzoNaphtholDianion}.{NitroAzoNaphtholDianion}.[Cr+3].CCCCCCCC[NH3+]");
        var result = mol.Standardize(ParentOnly);
        using var parent = result.Parent;
        Assert.Equal(3, parent.FragmentCount());
        Assert.Equal(["CCCCCCCC[NH3+]"], result.RemovedFragments);
    }

    [Fact]
    public void Parent_NeutralOrganicThatCannotChelate_IsSetAsideFromAComplex()
    {
        // Diphenyl ether has no donor pair; the neutral free ligand beside it can chelate.
        using var mol = Molecule.FromSmiles("Oc1ccccc1N=Nc1c(O)ccc2ccccc12.c1ccc(Oc2ccccc2)cc1.[Cu+2]");
        var result = mol.Standardize(ParentOnly);
        using var parent = result.Parent;
        Assert.Equal(2, parent.FragmentCount());
        Assert.Equal(["c1ccc(Oc2ccccc2)cc1"], result.RemovedFragments);
    }

    [Fact]
    public void Parent_NeutralRingDonorThatCannotReachTheMetal_IsSetAside()
    {
        // Nicotine: its pyridine N and pyrrolidine N are 4 bonds apart, but the path runs through
        // the pyridine ring (a 3-substituted pyridine), so no chelate ring; 2,2'-bipyridyl chelates.
        using var mol = Molecule.FromSmiles("CN1CCCC1c1cccnc1.c1ccc(-c2ccccn2)nc1.[Cu+2]");
        var result = mol.Standardize(ParentOnly);
        using var parent = result.Parent;
        using var bipyridyl = Molecule.FromSmiles("c1ccc(-c2ccccn2)nc1");
        Assert.Equal(new[] { bipyridyl.ToSmiles(), "[Cu+2]" }.Order(StringComparer.Ordinal).ToArray(), parent.ToSmiles().Split('.').Order(StringComparer.Ordinal).ToArray());
        Assert.Single(result.RemovedFragments);
    }
}
