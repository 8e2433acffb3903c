namespace DyeRegistry.Markush.Model;

/// <summary>
/// A count over groups of slots ((C-I): a_i = number of X groups on benzo ring i, sum >= 2).
/// A substituent in any of <see cref="Classes"/> counts, even when it could also be a Y.
/// </summary>
public sealed record CountConstraint(string Name, IReadOnlyList<string> Classes, IReadOnlyList<IReadOnlyList<string>> Groups, int TotalAtLeast, int Line);
