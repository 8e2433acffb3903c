namespace DyeRegistry.Chemistry.Tests;

public partial class MoleculeTests
{
    private const string IonicCopperPhthalocyanine =
        "c1ccc2c(c1)c1nc3[n-]c(nc4nc(nc5[n-]c(nc2n1)c1ccccc51)c1ccccc41)c1ccccc31.[Cu+2]";

    [Fact]
    public void Standardize_SaltForm_StripsAndRecordsCounterIon()
    {
        using var mol = Molecule.FromSmiles("O=S(=O)([O-])c1ccc(N=Nc2ccc(O)cc2)cc1.[Na+]");
        var result = mol.Standardize(StandardizationOptions.Registration with { CanonicalTautomer = false });
        using var parent = result.Parent;
        Assert.Equal("O=S(=O)(O)c1ccc(N=Nc2ccc(O)cc2)cc1", parent.ToSmiles());
        Assert.Equal(["[Na+]"], result.RemovedFragments);
        Assert.Contains("neutralize", result.Steps);
    }

    [Fact]
    public void Standardize_SolventAndSalt_BothRecorded()
    {
        using var mol = Molecule.FromSmiles("O.O.c1ccccc1C(=O)[O-].[K+]");
        var result = mol.Standardize(new StandardizationOptions { Fragments = FragmentHandling.Parent, Neutralize = true });
        using var parent = result.Parent;
        Assert.Equal("O=C(O)c1ccccc1", parent.ToSmiles());
        Assert.Equal(3, result.RemovedFragments.Count);
        Assert.Contains("[K+]", result.RemovedFragments);
    }

    [Fact]
    public void Standardize_IonicMetalComplex_KeepsItsMetal()
    {
        using var mol = Molecule.FromSmiles(IonicCopperPhthalocyanine);
        var result = mol.Standardize(StandardizationOptions.Registration);
        using var parent = result.Parent;
        Assert.Contains("[Cu+2]", parent.ToSmiles());
        Assert.Empty(result.RemovedFragments);
    }

    [Fact]
    public void Standardize_IonicMetalComplex_DropsMetalWhenAsked()
    {
        using var mol = Molecule.FromSmiles(IonicCopperPhthalocyanine);
        var result = mol.Standardize(new StandardizationOptions { Fragments = FragmentHandling.Parent, KeepMetalIons = false });
        using var parent = result.Parent;
        Assert.DoesNotContain("Cu", parent.ToSmiles());
        Assert.Equal(["[Cu+2]"], result.RemovedFragments);
    }

    [Fact]
    public void Standardize_CovalentMetalComplex_KeepsMetalBondsAndDropsSalt()
    {
        // Copper bis(glycinate), drawn with Cu-N and Cu-O bonds, with NaCl beside it.
        using var mol = Molecule.FromSmiles("O=C1O[Cu]2(OC(=O)CN2)NC1.[Na+].[Cl-]");
        var result = mol.Standardize(StandardizationOptions.Registration);
        using var parent = result.Parent;
        Assert.Equal("O=C1CN[Cu]2(NCC(=O)O2)O1", parent.ToSmiles());
        Assert.Equal(2, result.RemovedFragments.Count);
    }

    [Fact]
    public void Standardize_DisconnectMetals_BreaksMetalBondsOnlyWhenAsked()
    {
        using var mol = Molecule.FromSmiles("O=C1O[Cu]2(OC(=O)CN2)NC1");
        var result = mol.Standardize(new StandardizationOptions { DisconnectMetals = true });
        using var parent = result.Parent;
        Assert.Contains(".", parent.ToSmiles());
    }

    [Fact]
    public void Standardize_DisconnectMetals_NegativelyDrawnMetal_KeepsTheTotalCharge()
    {
        // An anionic 1:2 Cr(III) complex drawn with Cr-O bonds and dative N->Cr bonds (charge -1):
        // RDKit 2022.09's disconnector alone gives Cr(IV) and a neutral total.
        using var mol = Molecule.FromSmiles("[Cr-]%11%12%21%22(<-N(=Nc1cc([N+](=O)[O-])ccc1O%11)c1c(O%12)ccc2ccccc12)<-N(=Nc1cc([N+](=O)[O-])ccc1O%21)c1c(O%22)ccc2ccccc12");
        var result = mol.Standardize(new StandardizationOptions { DisconnectMetals = true });
        using var ions = result.Parent;
        Assert.Equal(3, ions.FragmentCount());
        Assert.Contains("[Cr+3]", ions.ToSmiles().Split('.'));
        Assert.Equal(-1, ions.GetGraph().Atoms.Sum(a => a.FormalCharge));
    }

    [Fact]
    public void Standardize_DisconnectMetals_MetalDrawnAsItsOxidationState_KeepsRDKitsCharges()
    {
        // The 1:1 Cr(III) complex drawn with Cr+ (two Cr-O bonds) and the azo N drawn N+ for valence.
        using var mol = Molecule.FromSmiles("[O-][N+](=O)c1ccc2O[Cr+]3Oc4ccc5ccccc5c4[N+]3=Nc2c1");
        var result = mol.Standardize(new StandardizationOptions { DisconnectMetals = true });
        using var ions = result.Parent;
        Assert.Contains("[Cr+3]", ions.ToSmiles().Split('.'));
        Assert.Equal(1, ions.GetGraph().Atoms.Sum(a => a.FormalCharge));
    }

    [Fact]
    public void Standardize_AzoAndHydrazoneDrawings_GiveOneCanonicalTautomer()
    {
        // Sudan I drawn as its azo and as its hydrazone form.
        using var azo = Molecule.FromSmiles("Oc1ccc2ccccc2c1N=Nc1ccccc1");
        using var hydrazone = Molecule.FromSmiles("O=C1C=Cc2ccccc2C1=NNc1ccccc1");
        var a = azo.Standardize(StandardizationOptions.Registration);
        var h = hydrazone.Standardize(StandardizationOptions.Registration);
        using var pa = a.Parent;
        using var ph = h.Parent;
        Assert.Equal(pa.ToSmiles(), ph.ToSmiles());
        Assert.True(a.TautomersConsidered >= 2);
    }

    [Fact]
    public void Hash_HetAtomTautomer_SameForAzoAndHydrazone()
    {
        using var azo = Molecule.FromSmiles("Oc1ccc2ccccc2c1N=Nc1ccccc1");
        using var hydrazone = Molecule.FromSmiles("O=C1C=Cc2ccccc2C1=NNc1ccccc1");
        Assert.Equal(azo.Hash(MolHashFunction.HetAtomTautomer), hydrazone.Hash(MolHashFunction.HetAtomTautomer));
        Assert.NotEqual(azo.Hash(MolHashFunction.CanonicalSmiles), hydrazone.Hash(MolHashFunction.CanonicalSmiles));
    }

    [Fact]
    public void EnumerateTautomers_IncludesHydrazoneAndStopsAtLimit()
    {
        using var azo = Molecule.FromSmiles("Oc1ccc2ccccc2c1N=Nc1ccccc1");
        using var all = azo.EnumerateTautomers();
        Assert.Equal(3, all.Tautomers.Count);
        Assert.False(all.Truncated);
        Assert.Contains(all.Tautomers, t => t.ToSmiles() == "O=C1C=Cc2ccccc2C1=NNc1ccccc1");
        using var one = azo.EnumerateTautomers(1);
        Assert.Single(one.Tautomers);
        Assert.True(one.Truncated);
    }

    [Fact]
    public void Fragments_SplitComponents()
    {
        using var salt = Molecule.FromSmiles("CC(=O)[O-].[Na+]");
        var parts = salt.Fragments();
        Assert.Equal(["CC(=O)[O-]", "[Na+]"], parts.Select(p => p.ToSmiles()).ToArray());
        foreach (var p in parts)
        {
            p.Dispose();
        }
    }
}
