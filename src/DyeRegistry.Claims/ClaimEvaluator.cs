using System.Text.Json.Nodes;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Claims.Loading;
using DyeRegistry.Claims.Model;
using DyeRegistry.Markush.Loading;

namespace DyeRegistry.Claims;

/// <summary>
/// Evaluates every claim that applies to a subject, limitation by limitation: medium claims on
/// any medium, method claims when an ink is applied to it. A dependent claim's verdict combines
/// its own limitations with its parent's verdict; a claim that repeats other claims' limitations
/// (<see cref="Claim.Includes"/>) evaluates them as its own. Thread-safe after construction.
/// </summary>
public sealed class ClaimEvaluator
{
    private readonly ClaimLibrary claims;
    private readonly ReadingChoices readings;
    private readonly DyeFormulas dyes;

    /// <summary>Checks that every formula the claims name exists in the formula library.</summary>
    public ClaimEvaluator(ClaimLibrary claims, ReadingChoices readings, DyeFormulas dyes)
    {
        this.claims = claims;
        this.readings = readings;
        this.dyes = dyes;
        var errors = new List<DataFileError>();
        foreach (var set in claims.Sets)
        {
            foreach (var l in set.Claims.SelectMany(c => c.Limitations))
            {
                foreach (var f in Flatten(l.Condition).OfType<FormulaCondition>().SelectMany(f => f.Formulas.Select(id => (f.Line, id))))
                {
                    if (dyes.Library.Find(f.id) is null)
                    {
                        errors.Add(new DataFileError(set.File, f.Line, "formula", $"no formula '{f.id}' in {dyes.Library.Folder} (known: {string.Join(", ", dyes.Library.Formulas.Select(x => x.Formula.Id))})"));
                    }
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ClaimFileException(errors);
        }
    }

    /// <summary>The readings for <see cref="DyeFormulas"/>: formula id -> Markush reading, from the claim readings that name a formula (formula-I-X).</summary>
    public static IReadOnlyDictionary<string, string> FormulaReadings(ReadingChoices readings)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in readings.All.Where(r => r.Option.FormulaReading is not null && r.Reading.Formula is not null))
        {
            map[r.Reading.Formula!] = r.Option.FormulaReading!;
        }

        return map;
    }

    public ClaimChart Evaluate(ScopeSubject subject)
    {
        var conditions = new ConditionEvaluator(subject, readings, dyes);
        var root = conditions.Root();
        var results = new Dictionary<string, ClaimResult>();
        var chains = new Dictionary<string, List<LimitationResult>>();
        var ordered = new List<ClaimResult>();
        foreach (var set in claims.Sets)
        {
            foreach (var claim in set.Claims.Where(c => c.Pairing != Pairing.InkAndMedium || subject.Ink is not null))
            {
                var own = Limitations(set, claim).Select(x => Evaluate(x.Claim, x.Limitation, conditions, root)).ToList();
                ClaimResult? parent = claim.Parent is { } p ? results[$"{set.Patent}:{p}"] : null;
                var verdict = Verdicts.And(own.Select(o => o.Verdict).Concat(parent is null ? [] : [Verdicts.FromClaim(parent.Verdict)]));
                var chain = own.Concat(parent is null ? [] : chains[parent.Claim.Id]).ToList();
                var wanted = verdict == LimitationVerdict.NotMet ? LimitationVerdict.NotMet : LimitationVerdict.Unknown;
                var deciding = verdict == LimitationVerdict.Met ? [] : chain.Where(r => r.Verdict == wanted)
                    .Select(r => new DecidingLimitation(r.Claim, r.Limitation.Id, r.Limitation.Text, r.Verdict,
                        r.Verdict == LimitationVerdict.NotMet ? (r.Changes.Count > 0 ? r.Changes : [r.Detail]) : [.. r.Needs, .. r.Changes]) { Quote = r.Limitation.Quote })
                    .ToList();
                var result = new ClaimResult(claim, set.Title, Verdicts.ToClaim(verdict), parent?.Verdict, own, deciding)
                {
                    Margins = verdict == LimitationVerdict.Met ? LimitationMargin.Order(chain.SelectMany(r => r.Margins)) : [],
                };
                results[claim.Id] = result;
                chains[claim.Id] = chain;
                ordered.Add(result);
            }
        }

        return new ClaimChart(subject, ordered, readings.All, claims.Sets, Formulas(), Records(subject));
    }

    internal static IEnumerable<(string Claim, Limitation Limitation)> Limitations(ClaimSet set, Claim claim) =>
        claim.Includes.SelectMany(i => Limitations(set, set.Find(i)!)).Concat(claim.Limitations.Select(l => (claim.Id, l)));

    internal static LimitationResult Evaluate(string claim, Limitation limitation, ConditionEvaluator conditions, IReadOnlyDictionary<string, Binding> root)
    {
        var o = conditions.Evaluate(limitation.Condition, root);
        return new LimitationResult(claim, limitation, o.Verdict, Reason(limitation, o.Verdict, o.Reason), o.Evidence, o.Needs ?? [], o.Changes ?? [], o.Warnings ?? [], o.Dyes ?? [])
        {
            Detail = o.Reason,
            Margins = o.Margins ?? [],
        };
    }

    /// <summary>The claim's words first, the verdict, then what was recorded (issue 21):
    /// “the ink receiving layer containing at least fine polymer particles”: met (recorded: MED-1, ...).</summary>
    public static string Reason(Limitation limitation, LimitationVerdict verdict, string detail) =>
        $"“{limitation.Quote}”: {Verdicts.Text(verdict)}{(detail.Length == 0 ? string.Empty : $" ({detail})")}";

    private List<FormulaCitation> Formulas() =>
        dyes.Library.Formulas.Select(f => new FormulaCitation(f.Formula.Id, f.Formula.Name, f.Formula.Version, f.Formula.Provenance, f.Formula.Source, f.Formula.Document)).ToList();

    private static List<ScopeRecord> Records(ScopeSubject subject)
    {
        var list = new List<ScopeRecord> { subject.Medium };
        if (subject.Ink is { } ink)
        {
            list.Add(ink);
            foreach (var id in (ink.Document["components"] as JsonArray ?? []).OfType<JsonObject>().Select(c => c["ref"]?.GetValue<string>()).OfType<string>().Distinct())
            {
                if (subject.Components.TryGetValue(id, out var r))
                {
                    list.Add(r);
                }
            }
        }

        return list;
    }

    internal static IEnumerable<Condition> Flatten(Condition c) => c switch
    {
        AllCondition a => a.Parts.SelectMany(Flatten).Prepend(c),
        AnyCondition a => a.Parts.SelectMany(Flatten).Prepend(c),
        QuantifiedCondition q => Flatten(q.Inner).Prepend(c),
        _ => [c],
    };
}
