using DyeRegistry.Estimates.Solubility;

namespace DyeRegistry.Estimates.Tests;

/// <summary>The synthetic data (Fixtures/make-synthetic.py: structures made here, invented log S),
/// featurized once for all tests.</summary>
internal static class Fixture
{
    public static string SyntheticCsv => Path.Combine(AppContext.BaseDirectory, "Fixtures", "synthetic-solubility.csv");

    private static readonly Lazy<SolubilityDataSet> Data = new(() => SolubilityDataSet.Load(SyntheticCsv, 2));

    public static SolubilityDataSet Synthetic => Data.Value;

    /// <summary>Small and quick: enough trees to learn the synthetic relation.</summary>
    public static TrainingOptions Quick => new() { Trees = 150, MinimumExamplesPerLeaf = 5 };
}
