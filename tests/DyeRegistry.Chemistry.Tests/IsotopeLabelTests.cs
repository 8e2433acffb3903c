namespace DyeRegistry.Chemistry.Tests;

/// <summary><see cref="Molecule.WithIsotopeLabels"/> must answer every query as
/// <see cref="Molecule.Extract"/> with every atom kept does (the Markush layer swapped one for the
/// other), and leave the molecule it copies unchanged.</summary>
public class IsotopeLabelTests
{
    [Theory]
    [InlineData("Cc1ccc(N=Nc2c(O)[nH]c3ccccc23)cc1", "[12*]~[#7;!R;D2]~[#7;!R;D2]~[#6]")]
    [InlineData("Cc1ccc(N=Nc2c(O)[nH]c3ccccc23)cc1", "[7*;a]:[#6]")]
    [InlineData("O=C1C=CC(=O)C=C1", "[3*]=O")]
    [InlineData("c1ccccc1[N+](=O)[O-]", "[5*;+]")]
    [InlineData("CCO", "[7*]")]
    public void LabelledCopy_MatchesLikeTheWholeExtract(string smiles, string smarts)
    {
        using var molecule = Molecule.FromSmiles(smiles);
        var count = molecule.GetGraph().Atoms.Count;
        var labels = Enumerable.Range(0, count).Select(i => 1 + (i * 5 % 13)).ToArray();
        using var copy = molecule.WithIsotopeLabels(labels);
        using var part = molecule.Extract(Enumerable.Repeat(true, count).ToArray(), labels).Molecule;
        using var query = QueryMolecule.FromSmarts(smarts);
        Assert.Equal(part.HasSubstructMatch(query), copy.HasSubstructMatch(query));
        Assert.Equal(part.GetSubstructMatches(query).Count, copy.GetSubstructMatches(query).Count);
        Assert.Equal(part.ToSmiles(), copy.ToSmiles());
        Assert.Equal(labels, copy.GetGraph().Atoms.Select(a => a.Isotope));
        Assert.All(molecule.GetGraph().Atoms, a => Assert.Equal(0, a.Isotope));
    }

    [Fact]
    public void LabelsMustCoverEveryAtom()
    {
        using var molecule = Molecule.FromSmiles("CCO");
        Assert.ThrowsAny<Exception>(() => molecule.WithIsotopeLabels([1, 2]));
    }
}
