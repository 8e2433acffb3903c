namespace DyeRegistry.Markush.Model;

/// <summary>
/// One group the claim names ("alkoxy group"), with its rule. Immutable.
/// </summary>
/// <param name="Id">Stable id used by formula files ("alkoxy").</param>
/// <param name="Name">The claim's word.</param>
/// <param name="Definition">The rule in words, as a chemist checks it.</param>
/// <param name="Smarts">The rule as written in the vocabulary file (with macros); null for
/// <c>hydrogen</c>, which is the absence of a substituent.</param>
/// <param name="Notes">Surprises and readings, or null.</param>
/// <param name="Line">Line of the class in its file, for messages.</param>
public sealed record SubstituentClass(string Id, string Name, string Definition, string? Smarts, string? Notes, int Line)
{
    /// <summary>The id of the class that stands for "no substituent".</summary>
    public const string HydrogenId = "hydrogen";

    public bool IsHydrogen => Id == HydrogenId;
}
