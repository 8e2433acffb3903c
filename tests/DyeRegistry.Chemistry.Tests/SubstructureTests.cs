namespace DyeRegistry.Chemistry.Tests;

public class SubstructureTests
{
    [Fact]
    public void GetSubstructMatches_ReturnsEveryEmbeddingAsAtomIndices()
    {
        using var mol = Molecule.FromSmiles("Nc1ccc(N)cc1");
        using var query = QueryMolecule.FromSmarts("[NX3;H2]-c");
        var matches = mol.GetSubstructMatches(query);
        Assert.Equal(2, matches.Count);
        Assert.All(matches, m => Assert.Equal(2, m.TargetAtoms.Count));
        Assert.Equal([0, 1], matches[0].TargetAtoms);
        Assert.Equal([5, 4], matches[1].TargetAtoms);
    }

    [Fact]
    public void Uniquify_Off_ListsEverySymmetricMapping()
    {
        using var benzene = Molecule.FromSmiles("c1ccccc1");
        using var ring = QueryMolecule.FromSmarts("c1ccccc1");
        Assert.Single(benzene.GetSubstructMatches(ring));
        Assert.Equal(12, benzene.GetSubstructMatches(ring, new SubstructMatchOptions { Uniquify = false }).Count);
    }

    [Fact]
    public void MaxMatches_CapsTheList()
    {
        using var benzene = Molecule.FromSmiles("c1ccccc1");
        using var ring = QueryMolecule.FromSmarts("c1ccccc1");
        Assert.Equal(5, benzene.GetSubstructMatches(ring, new SubstructMatchOptions { Uniquify = false, MaxMatches = 5 }).Count);
    }

    [Fact]
    public void UseChirality_DistinguishesEnantiomers()
    {
        using var r = Molecule.FromSmiles("C[C@@H](N)C(=O)O");
        using var s = QueryMolecule.FromSmarts("C[C@H](N)C(=O)O");
        Assert.True(r.HasSubstructMatch(s));
        Assert.False(r.HasSubstructMatch(s, new SubstructMatchOptions { UseChirality = true }));
    }

    [Fact]
    public void GenericGroups_FromCxSmartsLabels()
    {
        using var query = QueryMolecule.FromSmarts("*-N=N-* |$ARY_p;;;ARY_p$|", genericGroups: true);
        using var diaryl = Molecule.FromSmiles("c1ccccc1N=Nc1ccccc1");
        using var alkyl = Molecule.FromSmiles("CCN=NCC");
        var generic = new SubstructMatchOptions { UseGenericMatchers = true };
        Assert.True(diaryl.HasSubstructMatch(query, generic));
        Assert.False(alkyl.HasSubstructMatch(query, generic));
        Assert.True(alkyl.HasSubstructMatch(query), "without generic matching '*' is any atom");
    }

    [Fact]
    public void ParseSmarts_Invalid_CarriesReason()
    {
        var result = QueryMolecule.ParseSmarts("[C;X4");
        Assert.False(result.Success);
        Assert.Contains("SMARTS Parse Error", result.Error.Reason);
    }

    [Fact]
    public void OneQuery_MatchedFromManyThreads_GivesTheSameAnswers()
    {
        using var query = QueryMolecule.FromSmarts("[$(c-N=N-c),$(C=N-N)]");
        string[] smiles = ["c1ccccc1N=Nc1ccccc1", "CCO", "O=C1C=Cc2ccccc2C1=NNc1ccccc1", "c1ccncc1"];
        var expected = smiles.Select(s => { using var m = Molecule.FromSmiles(s); return m.HasSubstructMatch(query); }).ToArray();
        Parallel.For(0, 2000, i =>
        {
            using var m = Molecule.FromSmiles(smiles[i % smiles.Length]);
            Assert.Equal(expected[i % smiles.Length], m.HasSubstructMatch(query));
        });
    }
}
