using DyeRegistry.Claims.Evaluation;

namespace DyeRegistry.Application.Scope;

/// <summary>
/// Design-around margins of within claims (issue 20, point 4): a claim is within while every
/// limitation of its chain (its own and its parents') is met, so the smallest change that leaves
/// it is the smallest among its limitations' margins (<see cref="ClaimResult.Margins"/>). Numeric
/// margins are compared as fractions of their thresholds; a structural one (the limitation hangs
/// on one dye, solvent or polymer) has no size: it is named beside, and chosen only when the
/// claim has no numeric margin.
/// </summary>
public static class ClaimMargins
{
    /// <summary>Each within claim of the chart with its nearest margin (null when none is known).</summary>
    public static Dictionary<string, LimitationMargin?> Of(ClaimChart chart) =>
        chart.Claims.Where(c => c.Verdict == ClaimVerdict.Within).ToDictionary(c => c.Claim.Id, c => Nearest(c.Margins));

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
            else if (m.Hinge is not null)
            {
                hinge ??= m;
            }
        }

        return best ?? hinge;
    }
}
