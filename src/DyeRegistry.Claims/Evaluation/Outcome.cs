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
    };
}
