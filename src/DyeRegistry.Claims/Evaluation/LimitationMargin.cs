namespace DyeRegistry.Claims.Evaluation;

/// <summary>
/// How far a met limitation is from ceasing to be met (issue 20, design-around margins): a
/// numeric one by its distance to the threshold as a fraction of it ("A/B = 2.1 against at
/// least 2.0: 5 % above"), a structural one by the single dye, solvent or polymer it hangs on.
/// </summary>
/// <param name="Where">The element it was found on ("solvent TCP: "), empty at the top.</param>
/// <param name="Label">What the claim calls the quantity (A/B), or the limitation's element for a hinge.</param>
/// <param name="Value">The central value with its unit; empty for a hinge.</param>
/// <param name="Rule">"at least 2.0 x10^-5 ml/cm2/um"; empty for a hinge.</param>
/// <param name="Fraction">|value - threshold| / |threshold| (the nearer bound of a range); null for a hinge or a zero threshold.</param>
/// <param name="Direction">"above" or "below" the bound.</param>
/// <param name="Hinge">For a structural margin: "only solvent TCP meets it (of 2 solvents)".</param>
public sealed record LimitationMargin(string Where, string Label, string Value, string Rule, decimal? Fraction, string Direction, string? Hinge)
{
    /// <summary>"A/B = 2.1 x10^-5 ml/cm2/um against at least 2.0 x10^-5 ml/cm2/um: 5 % above", or the hinge.</summary>
    public string Text => Hinge is not null
        ? Where + Hinge
        : $"{Where}{Label} = {Value} against {Rule}: {(Fraction is { } f ? Numbers.Text(Math.Round(f * 100, f < 0.1m ? 1 : 0)) + " %" : "n/a")} {Direction}";

    public bool IsNumeric => Hinge is null && Fraction is not null;

    /// <summary>Numeric margins nearest first (smallest fraction), then the hinges; duplicates once.</summary>
    public static IReadOnlyList<LimitationMargin> Order(IEnumerable<LimitationMargin> margins)
    {
        var all = margins.Distinct().ToList();
        return [.. all.Where(m => m.IsNumeric).OrderBy(m => m.Fraction), .. all.Where(m => m.Hinge is not null)];
    }

    public LimitationMargin Prefixed(string prefix) => this with { Where = prefix + Where };
}
