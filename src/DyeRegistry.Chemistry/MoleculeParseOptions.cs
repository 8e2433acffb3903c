using System.Text.Json;

namespace DyeRegistry.Chemistry;

/// <summary>
/// How a structure text becomes a molecule. Immutable; the default sanitizes (RDKit's valence,
/// aromaticity and ring perception) and removes explicit hydrogens, as RDKit does by default.
/// </summary>
public sealed record MoleculeParseOptions
{
    /// <summary>The RDKit defaults: sanitize, remove explicit hydrogens.</summary>
    public static MoleculeParseOptions Default { get; } = new();

    /// <summary>Run RDKit sanitization (valence checks, aromaticity, rings). Default true.</summary>
    public bool Sanitize { get; init; } = true;

    /// <summary>Remove explicit hydrogen atoms after parsing. Default: same as <see cref="Sanitize"/>.</summary>
    public bool? RemoveHydrogens { get; init; }

    /// <summary>Size limits checked before RDKit's costly steps. Default <see cref="StructureLimits.Default"/>.</summary>
    public StructureLimits Limits { get; init; } = StructureLimits.Default;

    internal string ToJson() =>
        JsonSerializer.Serialize(new { sanitize = Sanitize, removeHs = RemoveHydrogens ?? Sanitize });
}
