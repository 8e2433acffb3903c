using DyeRegistry.Chemistry;

namespace DyeRegistry.Registry.Tests;

public sealed class DyeRegistrationTests : IDisposable
{
    private readonly RegistrySandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void SaltForm_IsADuplicateOfTheRegisteredParent()
    {
        var first = sandbox.ImportStructures("a.smi", "O=S(=O)(O)c1ccc(N=Nc2ccc(O)cc2)cc1 D-1\n");
        Assert.Equal(ImportStatus.Created, Assert.Single(first).Status);
        var salt = Assert.Single(sandbox.ImportStructures("b.smi", "O=S(=O)([O-])c1ccc(N=Nc2ccc(O)cc2)cc1.[Na+] D-2\n"));
        Assert.Equal(ImportStatus.Duplicate, salt.Status);
        Assert.Contains("duplicate of D-1", salt.Message);
        Assert.Null(sandbox.Store.Get("D-2"));
    }

    [Fact]
    public void HydrazoneDrawing_IsADuplicateOfTheAzoDrawing()
    {
        sandbox.ImportStructures("a.smi", "Oc1ccc2ccccc2c1N=Nc1ccccc1 SUDAN-I\n");
        var hydrazone = Assert.Single(sandbox.ImportStructures("b.smi", "O=C1C=Cc2ccccc2C1=NNc1ccccc1 SUDAN-I-KETO\n"));
        Assert.Equal(ImportStatus.Duplicate, hydrazone.Status);
        Assert.Contains("SUDAN-I", hydrazone.Message);
    }

    [Fact]
    public void AsForm_RegistersTheDuplicateWithItsParent()
    {
        sandbox.ImportStructures("a.smi", "O=S(=O)(O)c1ccc(N=Nc2ccc(O)cc2)cc1 D-1\n");
        var salt = Assert.Single(sandbox.ImportStructures("b.smi", "O=S(=O)([O-])c1ccc(N=Nc2ccc(O)cc2)cc1.[Na+] D-2\n", new ImportOptions { AsForm = true }));
        Assert.Equal(ImportStatus.Created, salt.Status);
        Assert.Equal("D-1", sandbox.Store.Get("D-2")!.Document["parent"]!.GetValue<string>());
        Assert.Equal(["[Na+]"], sandbox.Store.GetDye("D-2")!.RemovedFragments);
        Assert.Equal(["D-2"], sandbox.Store.ReferencedBy("D-1"));
    }

    [Fact]
    public void AsForm_ImportingTheSameFileAgainChangesNothing()
    {
        const string file = "O=S(=O)(O)c1ccc(N=Nc2ccc(O)cc2)cc1 D-1\nO=S(=O)([O-])c1ccc(N=Nc2ccc(O)cc2)cc1.[Na+] D-2\n";
        sandbox.ImportStructures("a.smi", file, new ImportOptions { AsForm = true });
        var again = sandbox.ImportStructures("a.smi", file, new ImportOptions { AsForm = true });
        Assert.All(again, o => Assert.Equal(ImportStatus.Unchanged, o.Status));
    }

    [Fact]
    public void MetalComplex_KeepsItsMetalInTheParent()
    {
        sandbox.ImportStructures("a.smi", "c1ccc2c(c1)c1nc3[n-]c(nc4nc(nc5[n-]c(nc2n1)c1ccccc51)c1ccccc41)c1ccccc31.[Cu+2] CUPC\n");
        Assert.Contains("Cu", sandbox.Store.GetDye("CUPC")!.ParentSmiles);
    }

    [Fact]
    public void ChromiumComplexes_OneToTwoAndOneToOne_AreDistinctRegistrations()
    {
        // 1-(2-hydroxy-5-nitrophenylazo)-2-naphthol: its 1:2 and 1:1 Cr(III) complexes, drawn as ions.
        const string ligand = "[O-]c1ccc([N+](=O)[O-])cc1N=Nc1c([O-])ccc2ccccc12";
        var outcomes = sandbox.ImportStructures("cr.smi", $"{ligand}.{ligand}.[Cr+3].[Na+] CR-1-2\n{ligand}.[Cr+3].[Cl-] CR-1-1\n");
        Assert.All(outcomes, o => Assert.Equal(ImportStatus.Created, o.Status));
        var twoLigands = sandbox.Store.GetDye("CR-1-2")!;
        Assert.Equal(3, twoLigands.ParentSmiles.Split('.').Length);
        Assert.Contains("[Cr+3]", twoLigands.ParentSmiles);
        Assert.Equal(["[Na+]"], twoLigands.RemovedFragments);
        Assert.Equal(["[Cl-]"], sandbox.Store.GetDye("CR-1-1")!.RemovedFragments);
    }

    [Fact]
    public void DuplicateKey_IsTheKeyImportStores()
    {
        const string complex = "[O-]C(=O)c1ccccc1N=Nc1c([O-])ccc2ccccc12.[O-]C(=O)c1ccccc1N=Nc1c([O-])ccc2ccccc12.[Co+3].[Na+]";
        sandbox.ImportStructures("co.smi", complex + " CO-1\n");
        using var mol = Molecule.FromSmiles(complex);
        Assert.Equal(sandbox.Store.GetDye("CO-1")!.ParentKey, DyeChemistry.DuplicateKey(mol));
    }

    [Fact]
    public void Sdf_MapsFieldsAndKeepsTheRest()
    {
        using var mol = Molecule.FromSmiles("c1ccc(nc1)N=Nc1nccs1");
        var block = "Y-7" + mol.ToMolBlock()[mol.ToMolBlock().IndexOf('\n')..];
        var sdf = block + "> <NAME>\nyellow seven\n\n> <SUPPLIER>\nACME\n\n> <LOT>\n42\n\n$$$$\n";
        Assert.Equal(ImportStatus.Created, Assert.Single(sandbox.ImportStructures("y.sdf", sdf)).Status);
        var doc = sandbox.Store.Get("Y-7")!.Document;
        Assert.Equal("yellow seven", doc["name"]!.GetValue<string>());
        Assert.Equal("ACME", doc["supplier"]!.GetValue<string>());
        Assert.Equal("42", doc["properties"]!["LOT"]!.GetValue<string>());
        Assert.Equal(["Y-I"], sandbox.Store.GetDye("Y-7")!.Within);
    }

    [Fact]
    public void Searches_UseTheStoredStructures()
    {
        sandbox.ImportStructures("a.smi", "c1ccc(nc1)N=Nc1nccs1 Y-1\nCCN(CC)c1ccc(N=Nc2ccc(cc2)[N+](=O)[O-])cc1 O-1\nCCO E-1\n");
        var search = new RegistrySearch(sandbox.Store, sandbox.Chemistry);
        using var azo = QueryMolecule.FromSmarts("c-N=N-c");
        Assert.Equal(["O-1", "Y-1"], search.Substructure(azo).Select(h => h.Id).ToArray());
        Assert.Equal(["Y-1"], search.WithinFormula("Y-I").Select(h => h.Id).ToArray());
        using var probe = Molecule.FromSmiles("c1ccc(nc1)N=Nc1nccs1");
        var similar = search.Similar(probe, 0.9);
        Assert.Equal("Y-1", Assert.Single(similar).Id);
        Assert.Equal(1.0, similar[0].Similarity);
    }

    [Fact]
    public void UnreadableStructure_IsReportedWithItsLine()
    {
        var outcome = Assert.Single(sandbox.ImportStructures("bad.smi", "C1CC( X-1\n"));
        Assert.Equal(ImportStatus.Failed, outcome.Status);
        Assert.Contains("line 1", outcome.Input.Where);
        Assert.Contains("SMILES Parse Error", outcome.Message);
    }
}
