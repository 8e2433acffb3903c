using DyeRegistry.Chemistry.Interop;
using DyeRegistry.Chemistry.IO;
using DyeRegistry.TestSupport;
using Xunit.Abstractions;

namespace DyeRegistry.Chemistry.Tests;

/// <summary>The bridge's Crippen typing (fewer substructure searches) gives bit for bit the logP
/// and MR that RDKit's own calcCrippenDescriptors gives.</summary>
public class CrippenTypingTests(ITestOutputHelper output)
{
    private const int MassAndLogP = 1;
    private const int CrippenReference = 8;

    /// <summary>(logP, MR) by the bridge and by RDKit's function, on one molecule.</summary>
    internal static ((double LogP, double Mr) Bridge, (double LogP, double Mr) Rdkit) Both(Molecule mol)
    {
        var fast = Proxy.Descriptors(mol.Handle, MassAndLogP);
        var reference = Proxy.Descriptors(mol.Handle, MassAndLogP | CrippenReference);
        return ((fast.CrippenLogP, fast.CrippenMolarRefractivity), (reference.CrippenLogP, reference.CrippenMolarRefractivity));
    }

    [Theory]
    [InlineData("C")]                                              // [CH4]: a one-atom pattern
    [InlineData("CCO")]
    [InlineData("c1ccccc1N=Nc1ccccc1")]
    [InlineData("O=S(=O)([O-])c1ccc(N=Nc2ccc(O)cc2)cc1.[Na+]")]   // salt: ionic O, Na
    [InlineData("O=C1c2ccccc2C(=O)c2c1cccc2N")]                    // anthraquinone
    [InlineData("C[N+](C)(C)C.[Cl-]")]                            // quaternary N, halide anion
    [InlineData("[O-][n+]1ccccc1")]
    [InlineData("N#CC(=O)OC(F)(F)Cl")]
    [InlineData("Ic1ccc(Br)cc1S(=O)(=O)N")]
    [InlineData("[Cu+2].[O-]C(=O)c1ccccc1.[O-]C(=O)c1ccccc1")]  // metal (Me2 types)
    [InlineData("C[Si](C)(C)OP(=O)(O)O")]
    [InlineData("[2H]C([2H])([2H])O")]                            // explicit isotopic H
    [InlineData("c1cc[se]c1")]                                     // aromatic Se: a Me1 type
    public void BridgeTyping_EqualsRdkitFunction(string smiles)
    {
        using var mol = Molecule.FromSmiles(smiles);
        var (bridge, rdkit) = Both(mol);
        Assert.Equal(rdkit.LogP, bridge.LogP);
        Assert.Equal(rdkit.Mr, bridge.Mr);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(600)]
    public void ManyHydrogens_PastSubstructMatchsCap_StillEqual(int ions)
    {
        // RDKit's SubstructMatch gives at most 1,000 matches: with 600 ammonium ions (2,400 H) its
        // N-H pattern types only some hydrogens, the rest fall to the last, one-atom [#1] type,
        // which then matches more than 1,000 atoms too. The bridge must end the same way.
        using var mol = Molecule.FromSmiles(string.Join('.', Enumerable.Repeat("[NH4+]", ions)));
        var (bridge, rdkit) = Both(mol);
        Assert.Equal(rdkit.LogP, bridge.LogP);
        Assert.Equal(rdkit.Mr, bridge.Mr);
    }

    [Trait("Category", "Validation")]
    [ValidationFact]
    public void CatalogueAndAqSolDb_EveryStructure_BridgeTypingEqualsRdkitFunction()
    {
        var smiles = StructureFileReader.Read(SharedData.Catalogue).Select(r => r.Text)
            .Concat(AqSolDbSmiles(SharedData.Path("data/solubility/aqsoldb_data_curated.csv")))
            .ToArray();
        var compared = 0;
        foreach (var s in smiles)
        {
            var parsed = Molecule.ParseSmiles(s);
            if (!parsed.Success)
            {
                continue;
            }

            using var mol = parsed.Value;
            var (bridge, rdkit) = Both(mol);
            Assert.True(rdkit.LogP.Equals(bridge.LogP) && rdkit.Mr.Equals(bridge.Mr),
                $"{s}: bridge logP {bridge.LogP:R} MR {bridge.Mr:R}, RDKit {rdkit.LogP:R} {rdkit.Mr:R}");
            compared++;
        }

        output.WriteLine($"{compared} of {smiles.Length} structures compared, all equal");
        Assert.True(compared > 38_000, $"only {compared} structures read");
    }

    // The SMILES column of AqSolDB's CSV (quoted fields may hold commas; SMILES never do).
    private static IEnumerable<string> AqSolDbSmiles(string path)
    {
        using var reader = new StreamReader(path);
        var header = SplitCsv(reader.ReadLine()!);
        var column = Array.IndexOf(header, "SMILES");
        Assert.True(column >= 0, $"{path}: no SMILES column");
        while (reader.ReadLine() is { } line)
        {
            yield return SplitCsv(line)[column];
        }
    }

    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return [.. fields];
    }
}
