using DyeRegistry.Markush.Model;

namespace DyeRegistry.Markush.Matching;

/// <summary>
/// The verdict of one formula on one compound, with the evidence: the satisfying embedding, or
/// the nearest misses (fewest violations; all ties, at most three).
/// </summary>
/// <param name="FormulaId">The formula.</param>
/// <param name="FormulaVersion">Its version (files change; reports cite it).</param>
/// <param name="Provenance">How much of the formula the claim text gives.</param>
/// <param name="Verdict">Within, not within, or for (II) excluded / not excluded.</param>
/// <param name="Tautomer">Null when the drawn form decided; else the SMILES of the tautomer that matched (or that came nearest).</param>
/// <param name="Reading">The reading of ambiguous slots used (X of (I)), or null.</param>
/// <param name="Best">The satisfying embedding, or the first nearest miss; null when the core is absent.</param>
/// <param name="NearestMisses">Embeddings tied for fewest violations when not within (includes Best).</param>
/// <param name="Explanation">The verdict in words.</param>
/// <param name="Svg">Drawing of the match (core and slots highlighted) when asked for and within; else null.</param>
public sealed record FormulaMatch(
    string FormulaId,
    int FormulaVersion,
    Provenance Provenance,
    FormulaVerdict Verdict,
    string? Tautomer,
    string? Reading,
    EmbeddingReport? Best,
    IReadOnlyList<EmbeddingReport> NearestMisses,
    string Explanation,
    string? Svg = null)
{
    public bool IsWithin => Verdict == FormulaVerdict.Within;

    /// <summary>The same drawing as <see cref="Svg"/> as PNG bytes (Word documents take raster images); null when <see cref="Svg"/> is.</summary>
    public byte[]? Png { get; init; }
}
