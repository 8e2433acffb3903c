namespace DyeRegistry.Estimates.Solubility;

/// <summary>A featurized compound with its measured log S (mol/L).</summary>
public sealed record TrainingCompound(FeaturizedCompound Compound, double LogS);
