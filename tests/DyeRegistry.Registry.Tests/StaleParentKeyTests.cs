using DyeRegistry.Chemistry;

namespace DyeRegistry.Registry.Tests;

/// <summary>A registry from before a standardization rule changed (metal complexes registered
/// whole) keeps the parents and duplicate keys of the older rule until they are recomputed.</summary>
public sealed class StaleParentKeyTests : IDisposable
{
    // The 1:2 chromium complex (sodium salt) and its 1:1 complex: distinct dyes today.
    private const string OneToTwo = "[O-]c1ccc([N+](=O)[O-])cc1N=Nc1c([O-])ccc2ccccc12.[O-]c1ccc([N+](=O)[O-])cc1N=Nc1c([O-])ccc2ccccc12.[Cr+3].[Na+]";
    private const string OneToOne = "[O-]c1ccc([N+](=O)[O-])cc1N=Nc1c([O-])ccc2ccccc12.[Cr+3].[Cl-]";

    private readonly RegistrySandbox sandbox = new();

    [Fact]
    public void ParentStoredByTheOlderRule_IsFoundAndRewritten()
    {
        sandbox.ImportStructures("c.smi", $"{OneToTwo} CR-12\n{OneToOne} CR-11\n");
        var today = sandbox.Store.GetDye("CR-12")!;
        var keys = new StaleParentKeys(sandbox.Store, sandbox.Chemistry);
        Assert.Empty(keys.Find());

        // What the older rule stored: the largest organic fragment as the parent (one ligand).
        using var record = Molecule.FromSmiles(OneToTwo);
        var old = record.Standardize(DyeChemistry.Standardization with { KeepMetalIons = false });
        using var oldParent = old.Parent;
        var oldKey = oldParent.Hash(MolHashFunction.HetAtomTautomer);
        Assert.NotEqual(today.ParentKey, oldKey);
        using (var tx = sandbox.Store.Begin())
        {
            tx.PutDye(today with { ParentSmiles = oldParent.ToSmiles(), ParentKey = oldKey, RemovedFragments = old.RemovedFragments });
            tx.Commit();
        }

        var stale = Assert.Single(keys.Find());
        Assert.Equal("CR-12", stale.Id);
        Assert.Equal(oldKey, stale.StoredKey);
        Assert.Equal(today.ParentKey, stale.Current.ParentKey);
        Assert.Equal(DyeChemistry.DuplicateKey(record), stale.Current.ParentKey);
        Assert.Null(stale.SameParentAs);

        keys.Rewrite([stale]);
        Assert.Equal(today.ParentKey, sandbox.Store.GetDye("CR-12")!.ParentKey);
        Assert.Equal(today.ParentSmiles, sandbox.Store.GetDye("CR-12")!.ParentSmiles);
        Assert.Empty(keys.Find());
    }

    public void Dispose() => sandbox.Dispose();
}
