namespace DyeRegistry.Claims.Evaluation;

/// <summary>A limitation's verdict: three-valued (claims.md "Evaluation rules").</summary>
public enum LimitationVerdict
{
    Met,
    NotMet,

    /// <summary>Data missing, or too uncertain to decide.</summary>
    Unknown,
}

/// <summary>A claim's verdict: within when every limitation (its parents' included) is met,
/// outside when any is not met, otherwise undetermined.</summary>
public enum ClaimVerdict
{
    Within,
    Outside,
    Undetermined,
}

/// <summary>Kleene's three-valued logic, and the words reports use.</summary>
public static class Verdicts
{
    public static LimitationVerdict And(IEnumerable<LimitationVerdict> parts)
    {
        var unknown = false;
        foreach (var p in parts)
        {
            if (p == LimitationVerdict.NotMet)
            {
                return LimitationVerdict.NotMet;
            }

            unknown |= p == LimitationVerdict.Unknown;
        }

        return unknown ? LimitationVerdict.Unknown : LimitationVerdict.Met;
    }

    public static LimitationVerdict Or(IEnumerable<LimitationVerdict> parts)
    {
        var unknown = false;
        foreach (var p in parts)
        {
            if (p == LimitationVerdict.Met)
            {
                return LimitationVerdict.Met;
            }

            unknown |= p == LimitationVerdict.Unknown;
        }

        return unknown ? LimitationVerdict.Unknown : LimitationVerdict.NotMet;
    }

    public static ClaimVerdict ToClaim(LimitationVerdict v) => v switch
    {
        LimitationVerdict.Met => ClaimVerdict.Within,
        LimitationVerdict.NotMet => ClaimVerdict.Outside,
        _ => ClaimVerdict.Undetermined,
    };

    public static LimitationVerdict FromClaim(ClaimVerdict v) => v switch
    {
        ClaimVerdict.Within => LimitationVerdict.Met,
        ClaimVerdict.Outside => LimitationVerdict.NotMet,
        _ => LimitationVerdict.Unknown,
    };

    /// <summary>"met", "not met", "unknown" (the JSON schema's words).</summary>
    public static string Text(LimitationVerdict v) => v switch
    {
        LimitationVerdict.Met => "met",
        LimitationVerdict.NotMet => "not met",
        _ => "unknown",
    };

    /// <summary>"within", "outside", "undetermined".</summary>
    public static string Text(ClaimVerdict v) => v.ToString().ToLowerInvariant();
}
