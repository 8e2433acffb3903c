namespace DyeRegistry.Claims.Evaluation;

/// <summary>What evaluating one condition gave: verdict, reason, evidence and what would decide it.</summary>
internal sealed record Outcome(
    LimitationVerdict Verdict,
    string Reason,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<string>? Needs = null,
    IReadOnlyList<string>? Changes = null,
    IReadOnlyList<string>? Warnings = null,
    IReadOnlyList<DyeFinding>? Dyes = null)
{
    /// <summary>A met outcome's design-around margins (numeric distances, single-element hinges); see <see cref="LimitationMargin"/>.</summary>
    public IReadOnlyList<LimitationMargin>? Margins { get; init; }

    public static Outcome Unknown(string reason, IReadOnlyList<Evidence> evidence, params string[] needs) => new(LimitationVerdict.Unknown, reason, evidence, needs);

    /// <summary>Combines parts (all, any, quantifiers): the verdict by three-valued logic; the
    /// reasons and evidence of the parts that decide it (for a met "any", the met parts).</summary>
    public static Outcome Combine(LimitationVerdict verdict, IReadOnlyList<Outcome> parts, string separator = "; ")
    {
        var shown = verdict switch
        {
            LimitationVerdict.Met when parts.Any(p => p.Verdict == LimitationVerdict.Met) && parts.Any(p => p.Verdict != LimitationVerdict.Met) => parts.Where(p => p.Verdict == LimitationVerdict.Met).ToList(),
            _ => parts.ToList(),
        };
        return new Outcome(
            verdict,
            string.Join(separator, shown.Select(p => p.Reason)),
            shown.SelectMany(p => p.Evidence).Distinct().ToList(),
            verdict == LimitationVerdict.Unknown ? parts.Where(p => p.Verdict == LimitationVerdict.Unknown).SelectMany(p => p.Needs ?? []).Distinct().ToList() : [],
            verdict == LimitationVerdict.Met ? [] : parts.Where(p => p.Verdict != LimitationVerdict.Met).SelectMany(p => p.Changes ?? []).Distinct().ToList(),
            parts.SelectMany(p => p.Warnings ?? []).Distinct().ToList(),
            parts.SelectMany(p => p.Dyes ?? []).ToList());
    }

    public Outcome Prefixed(string prefix) => this with
    {
        Reason = prefix + Reason,
        Needs = Needs?.Select(n => prefix + n).ToList(),
        Changes = Changes?.Select(c => prefix + c).ToList(),
        Warnings = Warnings?.Select(w => prefix + w).ToList(),
        Margins = Margins?.Select(m => m.Prefixed(prefix)).ToList(),
    };

    /// <summary>This outcome with the margins of a met combination: every part's for "all" and
    /// "every"; for "any" and "some", the met part's when exactly one is met (a change to it
    /// alone leaves the limitation), with <paramref name="hinge"/> naming it, else none.</summary>
    public Outcome WithMargins(IReadOnlyList<Outcome> parts, bool every, Func<int, string?>? hinge = null)
    {
        if (Verdict != LimitationVerdict.Met)
        {
            return this;
        }

        if (every)
        {
            return this with { Margins = parts.SelectMany(p => p.Margins ?? []).ToList() };
        }

        var met = parts.Select((p, i) => (p, i)).Where(x => x.p.Verdict == LimitationVerdict.Met).ToList();
        if (met.Count != 1)
        {
            return this;
        }

        var list = (met[0].p.Margins ?? []).ToList();
        if (hinge?.Invoke(met[0].i) is { } h)
        {
            list.Add(new LimitationMargin(string.Empty, string.Empty, string.Empty, string.Empty, null, string.Empty, h));
        }

        return this with { Margins = list };
    }
}
