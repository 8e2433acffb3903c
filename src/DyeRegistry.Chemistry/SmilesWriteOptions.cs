using System.Text.Json;

namespace DyeRegistry.Chemistry;

/// <summary>How a molecule is written as SMILES. Default: canonical, isomeric, aromatic form.</summary>
public sealed record SmilesWriteOptions
{
    public static SmilesWriteOptions Canonical { get; } = new();

    public bool Canonicalize { get; init; } = true;

    /// <summary>Include stereochemistry and isotopes. Default true.</summary>
    public bool Isomeric { get; init; } = true;

    /// <summary>Write single/double bonds instead of aromatic atoms. Default false.</summary>
    public bool Kekule { get; init; }

    internal string ToJson() =>
        JsonSerializer.Serialize(new { canonical = Canonicalize, isomeric = Isomeric, kekule = Kekule });
}
