using DyeRegistry.Chemistry.IO;
using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Application.Matching;

/// <summary>One record's result. Smiles: the record's structure as SMILES (the text for SMILES
/// input, RDKit's canonical SMILES for a molfile record; empty when unreadable).</summary>
public sealed record MatchOutcome(StructureRecord Record, string Id, string Smiles, CompoundMatch? Match, string? Error);
