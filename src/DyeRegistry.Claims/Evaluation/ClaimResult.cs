using DyeRegistry.Claims.Model;

namespace DyeRegistry.Claims.Evaluation;

/// <summary>
/// A claim as evaluated: its own limitations (with those it repeats from other claims), the
/// parent's verdict, the claim's verdict, and for an outside or undetermined claim the deciding
/// limitations along its whole chain of parents.
/// </summary>
public sealed record ClaimResult(
    Claim Claim,
    string Title,
    ClaimVerdict Verdict,
    ClaimVerdict? ParentVerdict,
    IReadOnlyList<LimitationResult> Limitations,
    IReadOnlyList<DecidingLimitation> Deciding)
{
    /// <summary>For a within claim, its design-around margins over its whole chain: numeric ones nearest first, then the single-element hinges (empty otherwise).</summary>
    public IReadOnlyList<LimitationMargin> Margins { get; init; } = [];

    /// <summary>With reading sensitivity: how this claim's verdict changes under other options of the readings (empty when robust or not asked).</summary>
    public IReadOnlyList<ReadingFlip> Flips { get; init; } = [];
}

/// <summary>A limitation that makes a claim outside (not met) or undetermined (unknown), with
/// what would have to change or which data would decide it.</summary>
public sealed record DecidingLimitation(string Claim, string Limitation, string Text, LimitationVerdict Verdict, IReadOnlyList<string> What)
{
    /// <summary>The claim words the limitation tests (<see cref="Model.Limitation.Quote"/>).</summary>
    public string Quote { get; init; } = Text;
}
