using System.Text.Json.Nodes;
using DyeRegistry.Claims.Model;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Claims.Evaluation;

/// <summary>Which record a pairing limitation reads: the ink (with its dyes, polymers and solvents) or the medium.</summary>
public enum PairingSide
{
    Ink,
    Medium,
}

/// <summary>One limitation of a recording-method claim, with the side it reads.</summary>
public sealed record SidedLimitation(string Claim, Limitation Limitation, PairingSide Side);

/// <summary>
/// The recording-method claims (ink x medium) taken apart for a portfolio matrix: every
/// limitation of those claims reads either the ink side or the medium side, never both (checked
/// here, from the claim files), so each ink's limitations are evaluated once per ink, each
/// medium's once per medium, and a pair's claim verdicts are combined from the two by the same
/// three-valued rule <see cref="ClaimEvaluator"/> applies. When a claim file ever mixes the sides
/// in one limitation, <see cref="Separable"/> is false and callers evaluate pair by pair.
/// Thread-safe after construction.
/// </summary>
public sealed class PairingEvaluator
{
    private static readonly ScopeRecord NoMedium = new("(no medium)", RecordKind.Medium, new JsonObject(), null, "placeholder: ink-side limitations never read the medium", []);
    private readonly ReadingChoices readings;
    private readonly DyeFormulas dyes;
    private readonly int[][] own;     // per claim: indexes into Limitations
    private readonly int[] parent;    // per claim: index of its parent claim, or -1

    public PairingEvaluator(ClaimLibrary claims, ReadingChoices readings, DyeFormulas dyes)
    {
        this.readings = readings;
        this.dyes = dyes;
        var list = new List<SidedLimitation>();
        var ownList = new List<int[]>();
        var parents = new List<int>();
        var ids = new List<string>();
        var separable = true;
        foreach (var set in claims.Sets)
        {
            foreach (var claim in set.Claims.Where(c => c.Pairing == Pairing.InkAndMedium))
            {
                var indexes = new List<int>();
                foreach (var (id, limitation) in ClaimEvaluator.Limitations(set, claim))
                {
                    var side = SideOf(limitation.Condition);
                    separable &= side is not null;
                    indexes.Add(list.Count);
                    list.Add(new SidedLimitation(id, limitation, side ?? PairingSide.Medium));
                }

                var p = claim.Parent is { } n ? ids.IndexOf($"{set.Patent}:{n}") : -1;
                separable &= claim.Parent is null || p >= 0; // a parent that is a medium claim would need the medium chart
                ownList.Add([.. indexes]);
                parents.Add(p);
                ids.Add(claim.Id);
                Claims.Add(claim);
            }
        }

        Limitations = list;
        own = [.. ownList];
        parent = [.. parents];
        Separable = separable;
        InkSide = Enumerable.Range(0, list.Count).Where(i => list[i].Side == PairingSide.Ink).ToArray();
        MediumSide = Enumerable.Range(0, list.Count).Where(i => list[i].Side == PairingSide.Medium).ToArray();
    }

    /// <summary>The recording-method claims, in set and claim order (as a chart lists them).</summary>
    public List<Claim> Claims { get; } = [];

    /// <summary>Every limitation of those claims, in evaluation order, with its side.</summary>
    public IReadOnlyList<SidedLimitation> Limitations { get; }

    /// <summary>Indexes into <see cref="Limitations"/> of the ink-side ones.</summary>
    public IReadOnlyList<int> InkSide { get; }

    /// <summary>Indexes into <see cref="Limitations"/> of the medium-side ones.</summary>
    public IReadOnlyList<int> MediumSide { get; }

    /// <summary>True when every limitation reads one side only (the claim files as shipped).</summary>
    public bool Separable { get; }

    /// <summary>Indexes into <see cref="Limitations"/> of claim <paramref name="claim"/>'s own limitations and its parents', nearest first.</summary>
    public IReadOnlyList<int> Chain(int claim)
    {
        var list = new List<int>();
        for (var c = claim; c >= 0; c = parent[c])
        {
            list.AddRange(own[c]);
        }

        return list;
    }

    /// <summary>The ink-side limitations of <paramref name="ink"/> with its <paramref name="components"/> (no medium is read), in <see cref="InkSide"/> order.</summary>
    public IReadOnlyList<LimitationResult> EvaluateInk(ScopeRecord ink, IReadOnlyDictionary<string, ScopeRecord> components) =>
        EvaluateSide(new ScopeSubject(NoMedium, ink, components), InkSide);

    /// <summary>The medium-side limitations on <paramref name="medium"/>, in <see cref="MediumSide"/> order.</summary>
    public IReadOnlyList<LimitationResult> EvaluateMedium(ScopeRecord medium) =>
        EvaluateSide(new ScopeSubject(medium, null, new Dictionary<string, ScopeRecord>()), MediumSide);

    /// <summary>The claim verdicts (in <see cref="Claims"/> order) of an ink on a medium, from the
    /// verdicts of the two sides (in <see cref="InkSide"/> and <see cref="MediumSide"/> order).</summary>
    public ClaimVerdict[] Combine(IReadOnlyList<LimitationVerdict> ink, IReadOnlyList<LimitationVerdict> medium)
    {
        var all = new LimitationVerdict[Limitations.Count];
        for (var i = 0; i < InkSide.Count; i++)
        {
            all[InkSide[i]] = ink[i];
        }

        for (var i = 0; i < MediumSide.Count; i++)
        {
            all[MediumSide[i]] = medium[i];
        }

        var verdicts = new ClaimVerdict[Claims.Count];
        for (var c = 0; c < Claims.Count; c++)
        {
            var parts = own[c].Select(i => all[i]);
            verdicts[c] = Verdicts.ToClaim(Verdicts.And(parent[c] < 0 ? parts : parts.Append(Verdicts.FromClaim(verdicts[parent[c]]))));
        }

        return verdicts;
    }

    private List<LimitationResult> EvaluateSide(ScopeSubject subject, IReadOnlyList<int> which)
    {
        var conditions = new ConditionEvaluator(subject, readings, dyes);
        var root = conditions.Root();
        return which.Select(i => ClaimEvaluator.Evaluate(Limitations[i].Claim, Limitations[i].Limitation, conditions, root)).ToList();
    }

    // The side a condition reads, from the roots of its paths; null when it reads both.
    private static PairingSide? SideOf(Condition condition)
    {
        var roots = ClaimEvaluator.Flatten(condition).SelectMany(Roots).Select(r => r is "medium" or "layer" ? PairingSide.Medium : PairingSide.Ink).Distinct().ToList();
        return roots.Count switch
        {
            0 => PairingSide.Medium,
            1 => roots[0],
            _ => null,
        };
    }

    private static IEnumerable<string> Roots(Condition c) => c switch
    {
        PresentCondition p => p.DecidedByAbsenceWhen is { } d ? [p.Path.Root, d.Root] : [p.Path.Root],
        IsCondition i => [i.Path.Root],
        OneOfCondition o => [o.Path.Root],
        CompareCondition c2 => c2.Quantity.Fields.Select(f => f.Root),
        TermCondition t => [t.Path.Root],
        FormulaCondition => ["dye"],
        QuantifiedCondition q => [q.Collection.Root],
        _ => [],
    };
}
