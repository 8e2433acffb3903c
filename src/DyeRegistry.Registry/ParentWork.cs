using DyeRegistry.Chemistry;
using DyeRegistry.Storage;

namespace DyeRegistry.Registry;

/// <summary>Work done on a dye's structure as drawn and its standardized parent (as stored: its
/// SMILES read back) while
/// <see cref="DyeChemistry.PrepareWith"/> holds them (the molecules are
/// disposed after it returns).</summary>
public delegate void ParentWork(Molecule record, Molecule parent, DyeStructure dye);
