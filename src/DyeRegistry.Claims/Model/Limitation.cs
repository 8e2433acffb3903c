namespace DyeRegistry.Claims.Model;

/// <summary>One limitation of a claim: an id unique within the claim, the claim's words, and the
/// condition on the records that decides it. Immutable.</summary>
public sealed record Limitation(string Id, string Text, Condition Condition, int Line);
