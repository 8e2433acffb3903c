namespace DyeRegistry.Markush.Model;

/// <summary>
/// The patent document a claim set or a formula comes from, in the reader's words: its title as
/// its claims state it (the independent claims' preambles), how many claims it has, and its
/// publication number and applicant, which are <see cref="NotRecorded"/> where the claim text we
/// encoded does not give them (for a user to fill in). <see cref="Claim"/> is the claim a formula
/// appears in (null for a claim set). <see cref="SourceText"/> is an optional note on the text
/// that was encoded; never the document's identity. Immutable.
/// </summary>
public sealed record PatentDocument(string Title, int Claims, string Publication, string Applicant, int? Claim = null, string? SourceText = null)
{
    /// <summary>The value of publication or applicant when the claim text does not give it.</summary>
    public const string NotRecorded = "not recorded";

    /// <summary>One line for headers and listings: "An ink jet recording method" (15 claims;
    /// publication not recorded; applicant not recorded).</summary>
    public string Describe() =>
        $"\"{Title}\" ({Claims} claims; publication {Publication}; applicant {Applicant})";

    /// <summary>As <see cref="Describe"/>, with the claim a formula appears in first.</summary>
    public string DescribeWithClaim() => Claim is { } c ? $"claim {c} of {Describe()}" : Describe();
}
