using DyeRegistry.Chemistry;
using DyeRegistry.Markush.Model;

namespace DyeRegistry.Markush;

/// <summary>A formula with its queries compiled.</summary>
/// <param name="Formula">The formula as read.</param>
/// <param name="Variants">Its core variants, compiled.</param>
/// <param name="TautomerScreen">The tautomer screen, or null.</param>
/// <param name="TautomerScreenUsesKinds">The screen uses {aliphatic}/{aryl}/{heterocyclic} and runs on the kind-labelled molecule.</param>
/// <param name="ExclusionScreen">The exclusion screen of a formula without structure, or null.</param>
public sealed record CompiledFormula(
    MarkushFormula Formula,
    IReadOnlyList<CompiledVariant> Variants,
    QueryMolecule? TautomerScreen,
    bool TautomerScreenUsesKinds,
    QueryMolecule? ExclusionScreen);
