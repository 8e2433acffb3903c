namespace DyeRegistry.Markush.Tests;

/// <summary>One row of the case table: a structure, a formula, the verdict formulas.md gives (or
/// its rules imply), the rule it exercises, and optionally a slot and the class that must admit
/// the substituent (null class with a slot: the slot must be absent).</summary>
public sealed record FormulaCase(string Formula, string Smiles, bool Within, string Rule, string? Slot, string? Class)
{
    public override string ToString() => $"({Formula}) {Rule}";
}
