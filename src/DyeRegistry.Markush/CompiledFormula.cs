using DyeRegistry.Chemistry;
using DyeRegistry.Markush.Model;

namespace DyeRegistry.Markush;

/// <summary>A formula with its queries compiled.</summary>
/// <param name="Formula">The formula as read.</param>
/// <param name="Variants">Its core variants, compiled.</param>
/// <param name="TautomerScreen">The tautomer screen, or null.</param>
/// <param name="TautomerScreenUsesKinds">The screen uses {aliphatic}/{aryl}/{heterocyclic} and runs on the kind-labelled molecule.</param>
/// <param name="ExclusionScreen">The exclusion screen of a formula without structure, or null.</param>
/// <param name="TautomerPrescreen">For a screen that uses kinds: the same SMARTS with its kind
/// conditions dropped, a necessary condition tested on the plain molecule first, so that the
/// kind-labelled copy (a graph walk and a copy per compound) is made only for the few compounds
/// that could pass. Null when the kinds cannot be dropped safely (then only the full screen runs).</param>
/// <param name="TautomerScreenByReading">Narrower screens per reading (tautomer-screen-by-reading).</param>
/// <param name="TautomerDoubleBond">The compiled <see cref="MarkushFormula.TautomerDoubleBondScreen"/>, or null.</param>
/// <param name="TautomerWithinScreen">The compiled <see cref="MarkushFormula.TautomerWithinScreen"/>, or null.</param>
public sealed record CompiledFormula(
    MarkushFormula Formula,
    IReadOnlyList<CompiledVariant> Variants,
    QueryMolecule? TautomerScreen,
    bool TautomerScreenUsesKinds,
    QueryMolecule? ExclusionScreen,
    QueryMolecule? TautomerPrescreen = null,
    IReadOnlyDictionary<string, QueryMolecule>? TautomerScreenByReading = null,
    DoubleBondScreen? TautomerDoubleBond = null,
    QueryMolecule? TautomerWithinScreen = null)
{
    /// <summary>The verdict's words when no core variant embeds (the same for every such compound).</summary>
    public string NoSkeletonExplanation { get; } =
        $"not within ({Formula.Id}): the compound has no {Formula.Name} skeleton (no embedding of any core variant: {string.Join(", ", Formula.Variants.Select(v => v.Id))})";
}

/// <summary>A compiled <see cref="MarkushFormula.TautomerDoubleBondScreen"/>.</summary>
/// <param name="Query">The SMARTS.</param>
/// <param name="Atom">Query atom index of :1, the atom that is double-bonded.</param>
/// <param name="SingleTo">Query atom index of :2, the neighbour it is not double-bonded to.</param>
public sealed record DoubleBondScreen(QueryMolecule Query, int Atom, int SingleTo);
