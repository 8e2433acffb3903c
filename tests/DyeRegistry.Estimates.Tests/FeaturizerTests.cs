using DyeRegistry.Chemistry;
using DyeRegistry.Estimates.Solubility;

namespace DyeRegistry.Estimates.Tests;

public class FeaturizerTests
{
    [Fact]
    public void Features_AreOnTheParent_ButTheMolarMassIsOfTheSubstanceAsGiven()
    {
        using var featurizer = new SolubilityFeaturizer();
        using var salt = Molecule.FromSmiles("O=S(=O)([O-])c1ccc(N=Nc2ccc(O)cc2)cc1.[Na+]");
        using var acid = Molecule.FromSmiles("O=S(=O)(O)c1ccc(N=Nc2ccc(O)cc2)cc1");
        var s = featurizer.Featurize(salt);
        var a = featurizer.Featurize(acid);
        Assert.Equal(a.ParentSmiles, s.ParentSmiles);
        Assert.Equal(a.Features.Take(SolubilityFeatures.Names.Count - 2), s.Features.Take(SolubilityFeatures.Names.Count - 2));
        Assert.Equal(1f, s.Features[SolubilityFeatures.Names.ToList().IndexOf("salt_fragments")]);
        Assert.Equal(0f, a.Features[SolubilityFeatures.Names.ToList().IndexOf("salt_fragments")]);
        Assert.Equal(300.271, s.MolarMassGramsPerMole, 2);
        Assert.Equal(278.29, a.MolarMassGramsPerMole, 2);
        Assert.True(s.IsAzo);
        Assert.False(s.IsAnthraquinone);
        Assert.Equal("c1ccc(N=Nc2ccccc2)cc1", s.Scaffold);
    }

    [Fact]
    public void AnAcyclicCompound_IsItsOwnSplitGroup()
    {
        using var featurizer = new SolubilityFeaturizer();
        using var a = Molecule.FromSmiles("CCCCO");
        using var b = Molecule.FromSmiles("CCCCCO");
        var (fa, fb) = (featurizer.Featurize(a), featurizer.Featurize(b));
        Assert.Equal("", fa.Scaffold);
        Assert.NotEqual(fa.SplitGroup, fb.SplitGroup);
    }

    [Fact]
    public void TheEsolFeature_IsTheEquationOnTheParentsDescriptors()
    {
        using var featurizer = new SolubilityFeaturizer();
        using var m = Molecule.FromSmiles("O=C1c2ccccc2C(=O)c2c(N)cccc21");
        var f = featurizer.Featurize(m);
        var d = m.GetDescriptors();
        Assert.True(f.IsAnthraquinone);
        Assert.Equal(EsolEquation.LogS(d.CrippenLogP!.Value, d.AverageMassGramsPerMole!.Value, d.RotatableBonds!.Value, d.AromaticAtomFraction!.Value), f.EsolLogS, 4);
    }

    [Fact]
    public void FeatureSets_AreRecognisedByTheirNames()
    {
        Assert.Equal(FeatureSet.Basic, SolubilityFeatures.FromNames(SolubilityFeatures.Names.Take(SolubilityFeatures.BasicCount).ToArray()));
        Assert.Equal(FeatureSet.Extended, SolubilityFeatures.FromNames(SolubilityFeatures.Names));
        Assert.Throws<InvalidDataException>(() => SolubilityFeatures.FromNames(["crippen_logp", "tpsa"]));
    }
}
