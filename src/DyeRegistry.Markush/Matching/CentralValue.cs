using DyeRegistry.Markush.Model;

namespace DyeRegistry.Markush.Matching;

/// <summary>The centre M of a macrocycle: its kind and how it reads ("Cu", "VO", "AlCl", "H2").</summary>
/// <param name="Kind">The kind of centre.</param>
/// <param name="Description">M as a chemist writes it.</param>
/// <param name="Bonding">covalent, ionic (a separate ion) or none (metal-free).</param>
/// <param name="Allowed">The formula allows this kind.</param>
public sealed record CentralValue(CentralKind Kind, string Description, string Bonding, bool Allowed);
