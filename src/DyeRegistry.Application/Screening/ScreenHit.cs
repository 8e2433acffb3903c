using DyeRegistry.Chemistry.IO;
using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Application.Screening;

/// <summary>One screened record: where it came from, its structure, its verdicts (or why it
/// could not be read), and the registry id of a known parent when asked.</summary>
public sealed record ScreenResult(string File, StructureRecord Record, string Id, string Smiles, string? MolBlock, CompoundMatch? Match, string? Error, string? Known)
{
    /// <summary>Within a formula, or undetermined for one (its search hit a limit): either is
    /// written, since a record that may be within must not be dropped silently.</summary>
    /// <summary>Ruled out by connectivity without being proven valid (<see cref="ScreenValidation.Hits"/>):
    /// not a hit, and whether it is a valid structure was not asked.</summary>
    public bool NotValidated { get; init; }

    public bool IsHit => Match is { } m && (m.Within.Count > 0 || m.Undetermined.Count > 0);
}
