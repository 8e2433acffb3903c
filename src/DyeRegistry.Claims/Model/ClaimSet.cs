using DyeRegistry.Markush.Model;

namespace DyeRegistry.Claims.Model;

/// <summary>
/// The claims of one patent (a seed), as read from its data file: identified by the seed number
/// (<c>000</c>, <c>001</c>, <c>002</c>), with title, source, provenance and version so a chart can
/// cite exactly which encoding it used. Immutable.
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
    public Claim? Find(int number) => Claims.FirstOrDefault(c => c.Number == number);
}
