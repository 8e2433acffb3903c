using DyeRegistry.Chemistry;
using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Registry.Tests;

/// <summary><c>dyereg match</c> sees a metal complex as registration does (every ligand and the
/// metal, counter-ions set aside) and still finds the formulas its ligands are within.</summary>
public sealed class MetalComplexMatchTests : IDisposable
{
    // An (M-I) dye (G = -NHMe) and its analogue with G = -NH2, which (M-I) does not allow.
    private const string WithinMI = "c9(N=Nc1c(NC)nc(N(CC)CC)c(C#N)c1(C))nc8ccccc8s9";
    private const string NotWithinMI = "c9(N=Nc1c(N)nc(N(CC)CC)c(C#N)c1(C))nc8ccccc8s9";

    private readonly RegistrySandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Theory]
    [InlineData($"{WithinMI}.{WithinMI}.[Co+3].[Cl-].[Cl-].[Cl-]", 3, true)]
    [InlineData($"{NotWithinMI}.[Cl-].{WithinMI}.[Co+3].[Cl-].[Cl-]", 3, true)]
    [InlineData($"{NotWithinMI}.{NotWithinMI}.[Co+3].[Cl-].[Cl-].[Cl-]", 3, false)]
    [InlineData($"{WithinMI}.[Co+3].[Cl-].[Cl-].[Cl-]", 2, true)]
    public void IonicCobaltComplex_MatchesOnTheRegisteredParent(string smiles, int parentFragments, bool withinMI)
    {
        var matcher = new MarkushMatcher(sandbox.Library);
        using var mol = Molecule.FromSmiles(smiles);
        var match = matcher.Match(mol);
        Assert.Equal(parentFragments, match.MatchedSmiles!.Split('.').Length);
        Assert.Equal(["[Cl-]", "[Cl-]", "[Cl-]"], match.SetAside);
        Assert.Equal(withinMI, match.Within.Contains("M-I"));

        Assert.Equal(ImportStatus.Created, Assert.Single(sandbox.ImportStructures("m.smi", smiles + " CO-X\n")).Status);
        var dye = sandbox.Store.GetDye("CO-X")!;
        Assert.Equal(parentFragments, dye.ParentSmiles.Split('.').Length);
        Assert.Equal(match.SetAside, dye.RemovedFragments);
        Assert.Equal(match.Within, dye.Within);
    }

    [Fact]
    public void IonicCopperPhthalocyanineSalt_IsStillWithinCI()
    {
        const string smiles = "c1c(S(=O)(=O)NCC(CC)CCCC)cc2c(c1)c1nc3[n-]c(nc4nc(nc5[n-]c(nc2n1)c1cc(S(=O)(=O)NCC(CC)CCCC)ccc51)c1cc(S(=O)(=O)NCC(CC)CCCC)ccc41)c1cc(S(=O)(=O)NCC(CC)CCCC)ccc31.[Cu+2].[Na+].[Cl-].O";
        using var mol = Molecule.FromSmiles(smiles);
        var match = new MarkushMatcher(sandbox.Library).Match(mol);
        Assert.Equal(["C-I"], match.Within);
        Assert.Equal(["[Na+]", "[Cl-]", "O"], match.SetAside);
    }
}
