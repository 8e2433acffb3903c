namespace DyeRegistry.Claims.Model;

/// <summary>One limitation of a claim: an id unique within the claim, a short statement of it,
/// the condition on the records that decides it, and the claim's own words it tests
/// (<see cref="Words"/>: one or more verbatim fragments of the claim text). Immutable.</summary>
public sealed record Limitation(string Id, string Text, Condition Condition, int Line)
{
    /// <summary>The claim's words this limitation tests, verbatim, in claim order (fragments
    /// where the claim separates them). Every reason quotes them first.</summary>
    public IReadOnlyList<string> Words { get; init; } = [];

    /// <summary>The words as one quotation: fragments joined by an ellipsis; the short statement
    /// when no words are given (a limitation built in code).</summary>
    public string Quote => Words.Count == 0 ? Text : string.Join(" … ", Words);
}
