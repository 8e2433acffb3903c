using DyeRegistry.Claims.Evaluation;

namespace DyeRegistry.Application.Scope;

/// <summary>
/// Design-around margins of within claims (issue 20, point 4): a claim is within while every
/// limitation of its chain (its own and its parents') is met, so the smallest change that leaves
/// it is the smallest among its limitations' margins. Numeric margins are compared as fractions
/// of their thresholds; a structural one (the limitation hangs on one dye, solvent or polymer)
/// has no size and is named beside, and chosen only when the claim has no numeric margin.
/// </summary>
public static class ClaimMargins
{
    /// <summary>Each within claim of the chart with its nearest margin (null when none is known).</summary>
    public static Dictionary<string, LimitationMargin?> Of(ClaimChart chart)
    {
        var byId = chart.Claims.ToDictionary(c => c.Claim.Id);
        return chart.Claims.Where(c => c.Verdict == ClaimVerdict.Within)
            .ToDictionary(c => c.Claim.Id, c => Nearest(Chain(c, byId).SelectMany(l => l.Margins)));
    }

    /// <summary>Every margin of a claim's chain (numeric ones nearest first, then the hinges).</summary>
    public static IReadOnlyList<LimitationMargin> All(ClaimChart chart, ClaimResult claim)
    {
        var byId = chart.Claims.ToDictionary(c => c.Claim.Id);
        var all = Chain(claim, byId).SelectMany(l => l.Margins).Distinct().ToList();
        return [.. all.Where(m => m.IsNumeric).OrderBy(m => m.Fraction), .. all.Where(m => !m.IsNumeric)];
    }

    /// <summary>The numeric margin with the smallest fraction; else the first hinge; else null.</summary>
    public static LimitationMargin? Nearest(IEnumerable<LimitationMargin> margins)
    {
        LimitationMargin? best = null;
        LimitationMargin? hinge = null;
        foreach (var m in margins)
        {
            if (m.IsNumeric)
            {
                if (best is null || m.Fraction < best.Fraction)
                {
                    best = m;
                }
            }
            else
            {
                hinge ??= m.Hinge is null ? null : m;
            }
        }

        return best ?? hinge;
    }

    private static IEnumerable<LimitationResult> Chain(ClaimResult claim, Dictionary<string, ClaimResult> byId)
    {
        for (ClaimResult? c = claim; c is not null; c = c.Claim.Parent is { } p && byId.TryGetValue($"{c.Claim.Patent}:{p}", out var parent) ? parent : null)
        {
            foreach (var l in c.Limitations)
            {
                yield return l;
            }
        }
    }
}
