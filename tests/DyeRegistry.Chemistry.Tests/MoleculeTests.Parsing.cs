namespace DyeRegistry.Chemistry.Tests;

public partial class MoleculeTests
{
    [Fact]
    public void ParseSmiles_Valid_GivesCanonicalSmiles()
    {
        using var mol = Molecule.FromSmiles("c1ccccc1N=Nc1ccccc1");
        Assert.Equal("c1ccc(N=Nc2ccccc2)cc1", mol.ToSmiles());
        Assert.Equal(14, mol.AtomCount);
    }

    [Fact]
    public void ParseSmiles_SyntaxError_CarriesRDKitReasonAndInput()
    {
        var result = Molecule.ParseSmiles("C1CC(");
        Assert.False(result.Success);
        Assert.Equal(ChemistryErrorCode.InvalidStructure, result.Error.Code);
        Assert.Contains("SMILES Parse Error", result.Error.Reason);
        Assert.Equal("C1CC(", result.Error.Input);
    }

    [Fact]
    public void ParseSmiles_ValenceError_NamesTheAtom()
    {
        var result = Molecule.ParseSmiles("CN(C)(C)(C)C");
        Assert.False(result.Success);
        Assert.Contains("Explicit valence for atom # 1 N", result.Error.Reason);
    }

    [Fact]
    public void ParseSmiles_Empty_IsAnInputError()
    {
        var result = Molecule.ParseSmiles(string.Empty);
        Assert.False(result.Success);
        Assert.Equal(ChemistryErrorCode.InvalidStructure, result.Error.Code);
    }

    [Fact]
    public void FromSmiles_Invalid_ThrowsChemistryException()
    {
        var e = Assert.Throws<ChemistryException>(() => Molecule.FromSmiles("not a smiles"));
        Assert.Equal(ChemistryErrorCode.InvalidStructure, e.Code);
    }

    [Fact]
    public void ParseSmiles_WithoutSanitization_AcceptsBadValence()
    {
        var result = Molecule.ParseSmiles("CN(C)(C)(C)C", new MoleculeParseOptions { Sanitize = false });
        Assert.True(result.Success);
        result.Value.Dispose();
    }

    [Fact]
    public void MolBlock_RoundTrip_KeepsStructure()
    {
        using var mol = Molecule.FromSmiles("CC(=O)Oc1ccccc1C(=O)O");
        using var back = Molecule.FromMolBlock(mol.ToMolBlock());
        Assert.Equal(mol.ToSmiles(), back.ToSmiles());
    }

    [Fact]
    public void ParseMolBlock_Garbage_IsAnInputErrorWithReason()
    {
        var result = Molecule.ParseMolBlock("title\n\n\n  x  y  V2000\nM  END\n");
        Assert.False(result.Success);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Reason));
    }

    [Fact]
    public void Pickle_RoundTrip_KeepsStructure()
    {
        using var mol = Molecule.FromSmiles("O=S(=O)([O-])c1ccc(N=Nc2ccc(O)cc2)cc1.[Na+]");
        var parsed = Molecule.ParsePickle(mol.ToPickle());
        Assert.True(parsed.Success);
        using var back = parsed.Value;
        Assert.Equal(mol.ToSmiles(), back.ToSmiles());
    }

    [Fact]
    public void ParsePickle_Garbage_IsAnInputError()
    {
        var result = Molecule.ParsePickle(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
        Assert.False(result.Success);
    }

    [Fact]
    public void ToSmiles_Kekule_WritesSingleAndDoubleBonds()
    {
        using var mol = Molecule.FromSmiles("c1ccccc1");
        Assert.Equal("C1=CC=CC=C1", mol.ToSmiles(new SmilesWriteOptions { Kekule = true }));
    }

    [Fact]
    public void Versions_NameRDKitRelease()
    {
        Assert.Equal("2022.09.3", RDKitInfo.RDKitVersion);
        Assert.False(string.IsNullOrEmpty(RDKitInfo.BridgeVersion));
    }
}
