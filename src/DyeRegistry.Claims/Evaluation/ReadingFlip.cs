namespace DyeRegistry.Claims.Evaluation;

/// <summary>
/// A claim verdict that changes with a reading (issue 20, reading sensitivity): the verdict under
/// the reading as applied, and under another option of it. Text:
/// "001:2 within under formula-I-X=carbon-centred, outside under literal".
/// </summary>
public sealed record ReadingFlip(string Claim, string Reading, string Option, ClaimVerdict Verdict, string OtherOption, ClaimVerdict OtherVerdict)
{
    public string Text => $"{Claim} {Verdicts.Text(Verdict)} under {Reading}={Option}, {Verdicts.Text(OtherVerdict)} under {OtherOption}";

    /// <summary>"within under formula-I-X=carbon-centred, outside under literal" (beside a claim's badge).</summary>
    public string Note => $"{Verdicts.Text(Verdict)} under {Reading}={Option}, {Verdicts.Text(OtherVerdict)} under {OtherOption}";
}
