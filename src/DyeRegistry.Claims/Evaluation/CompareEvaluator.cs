using DyeRegistry.Claims.Loading;
using DyeRegistry.Claims.Model;

namespace DyeRegistry.Claims.Evaluation;

/// <summary>
/// Numeric limitations (claims.md "Evaluation rules", "Settled points"): values in decimal,
/// converted to the claim's unit by the stated scale; inclusive words include the bound,
/// "smaller than" is strict; a value whose uncertainty interval straddles the threshold is
/// unknown with the margin shown; a central value within 2 % of the threshold is flagged
/// near the boundary whatever the verdict.
/// </summary>
internal sealed class CompareEvaluator(ReadingChoices readings)
{
    /// <summary>The near-boundary band: 2 % of the threshold (claims.md).</summary>
    public const decimal NearBoundaryFraction = 0.02m;

    public Outcome Evaluate(CompareCondition c, IReadOnlyDictionary<string, Binding> bindings)
    {
        var facts = c.Quantity.Fields.Select((f, i) => (
            Path: f,
            Fact: FactResolver.Resolve(f, bindings),
            Name: i < c.Operands.Count ? c.Operands[i] : c.Quantity is FieldQuantity ? c.Label : f.Steps[^1].Name,
            Unit: SchemaPaths.Resolve(f).Field?.Unit)).ToList();
        var evidence = facts.Where(f => f.Fact.Recorded).Select(f => ConditionEvaluator.ToEvidence(f.Name, f.Fact, f.Unit)).ToList();
        var missing = facts.Where(f => !f.Fact.Recorded).ToList();
        if (missing.Count > 0)
        {
            return Outcome.Unknown($"{c.Label} cannot be evaluated: {string.Join(" and ", missing.Select(m => ConditionEvaluator.W(m.Fact)))} not recorded",
                evidence, [.. missing.Select(m => ConditionEvaluator.Need(m.Fact, m.Path))]);
        }

        var values = facts.Select(f => Numbers.Read(f.Fact.Node)).ToList();
        if (values.Any(v => v is null))
        {
            var bad = facts[values.FindIndex(v => v is null)];
            return Outcome.Unknown($"{ConditionEvaluator.W(bad.Fact)} is not a number", evidence, ConditionEvaluator.Need(bad.Fact, bad.Path));
        }

        // A value beyond what decimal holds (stored before import checked ranges) is never compared
        // by a rounded stand-in: the limitation is unknown, and the record needs correcting.
        var outOfRange = facts.Where((f, i) => Numbers.IsOutOfRange(values[i]!.Value.Value) || (values[i]!.Value.PlusMinus is { } pm && Numbers.IsOutOfRange(pm))).ToList();
        if (outOfRange.Count > 0)
        {
            var bad = outOfRange[0];
            return Outcome.Unknown($"{ConditionEvaluator.W(bad.Fact)} = {bad.Fact.Node?.ToJsonString()} is outside the range dyereg computes in (import refuses it now: see the field's range in the record format); correct the record",
                evidence, ConditionEvaluator.Need(bad.Fact, bad.Path) + " (a value in the field's range)");
        }

        var intervals = facts.Select(f => Numbers.ReadInterval(f.Fact.Node)!.Value).ToList();
        Interval? raw = c.Quantity switch
        {
            RatioQuantity => Interval.Ratio(intervals[0], intervals[1]),
            DifferenceQuantity => Interval.Difference(intervals[0], intervals[1]),
            _ => intervals[0],
        };
        if (raw is null)
        {
            return Outcome.Unknown($"{c.Label} cannot be evaluated: {ConditionEvaluator.W(facts[1].Fact)} is zero or its uncertainty reaches zero", evidence,
                ConditionEvaluator.Need(facts[1].Fact, facts[1].Path) + " (above zero)");
        }

        var value = raw.Value.Scale(c.Scale);
        if (Numbers.IsOutOfRange(value.Low) || Numbers.IsOutOfRange(value.High))
        {
            return Outcome.Unknown($"{c.Label} is outside the range dyereg computes in (beyond 7.9 x10^28 or below 10^-28 in the claim's unit) for the recorded values; check the record",
                evidence, [.. facts.Select(f => ConditionEvaluator.Need(f.Fact, f.Path))]);
        }

        var threshold = c.Threshold ?? readings[c.Reading!].Threshold!.Value;
        var reading = c.Reading is null ? string.Empty : $" (reading {readings[c.Reading].Describe()})";
        var operands = facts.Count > 1 ? $" from {string.Join(", ", facts.Select((f, i) => $"{f.Name} = {Numbers.Describe(intervals[i], f.Unit ?? string.Empty)}"))}" : string.Empty;
        var (verdict, bound) = Decide(c, value, threshold);
        var rule = c.Comparison == Comparison.Between
            ? $"{Numbers.Text(threshold)} to {Numbers.WithUnit(c.Upper!.Value, c.Unit)} (bounds included)"
            : $"{ComparisonText.Symbol(c.Comparison)} {Numbers.WithUnit(threshold, c.Unit)}";
        var reason = $"{c.Label} = {Numbers.Describe(value, c.Unit)}{operands}; the claim needs {rule}{reading}";
        var distance = Saturating.Subtract(value.Central, bound);
        var changes = new List<string>();
        var warnings = new List<string>();
        var nearBase = bound != 0 ? Math.Abs(bound) : c.Quantity is DifferenceQuantity ? Math.Abs(Saturating.Multiply(intervals[1].Central, c.Scale)) : 0;
        if (nearBase > 0 && Math.Abs(distance) <= Saturating.Multiply(NearBoundaryFraction, nearBase))
        {
            warnings.Add($"{c.Label} = {Numbers.WithUnit(value.Central, c.Unit)} is within 2 % of the threshold {Numbers.WithUnit(bound, c.Unit)} (difference {Numbers.WithUnit(Math.Abs(distance), c.Unit)})");
        }

        if (verdict == LimitationVerdict.NotMet)
        {
            var direction = distance < 0 ? "rise" : "fall";
            var strict = c.Comparison is Comparison.MoreThan or Comparison.LessThan ? (distance < 0 ? "above" : "below") : "to";
            changes.Add($"{c.Label} would have to {direction} by {(strict == "to" ? string.Empty : "more than ")}{Numbers.WithUnit(Math.Abs(distance), c.Unit)} ({Percent(distance, bound)} of the threshold) {strict} {Numbers.WithUnit(bound, c.Unit)}");
        }
        else if (verdict == LimitationVerdict.Unknown)
        {
            changes.Add($"the uncertainty interval {Numbers.Text(value.Low)} to {Numbers.WithUnit(value.High, c.Unit)} straddles {Numbers.WithUnit(bound, c.Unit)}; " +
                $"the central value is {Numbers.WithUnit(Math.Abs(distance), c.Unit)} {(distance >= 0 ? "above" : "below")} it (margin {Numbers.Text(distance)}): a measurement whose uncertainty stays clear of the threshold would decide");
            return new Outcome(LimitationVerdict.Unknown, reason, evidence,
                [.. facts.Where((_, i) => !intervals[i].IsExact).Select(f => ConditionEvaluator.Need(f.Fact, f.Path) + (f.Fact.Source == "estimated" ? " measured (the estimate's interval is too wide to decide)" : " with a smaller uncertainty"))], changes, warnings);
        }

        return new Outcome(verdict, reason, evidence, [], changes, warnings)
        {
            Margins = verdict == LimitationVerdict.Met ? [Margin(c, value.Central, threshold, bound, distance)] : null,
        };
    }

    // The design-around margin of a met comparison: the central value's distance to the bound
    // it was decided against, as a fraction of that bound.
    private static LimitationMargin Margin(CompareCondition c, decimal central, decimal threshold, decimal bound, decimal distance)
    {
        var rule = c.Comparison switch
        {
            Comparison.AtLeast => $"at least {Numbers.WithUnit(threshold, c.Unit)}",
            Comparison.MoreThan => $"more than {Numbers.WithUnit(threshold, c.Unit)}",
            Comparison.AtMost => $"at most {Numbers.WithUnit(threshold, c.Unit)}",
            Comparison.LessThan => $"less than {Numbers.WithUnit(threshold, c.Unit)}",
            _ => $"{Numbers.Text(threshold)} to {Numbers.WithUnit(c.Upper!.Value, c.Unit)}",
        };
        decimal? fraction = bound == 0 ? null : Saturating.Divide(Math.Abs(distance), Math.Abs(bound));
        var direction = (distance >= 0 ? "above" : "below") + (c.Comparison == Comparison.Between ? (bound == threshold ? " the lower bound" : " the upper bound") : string.Empty);
        return new LimitationMargin(string.Empty, c.Label, Numbers.WithUnit(central, c.Unit), rule, fraction, direction, null);
    }

    private static string Percent(decimal distance, decimal bound) =>
        bound == 0 ? "n/a" : $"{Numbers.Text(Math.Round(Saturating.Multiply(Saturating.Divide(Math.Abs(distance), Math.Abs(bound)), 100), 1))} %";

    /// <summary>The verdict, and the bound it was decided against (the nearer one for a range).</summary>
    private static (LimitationVerdict, decimal) Decide(CompareCondition c, Interval v, decimal t)
    {
        LimitationVerdict Three(bool met, bool notMet) => met ? LimitationVerdict.Met : notMet ? LimitationVerdict.NotMet : LimitationVerdict.Unknown;
        switch (c.Comparison)
        {
            case Comparison.AtLeast: return (Three(v.Low >= t, v.High < t), t);
            case Comparison.MoreThan: return (Three(v.Low > t, v.High <= t), t);
            case Comparison.AtMost: return (Three(v.High <= t, v.Low > t), t);
            case Comparison.LessThan: return (Three(v.High < t, v.Low >= t), t);
            default:
                var upper = c.Upper!.Value;
                var bound = Math.Abs(Saturating.Subtract(v.Central, t)) <= Math.Abs(Saturating.Subtract(v.Central, upper)) ? t : upper;
                return (Three(v.Low >= t && v.High <= upper, v.High < t || v.Low > upper), bound);
        }
    }
}
