namespace DyeRegistry.Chemistry.Tests;

/// <summary>
/// <see cref="Molecule.ParseSmilesIfMightContain"/>: "ruled out" only for a valid SMILES that
/// cannot contain a query in any form (sanitized, fragments set aside, tautomers); otherwise the
/// molecule or the error is exactly <see cref="Molecule.ParseSmiles"/>'s.
/// </summary>
public sealed class ScreenedParseTests : IDisposable
{
    private const string Azo = "[#7;X2;!a;!R]=[#7;X2;!a;!R]";
    private readonly List<QueryMolecule> queries = [QueryMolecule.FromSmarts(Azo)];

    public void Dispose()
    {
        foreach (var q in queries)
        {
            q.Dispose();
        }
    }

    [Theory]
    [InlineData("CCO")]                   // no nitrogen
    [InlineData("c1ccnnc1")]              // N-N only inside a ring: the core's N are acyclic
    [InlineData("NCCN")]                  // two acyclic N, not bonded
    [InlineData("[Na+].[Cl-]")]
    public void RulesOut_ValidStructures_ThatCannotHoldTheQuery(string smiles)
    {
        var result = Molecule.ParseSmilesIfMightContain(smiles, queries);
        Assert.True(result.RuledOut);
        Assert.Null(result.Molecule);
        Assert.Null(result.Error);
    }

    [Theory]
    [InlineData("c1ccccc1/N=N/c1ccc(N(C)C)cc1")]                 // drawn as azo
    [InlineData("O=C1C(=NNc2ccccc2)C(C)=NN1c1ccccc1")]           // hydrazone tautomer of an azo dye
    [InlineData("[Na+].[O-]S(=O)(=O)c1ccc(N=Nc2ccccc2)cc1")]     // salt: the dye is a fragment
    [InlineData("C1CCN=NC1.CN-NC")]                              // an acyclic N-N in the second piece
    public void KeepsEveryStructure_ThatCouldHoldTheQueryInSomeForm(string smiles)
    {
        var result = Molecule.ParseSmilesIfMightContain(smiles, queries);
        Assert.False(result.RuledOut);
        using var screened = Assert.IsType<Molecule>(result.Molecule);
        using var full = Molecule.FromSmiles(smiles);
        Assert.Equal(full.ToSmiles(), screened.ToSmiles());
        Assert.Equal(full.ToMolBlock(), screened.ToMolBlock());
    }

    [Fact]
    public void RingRequirements_AreKeptButAromaticityIsNot()
    {
        using var benzeneQuery = QueryMolecule.FromSmarts("c1ccccc1");
        List<QueryMolecule> ring = [benzeneQuery];
        Assert.True(Molecule.ParseSmilesIfMightContain("CCCCCC", ring).RuledOut);        // no ring at all
        Assert.False(Molecule.ParseSmilesIfMightContain("C1=CC=CC=C1", ring).RuledOut);  // Kekulé benzene
        // Cyclohexane cannot be aromatic, but a necessary condition that ignores bond orders
        // cannot tell: kept (the full match then says no).
        Assert.False(Molecule.ParseSmilesIfMightContain("C1CCCCC1", ring).RuledOut);
    }

    /// <summary>
    /// The steps of the full parse after sanitization's first half: the rest of sanitization,
    /// removeHs on explicit H atoms, stereo perception on stereo marks. "Ruled out" (or the
    /// molecule) exactly when the full parse succeeds, its error otherwise. No structure that
    /// passes kekulization but fails a later step was found (200,000 random edits of catalogue
    /// SMILES tried with python3-rdkit); these exercise each later step instead.
    /// </summary>
    [Theory]
    [InlineData("[H]OCC")]                       // explicit H atom: removeHs
    [InlineData("[H][H]")]                       // an H atom removeHs must keep
    [InlineData("[2H]OCC")]                      // isotopic H, kept
    [InlineData("[H]C([H])([H])[H]")]
    [InlineData("[H]1CC1")]                      // H bonded twice: rejected
    [InlineData("C[C@H](O)CC")]                  // chiral centre: stereo perception
    [InlineData("C[C@@H](C)C")]                  // a chiral mark on no centre: cleaned
    [InlineData("F/C=C/F")]                      // double-bond stereo
    [InlineData("F/C=C(/F)/F")]                  // contradictory directions
    [InlineData("C/C(F)=C/1.C1")]                // a direction on a ring-closure bond
    [InlineData("[CH3].[CH2]")]                  // radicals
    [InlineData("c1cc[nH]c1.[O-][N+](=O)c1ccccc1")]
    [InlineData("C[C@H]1CC[C@@H](C)CC1")]        // ring stereo
    public void LaterSteps_GiveTheFullParsesVerdict(string smiles)
    {
        var full = Molecule.ParseSmiles(smiles);
        var result = Molecule.ParseSmilesIfMightContain(smiles, queries);
        using var molecule = result.Molecule;
        if (full.Success)
        {
            using var m = full.Value;
            Assert.Null(result.Error);
            Assert.True(result.RuledOut || molecule is not null);
            if (molecule is not null)
            {
                Assert.Equal(m.ToSmiles(), molecule.ToSmiles());
            }
        }
        else
        {
            Assert.False(result.RuledOut, $"{smiles}: ruled out, but the full parse rejects it: {full.Error.Reason}");
            Assert.Equal(full.Error.Reason, result.Error!.Reason);
        }
    }

    [Theory]
    [InlineData("C1CC")]                   // unclosed ring
    [InlineData("CC(C")]                   // unclosed branch
    [InlineData("C(C)(C)(C)(C)C")]         // five-valent carbon
    [InlineData("c1cccc1")]                // cannot be kekulized
    [InlineData("cC")]                     // aromatic atom outside a ring
    [InlineData("[Na+].c1cccc1")]
    [InlineData("O=O=O")]
    [InlineData("")]
    public void Errors_AreThoseOfTheFullParse(string smiles)
    {
        var full = Molecule.ParseSmiles(smiles);
        Assert.False(full.Success);
        var result = Molecule.ParseSmilesIfMightContain(smiles, queries);
        Assert.False(result.RuledOut);
        Assert.NotNull(result.Error);
        Assert.Equal(full.Error.Reason, result.Error.Reason);
        Assert.Equal(full.Error.Code, result.Error.Code);
    }

    [Fact]
    public void NoQueries_RulesOutEveryValidStructure()
    {
        Assert.True(Molecule.ParseSmilesIfMightContain("c1ccccc1N=Nc1ccccc1", []).RuledOut);
        Assert.NotNull(Molecule.ParseSmilesIfMightContain("c1cccc1", []).Error);
    }

    [Fact]
    public void ElementCounts_AreNecessary()
    {
        using var fourN = QueryMolecule.FromSmarts("[#7]~[#6]~[#7].[#7]~[#6]~[#7]");
        List<QueryMolecule> q = [fourN];
        Assert.True(Molecule.ParseSmilesIfMightContain("NC(N)=O", q).RuledOut);            // two N
        Assert.False(Molecule.ParseSmilesIfMightContain("NC(N)=O.NC(N)=O", q).RuledOut);    // four N
    }
    /// <summary>
    /// Rings are read only once some query's element counts are met (connectivity_screen.cpp):
    /// a query whose elements are absent must not stop the next one from getting its ring test,
    /// and a ring test must still come after a query that needed none.
    /// </summary>
    [Fact]
    public void RingsAreRead_ForTheFirstQueryWhoseElementsArePresent()
    {
        using var threeO = QueryMolecule.FromSmarts("[#8]~[#8]~[#8]");
        using var acyclicNN = QueryMolecule.FromSmarts("[#7;!R]~[#7;!R]");
        foreach (List<QueryMolecule> q in new[] { new List<QueryMolecule> { threeO, acyclicNN }, [acyclicNN, threeO] })
        {
            Assert.False(Molecule.ParseSmilesIfMightContain("CN=NC", q).RuledOut);
            Assert.True(Molecule.ParseSmilesIfMightContain("c1ccnnc1", q).RuledOut);        // N-N in a ring only
            Assert.False(Molecule.ParseSmilesIfMightContain("c1ccnnc1.OOO", q).RuledOut);    // the other query's elements
            Assert.True(Molecule.ParseSmilesIfMightContain("CCO", q).RuledOut);
            Assert.True(Molecule.ParseSmilesIfMightContain("c1ccnnc1", q, validate: false).RuledOut);
            using var pyridazine = Molecule.FromSmiles("c1ccnnc1");
            Assert.All(pyridazine.SkeletonMightEmbed(q), Assert.False);
            using var azo = Molecule.FromSmiles("CN=NC");
            Assert.Equal(q.Select(x => ReferenceEquals(x, acyclicNN)).ToArray(), azo.SkeletonMightEmbed(q));
        }
    }
}
