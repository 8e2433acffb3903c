namespace DyeRegistry.Estimates.Solubility;

/// <summary>One measured compound of a data file: where it is, its SMILES and log S (mol/L).</summary>
public sealed record SolubilityDataRow(long Line, string Smiles, double LogS, string? Id);
