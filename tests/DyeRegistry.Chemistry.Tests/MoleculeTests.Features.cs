namespace DyeRegistry.Chemistry.Tests;

// Reference values: Debian python3-rdkit 2022.09.3 (CalcNumRings, CalcNumAromaticRings,
// CalcNumAliphaticRings, GetFormalCharge, CalcNumHeteroatoms, CalcFractionCSP3, CalcLabuteASA,
// MurckoScaffold.MurckoScaffoldSmiles) on the same SMILES.
public partial class MoleculeTests
{
    [Theory]
    [InlineData("O=C1c2ccccc2C(=O)c2c(N)cccc21", 3, 2, 1, 0, 3, 0.0, 97.875, "O=C1c2ccccc2C(=O)c2ccccc21")]
    [InlineData("CCCCO", 0, 0, 0, 0, 1, 1.0, 32.628, "")]
    [InlineData("Oc1ccc(N=Nc2ccc(S(=O)(=O)[O-])cc2)cc1.[Na+]", 2, 2, 0, 0, 8, 0.0, 137.772, "c1ccc(N=Nc2ccccc2)cc1")]
    [InlineData("C1CCCCC1Cc1ccccc1Cl", 2, 1, 1, 0, 1, 0.5385, 91.283, "c1ccc(CC2CCCCC2)cc1")]
    public void RingChargeFeaturesAndScaffold_MatchRDKitPython(
        string smiles, int rings, int aromatic, int aliphatic, int charge, int hetero, double csp3, double asa, string scaffold)
    {
        using var mol = Molecule.FromSmiles(smiles);
        var f = mol.GetRingChargeFeatures();
        Assert.Equal(rings, f.Rings);
        Assert.Equal(aromatic, f.AromaticRings);
        Assert.Equal(aliphatic, f.AliphaticRings);
        Assert.Equal(charge, f.FormalCharge);
        Assert.Equal(hetero, f.Heteroatoms);
        Assert.Equal(csp3, f.FractionCsp3, 4);
        Assert.Equal(asa, f.LabuteAsaSquareAngstroms, 3);
        Assert.Equal(scaffold, mol.MurckoScaffold());
    }

    [Fact]
    public void RingChargeFeatures_CountChargedAtomsOfAZwitterion()
    {
        using var mol = Molecule.FromSmiles("C[N+](C)(C)CC(=O)[O-]");
        var f = mol.GetRingChargeFeatures();
        Assert.Equal(0, f.FormalCharge);
        Assert.Equal(2, f.ChargedAtoms);
        Assert.Equal(0, f.Halogens);
    }

    [Fact]
    public void RingChargeFeatures_CountHalogens()
    {
        using var mol = Molecule.FromSmiles("FC(F)(F)c1ccc(Cl)cc1Br");
        Assert.Equal(5, mol.GetRingChargeFeatures().Halogens);
    }
}
