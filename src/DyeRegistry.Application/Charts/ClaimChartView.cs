using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Claims.Model;

namespace DyeRegistry.Application.Charts;

/// <summary>
/// A chart as every document format lays it out (issue 21): the header, then per patent its
/// claims in reading order (a dependent claim right after its parent, one level deeper), each
/// with one sentence saying what decides it, the limitations that decide it first and those that
/// cannot change the verdict folded under "other limitations". Text, HTML (and so PDF) and Word
/// are written from this one view, so they cannot disagree. Immutable.
/// </summary>
public sealed record ClaimChartView(ChartHeader Header, IReadOnlyList<PatentView> Patents, ClaimChart Chart)
{
    public static ClaimChartView Of(ClaimChart chart, Func<ClaimResult, bool> shown, DateTimeOffset generated, string author)
    {
        var header = ChartHeader.Of(chart, shown, generated, author);
        var patents = new List<PatentView>();
        foreach (var set in header.Patents)
        {
            var inSet = chart.Claims.Where(c => c.Claim.Patent == set.Patent && shown(c)).ToList();
            var ordered = new List<ClaimView>();
            foreach (var root in inSet.Where(c => c.Claim.Parent is null || inSet.All(p => p.Claim.Number != c.Claim.Parent)))
            {
                Walk(root, 0, inSet, ordered);
            }

            patents.Add(new PatentView(set, ordered));
        }

        return new ClaimChartView(header, patents, chart);
    }

    /// <summary>Whether a shown claim tests a dye against a general formula: only then do the
    /// formulas (and their provenance) belong in the chart; a medium-only chart has none.</summary>
    public bool ShowsFormulas => Patents.Any(p => p.Claims.Any(c => c.Result.Limitations.Any(l => TestsFormula(l.Limitation.Condition))));

    private static bool TestsFormula(Condition condition) => condition switch
    {
        FormulaCondition => true,
        AllCondition a => a.Parts.Any(TestsFormula),
        AnyCondition a => a.Parts.Any(TestsFormula),
        QuantifiedCondition q => TestsFormula(q.Inner),
        _ => false,
    };

    private static void Walk(ClaimResult c, int depth, IReadOnlyList<ClaimResult> all, List<ClaimView> into)
    {
        into.Add(ClaimView.Of(c, depth));
        foreach (var child in all.Where(x => x.Claim.Parent == c.Claim.Number))
        {
            Walk(child, depth + 1, all, into);
        }
    }
}

/// <summary>One patent's claims as shown.</summary>
public sealed record PatentView(ClaimSet Set, IReadOnlyList<ClaimView> Claims);

/// <summary>
/// One claim as shown: its heading ("Claim 2 — depends on claim 1"), for a dependent claim what
/// it adds ("claim 2 adds: ..."), the sentence that says what decides its verdict, the deciding
/// limitations and the others, and the claim's full text when the claim set carries it.
/// </summary>
public sealed record ClaimView(
    ClaimResult Result,
    int Depth,
    string Heading,
    string? Adds,
    string Decides,
    IReadOnlyList<LimitationResult> Deciding,
    IReadOnlyList<LimitationResult> Other)
{
    public Claim Claim => Result.Claim;

    public string Verdict => Verdicts.Text(Result.Verdict);

    /// <summary>Every limitation row, the deciding first.</summary>
    public IEnumerable<LimitationResult> Rows => Deciding.Concat(Other);

    public static ClaimView Of(ClaimResult c, int depth)
    {
        var claim = c.Claim;
        var heading = $"Claim {claim.Number}" + (claim.Parent is { } p ? $" (depends on claim {p})" : string.Empty)
            + (claim.Includes.Count > 0 ? $" (repeats the limitations of claims {string.Join(", ", claim.Includes)})" : string.Empty);
        var adds = claim.Parent is null || claim.Limitations.Count == 0 ? null
            : $"claim {claim.Number} adds: {string.Join("; ", claim.Limitations.Select(l => $"“{l.Quote}”"))}";

        // Which rows can change the verdict: for an outside claim only those not met; for an
        // undetermined one only the unknown; a claim within needs every row. A dependent claim whose
        // parent is outside is outside whatever its own rows say: none of them decides.
        var wanted = c.Verdict switch
        {
            ClaimVerdict.Outside => LimitationVerdict.NotMet,
            ClaimVerdict.Undetermined => LimitationVerdict.Unknown,
            _ => LimitationVerdict.Met,
        };
        var deciding = c.Limitations.Where(l => l.Verdict == wanted).ToList();
        var other = c.Limitations.Where(l => l.Verdict != wanted).ToList();
        return new ClaimView(c, depth, heading, adds, Sentence(c), deciding, other);
    }

    /// <summary>What decides the verdict, once, in a sentence.</summary>
    private static string Sentence(ClaimResult c)
    {
        var id = c.Claim.Id;
        var parentDecides = c.Claim.Parent is { } p && c.ParentVerdict == c.Verdict && c.Verdict != ClaimVerdict.Within;
        var own = c.Deciding.Where(d => d.Claim == id || c.Limitations.Any(l => l.Claim == d.Claim && l.Limitation.Id == d.Limitation)).ToList();
        var fromParent = c.Deciding.Except(own).ToList();
        var parentId = c.Claim.Parent is { } pp ? $"{c.Claim.Patent}:{pp}" : id;
        string List(IEnumerable<DecidingLimitation> ds, string verb, string from) =>
            string.Join("; ", ds.Select(d => $"“{d.Quote}” {verb}{(d.Claim == from ? string.Empty : $" (claim {d.Claim})")}"));
        switch (c.Verdict)
        {
            case ClaimVerdict.Within:
                return c.Claim.Parent is { } wp
                    ? $"Within: claim {wp} is within, and every limitation claim {c.Claim.Number} adds is met."
                    : $"Within: every limitation of claim {c.Claim.Number} is met.";
            case ClaimVerdict.Outside:
                var notMet = own.Where(d => d.Verdict == LimitationVerdict.NotMet).ToList();
                if (notMet.Count > 0)
                {
                    return $"Outside because {List(notMet, "is not met", id)}.";
                }

                return $"Outside because claim {c.Claim.Parent}, on which it depends, is outside: {List(fromParent, "is not met", parentId)}.";
            default:
                var open = own.Where(d => d.Verdict == LimitationVerdict.Unknown).ToList();
                var parts = new List<string>();
                if (open.Count > 0)
                {
                    parts.Add(List(open, "is unknown", id));
                }

                if (parentDecides || fromParent.Count > 0)
                {
                    parts.Add($"claim {c.Claim.Parent}, on which it depends, is undetermined");
                }

                return $"Undetermined until recorded data decides: {string.Join("; and ", parts)}.";
        }
    }
}
