namespace DyeRegistry.Chemistry.Tests;

/// <summary>The tautomer-invariant key (RDKit's HetAtomTautomer hash and the region layer) and the
/// rule that a standardized parent is a structure RDKit reads back.</summary>
public partial class MoleculeTests
{
    // cdex-7763 of the real catalogue: a squaraine drawn with a ring [CH2+] with three neighbours.
    private const string RingCarbocationSquaraine = "CCN1C(=CC2=C([O-])C(=C[CH2+]3N(C(=O)O)c4c(C3(C)CS(=O)(=O)O)cc(cc4)S(=O)(=O)O)C2=O)C(c2c1ccc(c2)S(=O)(=O)O)(C)CS(=O)(=O)O";

    [Theory]
    [InlineData("Oc1ccc([N+](=O)[O-])cc1N=Nc1c(O)ccc2ccccc12", "Oc1ccc([N+](=O)[O-])cc1NN=C1C(=O)C=Cc2ccccc12")] // azo / hydrazone
    [InlineData("Cc1cc(O)nc(O)c1N=Nc1ccccc1", "CC1=CC(=O)NC(=O)C1=NNc1ccccc1")] // lactim azo / lactam hydrazone
    [InlineData("OC(=O)CCc1ccc(N=Nc2ccc(N(C)C)cc2)cc1", "[O-]C(=O)CCc1ccc(N=Nc2ccc([NH+](C)C)cc2)cc1")] // a proton across a saturated chain
    [InlineData("Oc1ccc(O)cc1CCc1ccc(O)cc1O", "Oc1ccc(O)c(CCc2ccc(O)cc2O)c1")] // one symmetric molecule, two atom orders
    public void TautomerInvariantKey_TautomersAndProtomersShareIt(string a, string b)
    {
        using var ma = Molecule.FromSmiles(a);
        using var mb = Molecule.FromSmiles(b);
        Assert.Equal(ma.TautomerInvariantKey(), mb.TautomerInvariantKey());
    }

    [Theory]
    [InlineData("Oc1ccc(O)c(C)c1CC1=CC(=O)C=CC1=O", "O=C1C=CC(=O)C(C)=C1Cc1cc(O)ccc1O")] // redox isomers across CH2
    [InlineData("Oc1ccc(O)cc1CCC1=CC(=O)C=CC1=O", "O=C1C=CC(=O)C(CCc2ccccc2)=C1.OO")] // unrelated: no merge by the layer's names
    [InlineData("C[C@H](N)c1ccc(N=Nc2ccc(O)cc2)cc1", "C[C@@H](N)c1ccc(N=Nc2ccc(O)cc2)cc1")] // enantiomers
    [InlineData("[13CH3]N(C)c1ccc(N=Nc2ccccc2)cc1", "CN(C)c1ccc(N=Nc2ccccc2)cc1")] // isotope label
    public void TautomerInvariantKey_DistinctStructuresDiffer(string a, string b)
    {
        using var ma = Molecule.FromSmiles(a);
        using var mb = Molecule.FromSmiles(b);
        Assert.NotEqual(ma.TautomerInvariantKey(), mb.TautomerInvariantKey());
    }

    [Fact]
    public void TautomerInvariantKey_RedoxIsomers_ShareRDKitsHashButNotTheKey()
    {
        // The weak spot the region layer is for: RDKit 2022.09's hash pools H over the molecule.
        using var a = Molecule.FromSmiles("Oc1ccc(O)c(C)c1CC1=CC(=O)C=CC1=O");
        using var b = Molecule.FromSmiles("O=C1C=CC(=O)C(C)=C1Cc1cc(O)ccc1O");
        Assert.Equal(a.Hash(MolHashFunction.HetAtomTautomer), b.Hash(MolHashFunction.HetAtomTautomer));
        Assert.Contains(" regions:", a.TautomerInvariantKey(), StringComparison.Ordinal);
        Assert.NotEqual(a.TautomerInvariantKey(), b.TautomerInvariantKey());
    }

    [Fact]
    public void TautomerInvariantKey_OnePart_IsRDKitsHash()
    {
        using var m = Molecule.FromSmiles("Oc1ccc(N=Nc2ccccc2)cc1");
        Assert.Equal(m.Hash(MolHashFunction.HetAtomTautomer), m.TautomerInvariantKey());
    }

    [Fact]
    public void Standardize_NeutralizingARingCarbocation_KeepsTheChargedFormThatReadsBack()
    {
        using var mol = Molecule.FromSmiles(RingCarbocationSquaraine);
        var result = mol.Standardize(StandardizationOptions.Registration with { CanonicalTautomer = false, DisconnectMetals = true });
        using var parent = result.Parent;
        Assert.Contains("neutralize:skipped", result.Steps);
        var smiles = parent.ToSmiles();
        var back = Molecule.ParseSmiles(smiles);
        Assert.True(back.Success, $"{smiles}: {back.Error?.Message}");
        using var reread = back.Value;
        Assert.Equal(parent.TautomerInvariantKey(), reread.TautomerInvariantKey());
    }

    [Fact]
    public void Standardize_NeutralizingASalt_IsNotSkipped()
    {
        using var mol = Molecule.FromSmiles("O=S(=O)([O-])c1ccc(N=Nc2ccc(O)cc2)cc1.[Na+]");
        var result = mol.Standardize(StandardizationOptions.Registration with { CanonicalTautomer = false });
        using var parent = result.Parent;
        Assert.Contains("neutralize", result.Steps);
        Assert.DoesNotContain("neutralize:skipped", result.Steps);
    }
}
