using DyeRegistry.Markush.Model;

namespace DyeRegistry.Claims.Evaluation;

/// <summary>
/// What the Markush engine said about one of the ink's dyes for one formula of seed 001 claim 2:
/// the verdict, the substituent assignment (or the nearest miss), and a depiction with the core
/// highlighted when asked for and within.
/// </summary>
public sealed record DyeFinding(
    string Dye,
    string FormulaId,
    int FormulaVersion,
    Provenance FormulaProvenance,
    string Verdict,
    string Explanation,
    string? Tautomer,
    string? Svg)
{
    /// <summary>The same depiction as PNG (for Word), when depictions were asked for; else null.</summary>
    public byte[]? Png { get; init; }
}
