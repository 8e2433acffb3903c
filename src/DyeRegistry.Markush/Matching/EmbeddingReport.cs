namespace DyeRegistry.Markush.Matching;

/// <summary>
/// One way the formula's core sits in the compound, with what fills every slot and every rule
/// it breaks. An empty <see cref="Violations"/> means the compound is within the formula.
/// </summary>
/// <param name="Variant">The core variant (B1 = N, A = OH ...).</param>
/// <param name="CoreAtoms">The compound's atoms matched by the core.</param>
/// <param name="Slots">Every slot, in formula order.</param>
/// <param name="Closures">Rings closed between slots.</param>
/// <param name="Counts">Count per group (a_1..a_4 of (C-I)), or null.</param>
/// <param name="Central">The centre M, or null.</param>
/// <param name="Violations">Each broken rule, in words.</param>
public sealed record EmbeddingReport(
    string Variant,
    IReadOnlyList<int> CoreAtoms,
    IReadOnlyList<SlotValue> Slots,
    IReadOnlyList<ClosureValue> Closures,
    IReadOnlyList<int>? Counts,
    CentralValue? Central,
    IReadOnlyList<string> Violations)
{
    public bool Satisfied => Violations.Count == 0;
}
