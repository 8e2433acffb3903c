using DyeRegistry.Chemistry;
using DyeRegistry.Markush.Model;

namespace DyeRegistry.Markush;

/// <summary>A core variant compiled: the query and, for each atom map number, the query atom
/// that carries it.</summary>
public sealed record CompiledVariant(CoreVariant Variant, QueryMolecule Core, IReadOnlyDictionary<int, int> QueryAtomOfMap);
