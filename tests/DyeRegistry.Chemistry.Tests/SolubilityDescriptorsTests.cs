using DyeRegistry.Chemistry.IO;
using DyeRegistry.TestSupport;
using Xunit.Abstractions;

namespace DyeRegistry.Chemistry.Tests;

/// <summary>The solubility model's one bridge call gives, bit for bit, what GetDescriptors and
/// GetRingChargeFeatures give on the parent and GetDescriptors gives for the drawn structure's mass
/// (the features a model was trained on must not move).</summary>
public class SolubilityDescriptorsTests(ITestOutputHelper output)
{
    private static readonly StandardizationOptions ParentRules = StandardizationOptions.Registration with
    {
        DisconnectMetals = true,
        CanonicalTautomer = false,
    };

    [Theory]
    [InlineData("CCO")]
    [InlineData("O=S(=O)([O-])c1ccc(N=Nc2ccc(O)cc2)cc1.[Na+]")]
    [InlineData("O=C1c2ccccc2C(=O)c2c(N)cccc21")]
    [InlineData("C[N+](C)(C)CC(=O)[O-]")]
    [InlineData("FC(F)(F)c1ccc(Cl)cc1Br")]
    [InlineData("C1CCCCC1Cc1ccccc1Cl")]
    [InlineData("[Cu+2].[O-]C(=O)c1ccccc1.[O-]C(=O)c1ccccc1")]
    [InlineData("CC(C)(C)c1ccc(C#N)cc1C(=O)NCCOC(=O)C=C")]
    [InlineData("[2H]C([2H])([2H])O")]
    public void OneCall_EqualsTheSeparateDescriptorCalls(string smiles)
    {
        using var drawn = Molecule.FromSmiles(smiles);
        var parent = drawn.Standardize(ParentRules).Parent;
        using var readBack = Molecule.FromSmiles(parent.ToSmiles());
        parent.Dispose();
        AssertEqual(drawn, readBack, smiles);
        AssertEqual(drawn, drawn, smiles);
    }

    [Fact]
    public void TheDrawnMass_IsTheSalts_TheRestTheParents()
    {
        using var drawn = Molecule.FromSmiles("O=S(=O)([O-])c1ccc(N=Nc2ccc(O)cc2)cc1.[Na+]");
        using var parent = Molecule.FromSmiles("O=S(=O)(O)c1ccc(N=Nc2ccc(O)cc2)cc1");
        var d = drawn.GetSolubilityDescriptors(parent);
        Assert.Equal(300.27, d.DrawnAverageMassGramsPerMole, 2);
        Assert.Equal(278.29, d.AverageMassGramsPerMole, 2);
        Assert.Equal(0, d.ChargedAtoms);
        Assert.Throws<ArgumentNullException>(() => drawn.GetSolubilityDescriptors(null!));
    }

    [Trait("Category", "Validation")]
    [ValidationFact]
    public void Catalogue_EveryStructure_OneCallEqualsTheSeparateCalls()
    {
        var compared = 0;
        foreach (var record in StructureFileReader.Read(SharedData.Catalogue))
        {
            var parsed = Molecule.ParseSmiles(record.Text);
            if (!parsed.Success)
            {
                continue;
            }

            using var drawn = parsed.Value;
            AssertEqual(drawn, drawn, record.Text);
            compared++;
        }

        output.WriteLine($"{compared} catalogue structures compared, all equal");
        Assert.True(compared > 28_000, $"only {compared} structures read");
    }

    private static void AssertEqual(Molecule drawn, Molecule parent, string what)
    {
        var one = drawn.GetSolubilityDescriptors(parent);
        var mass = drawn.GetDescriptors(DescriptorGroups.Mass);
        var d = parent.GetDescriptors(DescriptorGroups.All);
        var r = parent.GetRingChargeFeatures();
        var separate = new SolubilityDescriptors(
            mass.AverageMassGramsPerMole!.Value, d.AverageMassGramsPerMole!.Value, d.CrippenLogP!.Value,
            d.CrippenMolarRefractivity!.Value, d.TopologicalPolarSurfaceAreaSquareAngstroms!.Value,
            d.RotatableBonds!.Value, d.HBondDonors!.Value, d.HBondAcceptors!.Value, d.HeavyAtoms!.Value,
            d.AromaticAtomFraction!.Value, r.Rings, r.AromaticRings, r.AliphaticRings, r.FormalCharge, r.ChargedAtoms,
            r.Heteroatoms, r.Halogens, r.FractionCsp3, r.LabuteAsaSquareAngstroms);
        Assert.True(separate.Equals(one), $"{what}: one call {one}, separate calls {separate}");
    }
}
