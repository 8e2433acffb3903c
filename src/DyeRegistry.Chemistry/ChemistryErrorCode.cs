namespace DyeRegistry.Chemistry;

/// <summary>Why a chemistry operation failed. Stable: stored in reports and error files.</summary>
public enum ChemistryErrorCode
{
    /// <summary>The input (SMILES, SMARTS, molfile, pickle) is not a valid structure; the message is RDKit's reason.</summary>
    InvalidStructure = 1,

    /// <summary>A caller mistake: an option out of range, an index the molecule lacks.</summary>
    InvalidArgument = 2,

    /// <summary>RDKit failed on a structure it had accepted; the message says how.</summary>
    EngineFailure = 3,

    /// <summary>The input is over a size limit (<see cref="StructureLimits"/>, <see cref="QueryLimits"/>); the message names it.</summary>
    LimitExceeded = 4,
}
