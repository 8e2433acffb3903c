using DyeRegistry.Claims.Model;

namespace DyeRegistry.Claims.Evaluation;

/// <summary>
/// A limitation as evaluated: the verdict with its reason in words, the evidence, and for a
/// limitation not met or unknown what would decide it (<see cref="Needs"/>: data that is
/// missing; <see cref="Changes"/>: how far a value is from its threshold).
/// </summary>
/// <param name="Claim">The claim that states the limitation ("002:1" for limitations claim 7 repeats).</param>
/// <param name="Limitation">The limitation.</param>
/// <param name="Verdict">Met, not met or unknown.</param>
/// <param name="Reason">The verdict in the claim's language: the quoted claim words first, then
/// what was recorded (fields in words, values and thresholds in the claim's units).</param>
/// <param name="Evidence">The values used.</param>
/// <param name="Needs">For unknown: the record fields (with units) that would decide it.</param>
/// <param name="Changes">For not met or uncertain values: what would have to change, with the distance to the threshold.</param>
/// <param name="Warnings">Near-boundary values (within 2 % of a threshold), readings that decided.</param>
/// <param name="Dyes">Seed 001 claim 2: the formula verdicts of the ink's dyes.</param>
public sealed record LimitationResult(
    string Claim,
    Limitation Limitation,
    LimitationVerdict Verdict,
    string Reason,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<string> Needs,
    IReadOnlyList<string> Changes,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<DyeFinding> Dyes)
{
    /// <summary>The reason without the quoted claim words: what was recorded and computed.</summary>
    public string Detail { get; init; } = string.Empty;

    /// <summary>For a met limitation, how far it is from ceasing to be met (design-around margins; empty otherwise).</summary>
    public IReadOnlyList<LimitationMargin> Margins { get; init; } = [];
}
