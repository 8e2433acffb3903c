using DyeRegistry.Chemistry;

namespace DyeRegistry.Registry.Tests;

/// <summary>A substructure search that reaches a dye whose stored parent SMILES RDKit cannot read
/// again (a registry written before parents had to read back) still answers: the dye is named as
/// not checked, the other dyes are searched.</summary>
public sealed class SubstructureUnreadableParentTests
{
    // cdex-7763 of the real catalogue: a squaraine drawn with a ring [CH2+]; neutralizing the parent
    // made it [CH3] in a ring, a SMILES RDKit rejects when it reads it back (explicit valence).
    // Registration no longer neutralizes it; older registries hold the parent below.
    private const string Squaraine = "CCN1C(=CC2=C([O-])C(=C[CH2+]3N(C(=O)O)c4c(C3(C)CS(=O)(=O)O)cc(cc4)S(=O)(=O)O)C2=O)C(c2c1ccc(c2)S(=O)(=O)O)(C)CS(=O)(=O)O";

    private const string OlderParent = "CCN1C(=CC2=C(O)C(=C[CH3]3N(C(=O)O)c4ccc(S(=O)(=O)O)cc4C3(C)CS(=O)(=O)O)C2=O)C(C)(CS(=O)(=O)O)c2cc(S(=O)(=O)O)ccc21";

    // 2-phenylbenzothiazole, and a dye without the ring system.
    private const string Benzothiazole = "c1ccc(-c2nc3ccccc3s2)cc1";
    private const string Azobenzene = "c1ccc(/N=N/c2ccccc2)cc1";

    [Fact]
    public void A_dye_whose_parent_does_not_parse_is_named_and_the_others_are_searched()
    {
        using var sandbox = new RegistrySandbox();
        var outcomes = sandbox.ImportStructures("s.smi", $"{Squaraine} SQ-1\n{Benzothiazole} BT-1\n{Azobenzene} AZ-1\n");
        Assert.All(outcomes, o => Assert.Equal(ImportStatus.Created, o.Status));
        var today = sandbox.Store.GetDye("SQ-1")!;
        Assert.True(Molecule.ParseSmiles(today.ParentSmiles).Success, $"today's parent {today.ParentSmiles} does not read back");
        using (var tx = sandbox.Store.Begin())
        {
            tx.PutDye(today with { ParentSmiles = OlderParent });
            tx.Commit();
        }

        Assert.False(Molecule.ParseSmiles(sandbox.Store.GetDye("SQ-1")!.ParentSmiles).Success);

        using var query = QueryMolecule.ParseSmarts("c1ccccc1").GetValueOrThrow(); // in all three
        var outcome = new RegistrySearch(sandbox.Store, sandbox.Chemistry).Substructure(query, Timeout.InfiniteTimeSpan);

        Assert.True(outcome.Complete);
        Assert.Equal(["AZ-1", "BT-1"], outcome.Hits.Select(h => h.Id));
        Assert.Equal(["SQ-1"], outcome.Unreadable);
    }
}
