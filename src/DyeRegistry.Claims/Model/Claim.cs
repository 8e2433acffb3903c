namespace DyeRegistry.Claims.Model;

/// <summary>
/// One claim: its number, its parent (dependent claims), what it pairs (a medium, a medium with
/// its production record, an ink with a medium), the claims whose limitations it repeats
/// (<see cref="Includes"/>: an independent claim written as "claim 1 + claim 2's limits"), and
/// its own limitations. Immutable.
/// </summary>
public sealed record Claim(
    string Patent,
    int Number,
    int? Parent,
    Pairing Pairing,
    string? Preamble,
    IReadOnlyList<int> Includes,
    IReadOnlyList<Limitation> Limitations,
    int Line)
{
    /// <summary>The claim's full text when the claim set carries it (a user supplies it; the
    /// shipped sets give the limitations only); null otherwise. Charts show it above the
    /// limitation table.</summary>
    public string? Text { get; init; }

    /// <summary>"001:2": set and number, as claims.md names claims.</summary>
    public string Id => $"{Patent}:{Number}";
}
