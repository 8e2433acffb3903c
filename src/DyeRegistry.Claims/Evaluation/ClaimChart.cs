using DyeRegistry.Claims.Model;
using DyeRegistry.Markush.Model;

namespace DyeRegistry.Claims.Evaluation;

/// <summary>
/// The claims evaluated on one subject (a medium, or an ink applied to a medium), with
/// everything a reader needs to trust it: the readings used, the claim sets and formula files
/// (versions, provenance), and every record with its registry version.
/// </summary>
public sealed record ClaimChart(
    ScopeSubject Subject,
    IReadOnlyList<ClaimResult> Claims,
    IReadOnlyList<AppliedReading> Readings,
    IReadOnlyList<ClaimSet> Sets,
    IReadOnlyList<FormulaCitation> Formulas,
    IReadOnlyList<ScopeRecord> Records)
{
    /// <summary>With reading sensitivity asked for: each claim verdict that changes under another option of a reading (empty otherwise).</summary>
    public IReadOnlyList<ReadingFlip> Flips { get; init; } = [];

    /// <summary>True when the reading sensitivity was evaluated (so empty <see cref="Flips"/> means robust).</summary>
    public bool SensitivityEvaluated { get; init; }
}

/// <summary>A general formula as the chart used it, with the patent document (and claim) it comes from.</summary>
public sealed record FormulaCitation(string Id, string Name, int Version, Provenance Provenance, string Source, PatentDocument Document);
