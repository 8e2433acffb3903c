namespace DyeRegistry.Chemistry.IO;

/// <summary>How a structure is written in a record.</summary>
public enum StructureFormat
{
    /// <summary>One SMILES per line, optionally followed by whitespace and an id.</summary>
    Smiles,

    /// <summary>MDL molfile block, as in an SD file record.</summary>
    MolBlock,
}
