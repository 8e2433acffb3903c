using DyeRegistry.TestSupport;

namespace DyeRegistry.Chemistry.Tests;

/// <summary>
/// <see cref="Molecule.MightMatch"/> is a necessary condition: it may say "possible" for a query
/// that does not match, never "impossible" for one that does.
/// </summary>
public class MightMatchTests
{
    private static readonly string[] Queries =
    [
        "[#7;X2;!a;!R]=[#7;X2;!a;!R]",                           // azo, acyclic
        "[#7;X2;!a;!R]-c1:c:c:c(-[#7;X3;!a;+0]):[c,n]:[c,n]:1", // (I)-like core
        "[c,n;r6]-[$([NX3;+0;!a]),$([OX2H1,OX1-])]",             // recursive atoms are left to RDKit
        "c1ccc2ccccc2c1",
        "[#6]~[#7]~[#7]~[#6]",
        "C#N",
        "[Cu]",
        "[#8;X2H1]-c",
        "[NX3;H2]-c",
    ];

    [Fact]
    public void RejectsWhatCannotMatch_AndKeepsWhatMatches()
    {
        using var azobenzene = Molecule.FromSmiles("c1ccccc1/N=N/c1ccc(N(C)C)cc1");
        using var benzene = Molecule.FromSmiles("c1ccccc1");
        var queries = Queries.Select(s => QueryMolecule.FromSmarts(s)).ToList();
        try
        {
            var a = azobenzene.MightMatch(queries);
            var b = benzene.MightMatch(queries);
            Assert.True(a[0]);                 // azo present
            Assert.False(b[0]);                // no N at all
            Assert.False(b[3]);                // naphthalene has more atoms than benzene
            Assert.False(a[6]);                // no copper
            Assert.False(b[5]);
            for (var i = 0; i < queries.Count; i++)
            {
                Assert.True(a[i] || !azobenzene.HasSubstructMatch(queries[i]), Queries[i]);
                Assert.True(b[i] || !benzene.HasSubstructMatch(queries[i]), Queries[i]);
            }
        }
        finally
        {
            queries.ForEach(q => q.Dispose());
        }
    }

    [Fact]
    public void NeverRejectsAMatch_OnVariedStructures()
    {
        string[] smiles =
        [
            "CC(C)(C)c1nn(-c2nc3ccccc3s2)c(/N=N/c2c(C)c(C#N)c(Nc3c(C)cc(C)cc3C)nc2Nc2c(C)cc(C)cc2C)c1C#N",
            "O=C1C=CC(=Nc2ccc(O)cc2)C=C1", "Oc1ccc(N=Nc2ccccc2)cc1", "CN(C)c1ccc(N=Nc2ccc(cc2)S(=O)(=O)O)cc1",
            "c1ccc2c(c1)-c1nc-2nc2[nH]c(nc3nc(nc4[nH]c(n1)c1ccccc41)-c1ccccc1-3)c1ccccc21", "[Na+].[O-]S(=O)(=O)c1ccccc1",
            "N#CC(C#N)=Cc1ccccc1", "Nc1ccccc1", "CCO", "c1ccncc1N=Nc1cccs1", "O=C(Nc1ccccc1)c1ccccc1",
        ];
        var queries = Queries.Select(s => QueryMolecule.FromSmarts(s)).ToList();
        try
        {
            foreach (var s in smiles)
            {
                using var mol = Molecule.FromSmiles(s);
                var possible = mol.MightMatch(queries);
                for (var i = 0; i < queries.Count; i++)
                {
                    Assert.True(possible[i] || !mol.HasSubstructMatch(queries[i]), $"{s} / {Queries[i]}: screened out but it matches");
                }
            }
        }
        finally
        {
            queries.ForEach(q => q.Dispose());
        }
    }
}
