using DyeRegistry.Chemistry;
using DyeRegistry.Markush.Model;

namespace DyeRegistry.Markush;

/// <summary>A substituent class with its pattern compiled by RDKit (null for hydrogen).</summary>
public sealed record CompiledClass(SubstituentClass Class, QueryMolecule? Query);
