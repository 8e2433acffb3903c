using DyeRegistry.Markush.Model;

namespace DyeRegistry.Claims.Model;

/// <summary>
/// The claims of one patent document, as read from its data file: numbered in this registry
/// (<c>000</c>, <c>001</c>, <c>002</c>: claims are named 000:1, 000:2 ...), with the document it
/// comes from, a short title, source, provenance and version so a chart can cite exactly which
/// encoding it used. Immutable.
/// </summary>
public sealed record ClaimSet(
    string Patent,
    string Title,
    string Source,
    Provenance Provenance,
    int Version,
    string File,
    IReadOnlyList<Claim> Claims)
{
    /// <summary>The patent document the claims come from (title as its claims state it, claim
    /// count, publication and applicant or "not recorded").</summary>
    public required PatentDocument Document { get; init; }

    public Claim? Find(int number) => Claims.FirstOrDefault(c => c.Number == number);
}
