using DyeRegistry.Chemistry;
using DyeRegistry.Estimates.Solubility;

namespace DyeRegistry.Estimates.Tests;

public class TrainingTests
{
    [Fact]
    public void TrainingTwice_GivesTheSameVersion_MetadataAndPredictionBytes()
    {
        var data = Fixture.Synthetic.Compounds;
        var a = SolubilityTrainer.Train(data, Fixture.Quick, "fixture");
        var b = SolubilityTrainer.Train(data, Fixture.Quick, "fixture");
        Assert.Equal(a.Version, b.Version);
        Assert.Equal(a.Metadata.IntervalHalfWidth, b.Metadata.IntervalHalfWidth);
        Assert.Equal(a.Metadata.CalibrationMetrics, b.Metadata.CalibrationMetrics);
        Assert.Equal(PredictionBytes(a, data), PredictionBytes(b, data));
        Assert.Equal(Entry(a, "metadata.json"), Entry(b, "metadata.json"));
        Assert.Equal(Entry(a, "domain.fp"), Entry(b, "domain.fp"));
        Assert.Equal(FileBytes(a), FileBytes(b)); // the whole model file, byte for byte
    }

    [Fact]
    public void OtherOptionsOrData_GiveAnotherVersion()
    {
        var data = Fixture.Synthetic.Compounds;
        var baseline = SolubilityTrainer.Version(Fixture.Quick, "fixture");
        Assert.NotEqual(baseline, SolubilityTrainer.Version(Fixture.Quick with { Seed = 20 }, "fixture"));
        Assert.NotEqual(baseline, SolubilityTrainer.Version(Fixture.Quick, "other data"));
        Assert.Equal(baseline, SolubilityTrainer.Train(data, Fixture.Quick, "fixture").Version);
    }

    [Fact]
    public void ASavedModel_LoadsAndPredictsTheSame()
    {
        var data = Fixture.Synthetic.Compounds;
        var model = SolubilityTrainer.Train(data, Fixture.Quick, "fixture");
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        var loaded = SolubilityModel.Load(file, "memory");
        Assert.Equal(model.Version, loaded.Version);
        Assert.Equal(model.Domain.Fingerprints.Count, loaded.Domain.Fingerprints.Count);
        Assert.Equal(PredictionBytes(model, data), PredictionBytes(loaded, data));
    }

    [Fact]
    public void ABrokenModelFile_IsAnErrorNamingIt()
    {
        var e = Assert.Throws<InvalidDataException>(() => SolubilityModel.Load(new MemoryStream("not a zip"u8.ToArray()), "bad.zip"));
        Assert.NotNull(e.Message);
    }

    [Fact]
    public void Intervals_AreTheEstimatePlusMinusTheConformalQuantile_InBothUnits()
    {
        var data = Fixture.Synthetic.Compounds;
        var model = SolubilityTrainer.Train(data, Fixture.Quick, "fixture");
        using var predictor = model.CreatePredictor();
        var c = data[10].Compound;
        var e = predictor.Predict(c);
        var q = model.HalfWidth(c, e.NearestSimilarity);
        Assert.Contains(q, model.Metadata.IntervalClassHalfWidths);
        Assert.True(q > 0 && double.IsFinite(q));
        Assert.Equal(e.LogS - q, e.LogSLow, 12);
        Assert.Equal(e.LogS + q, e.LogSHigh, 12);
        Assert.Equal(SolubilityUnits.GramsPer100GramsWater(e.LogS, c.MolarMassGramsPerMole), e.GramsPer100GramsWater, 12);
        Assert.Equal(SolubilityUnits.GramsPer100GramsWater(e.LogSLow, c.MolarMassGramsPerMole), e.GramsLow, 12);
        Assert.Equal(SolubilityUnits.GramsPer100GramsWater(e.LogSHigh, c.MolarMassGramsPerMole), e.GramsHigh, 12);
        Assert.Equal(0.9, e.CoverageLevel);
        Assert.Equal(model.Version, e.ModelVersion);
    }

    [Fact]
    public void OnHeldOutScaffolds_TheModelBeatsTheMean_AndIntervalsCoverMost()
    {
        // Test scaffolds drawn like the calibration ones (a seeded draw of whole groups), so the
        // conformal promise applies: about 90 % covered, up to the noise of a few dozen groups.
        var data = Fixture.Synthetic.Compounds;
        var isTest = ScaffoldSplit.Holdout(data.Select(c => c.Compound.SplitGroup).ToArray(), 0.3, 99);
        var train = data.Where((_, i) => !isTest[i]).ToList();
        var test = data.Where((_, i) => isTest[i]).ToList();
        var model = SolubilityTrainer.Train(train, Fixture.Quick, "fixture");
        using var predictor = model.CreatePredictor();
        var estimates = test.Select(t => predictor.Predict(t.Compound)).ToArray();
        var measured = test.Select(t => t.LogS).ToArray();
        var m = RegressionMetrics.Of(measured, estimates.Select(e => e.LogS).ToArray(), estimates.Select(e => (e.LogSLow, e.LogSHigh)).ToArray());
        var meanOnly = RegressionMetrics.Of(measured, measured.Select(_ => train.Average(t => t.LogS)).ToArray());
        Assert.True(m.Rmse < 0.6 * meanOnly.Rmse, $"model RMSE {m.Rmse}, mean-only {meanOnly.Rmse}");
        Assert.True(m.Coverage >= 0.75, $"coverage {m.Coverage} on {m.Count}");
    }

    [Fact]
    public void Domain_HoldsTrainingCompounds_AndNotAStrangerBelowTheThreshold()
    {
        var data = Fixture.Synthetic.Compounds;
        var model = SolubilityTrainer.Train(data, Fixture.Quick, "fixture");
        using var predictor = model.CreatePredictor();
        using var featurizer = new SolubilityFeaturizer();

        // A training compound: similarity 1 to itself.
        var held = ScaffoldSplit.Holdout(data.Select(c => c.Compound.SplitGroup).ToArray(), Fixture.Quick.CalibrationFraction, Fixture.Quick.Seed);
        var trained = data.Where((_, i) => !held[i]).First().Compound;
        var inside = predictor.Predict(trained);
        Assert.Equal(1.0, inside.NearestSimilarity, 12);
        Assert.True(inside.InDomain);

        // A perfluorinated ether and a steroid share next to nothing with the fixture's compounds.
        foreach (var smiles in new[] { "FC(F)(F)C(F)(F)OC(F)(F)C(F)(F)C(F)(F)F", "CC12CCC3C(CCC4=CC(=O)CCC34C)C1CCC2O" })
        {
            using var molecule = Molecule.FromSmiles(smiles);
            var e = predictor.Predict(featurizer.Featurize(molecule));
            Assert.True(e.NearestSimilarity < model.Domain.Threshold, $"{smiles}: {e.NearestSimilarity}");
            Assert.False(e.InDomain);
        }
    }

    [Fact]
    public void ThresholdZero_PutsEverythingInside_AndOne_OnlyExactNeighbours()
    {
        using var molecule = Molecule.FromSmiles("CC12CCC3C(CCC4=CC(=O)CCC34C)C1CCC2O");
        using var featurizer = new SolubilityFeaturizer();
        var fp = featurizer.Featurize(molecule).Morgan;
        var domain = new ApplicabilityDomain(Fixture.Synthetic.Compounds.Select(c => c.Compound.Morgan), 0.0);
        Assert.True(domain.Contains(domain.NearestSimilarity(fp)));
        var strict = new ApplicabilityDomain(Fixture.Synthetic.Compounds.Select(c => c.Compound.Morgan), 1.0);
        Assert.False(strict.Contains(strict.NearestSimilarity(fp)));
        Assert.True(strict.Contains(strict.NearestSimilarity(Fixture.Synthetic.Compounds[0].Compound.Morgan)));
    }

    [Fact]
    public void TooFewCompounds_IsAnError() =>
        Assert.Throws<ArgumentException>(() => SolubilityTrainer.Train(Fixture.Synthetic.Compounds.Take(15).ToList(), Fixture.Quick, "x"));

    private static byte[] PredictionBytes(SolubilityModel model, IReadOnlyList<TrainingCompound> data)
    {
        using var predictor = model.CreatePredictor();
        return data.SelectMany(c => BitConverter.GetBytes(predictor.PredictLogS(c.Compound))).ToArray();
    }

    private static byte[] FileBytes(SolubilityModel model)
    {
        using var file = new MemoryStream();
        model.Save(file);
        return file.ToArray();
    }

    private static byte[] Entry(SolubilityModel model, string name)
    {
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        using var zip = new System.IO.Compression.ZipArchive(file);
        using var s = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        s.CopyTo(copy);
        return copy.ToArray();
    }
}
