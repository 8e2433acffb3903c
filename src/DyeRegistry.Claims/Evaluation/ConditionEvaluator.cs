using System.Text.Json.Nodes;
using DyeRegistry.Claims.Loading;
using DyeRegistry.Claims.Model;
using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Claims.Evaluation;

/// <summary>
/// Evaluates conditions on a subject's records, three-valued, with evidence. Missing data is
/// unknown, never not met, except where claims.md makes absence decisive (a record of the other
/// kind of medium; an ink without any component of a role).
/// </summary>
internal sealed class ConditionEvaluator(ScopeSubject subject, ReadingChoices readings, DyeFormulas dyes)
{
    private readonly CompareEvaluator compare = new(readings);

    public Dictionary<string, Binding> Root()
    {
        var bindings = new Dictionary<string, Binding> { ["medium"] = new(subject.Medium, string.Empty, subject.Medium.Document) };
        if (subject.Ink is { } ink)
        {
            bindings["ink"] = new Binding(ink, string.Empty, ink.Document);
        }

        return bindings;
    }

    public Outcome Evaluate(Condition condition, IReadOnlyDictionary<string, Binding> bindings) => condition switch
    {
        PresentCondition p => Present(p, bindings),
        IsCondition i => Is(i, bindings),
        OneOfCondition o => OneOf(o, bindings),
        CompareCondition c => compare.Evaluate(c, bindings),
        TermCondition t => Term(t, bindings),
        FormulaCondition f => Formula(f, bindings),
        AllCondition a => All(a, bindings),
        AnyCondition a => Any(a, bindings),
        QuantifiedCondition q => Quantified(q, bindings),
        _ => throw new InvalidOperationException($"no evaluator for {condition.GetType().Name}"),
    };

    internal static Evidence ToEvidence(string label, Fact fact, string? unit)
    {
        // An estimate's prediction interval, read once (absent for plain and plus-minus values).
        var interval = fact.Node is JsonObject o && o["low"] is not null && o["high"] is not null ? Numbers.ReadInterval(o) : null;
        return new(label, fact.RecordId, fact.Record?.Version, fact.Field, ValueText(fact.Node), Numbers.Read(fact.Node)?.PlusMinus, unit, fact.Source, fact.Method)
        {
            Low = interval?.Low,
            High = interval?.High,
        };
    }

    /// <summary>What would decide: the field in words first, its path second (issue 21).</summary>
    internal static string Need(Fact fact, FieldPath path)
    {
        var unit = SchemaPaths.Resolve(path).Field?.Unit;
        return $"{W(fact)}{(unit is null || FieldWords.Of(fact.Field).EndsWith($"({unit})", StringComparison.Ordinal) ? string.Empty : $" ({unit})")} [field {fact.Field}]";
    }

    /// <summary>A field in words with its record ("MED-1, ink receiving layer, polymer particles").</summary>
    internal static string W(Fact fact) => FieldWords.At(fact.RecordId, fact.Field);

    private static string ValueText(JsonNode? node) => node switch
    {
        null => "not recorded",
        JsonObject o when o["value"] is { } v && Numbers.ReadInterval(o) is { IsExact: false } i && o["low"] is not null => $"{ValueText(v)} ({Numbers.Text(i.Low)} to {Numbers.Text(i.High)})",
        JsonObject o when o["value"] is { } v => ValueText(v),
        JsonObject or JsonArray => "recorded",
        JsonValue v when Numbers.Read(v) is { } n && !Numbers.IsOutOfRange(n.Value) => Numbers.Text(n.Value),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(),
    };

    private static string Label(FieldPath path) => path.Steps.Count == 0 ? path.Root : path.Steps[^1].Name;

    private Outcome Present(PresentCondition p, IReadOnlyDictionary<string, Binding> bindings)
    {
        var fact = FactResolver.Resolve(p.Path, bindings);
        if (p.Path.Steps.Count == 0)
        {
            return fact.Record is null
                ? Outcome.Unknown($"no {p.Path.Root} given", [], $"a {p.Path.Root} record")
                : new Outcome(LimitationVerdict.Met, $"{p.Path.Root} {fact.Record.Id} is applied", []);
        }

        var evidence = fact.Recorded ? new[] { ToEvidence(Label(p.Path), fact, null) } : [];
        if (fact.Node is JsonValue v && v.TryGetValue<bool>(out var b) && !b)
        {
            return new Outcome(LimitationVerdict.NotMet, $"recorded as none (false): {W(fact)}", evidence, Changes: [$"{W(fact)} would have to be present"]);
        }

        if (fact.Recorded)
        {
            return new Outcome(LimitationVerdict.Met, $"recorded: {W(fact)}{(fact.Node is JsonValue ? $" ({ValueText(fact.Node)})" : string.Empty)}", evidence);
        }

        if (p.DecidedByAbsenceWhen is { } other && FactResolver.Resolve(other, bindings) is { Recorded: true } instead)
        {
            return new Outcome(LimitationVerdict.NotMet,
                $"{fact.RecordId} is the other kind of medium: it records {FieldWords.Of(instead.Field)} and no {FieldWords.Of(fact.Field)}",
                [ToEvidence(Label(other), instead, null) with { Value = "recorded" }],
                Changes: [$"{fact.RecordId}: a medium of this claim's kind, with {FieldWords.Of(fact.Field)}"]);
        }

        return Outcome.Unknown($"not recorded: {W(fact)}", [], Need(fact, p.Path));
    }

    private Outcome Is(IsCondition i, IReadOnlyDictionary<string, Binding> bindings)
    {
        var fact = FactResolver.Resolve(i.Path, bindings);
        if (!fact.Recorded)
        {
            return Outcome.Unknown($"not recorded: {W(fact)}", [], Need(fact, i.Path) + $" (true or false; {Word(i.Value)} meets the claim)");
        }

        var evidence = new[] { ToEvidence(Label(i.Path), fact, null) };
        if (fact.Node is not JsonValue v || !v.TryGetValue<bool>(out var value))
        {
            return Outcome.Unknown($"{W(fact)} is '{ValueText(fact.Node)}', not true or false", evidence, Need(fact, i.Path));
        }

        return value == i.Value
            ? new Outcome(LimitationVerdict.Met, $"recorded: {W(fact)} = {Word(value)}{(fact.Source == "derived" ? " (derived: " + fact.Method + ")" : string.Empty)}", evidence)
            : new Outcome(LimitationVerdict.NotMet, $"recorded: {W(fact)} = {Word(value)}, the claim needs {Word(i.Value)}", evidence, Changes: [$"{W(fact)} would have to be {Word(i.Value)}"]);
    }

    private static string Word(bool b) => b ? "true" : "false";

    private Outcome OneOf(OneOfCondition o, IReadOnlyDictionary<string, Binding> bindings)
    {
        var fact = FactResolver.Resolve(o.Path, bindings);
        if (!fact.Recorded)
        {
            return Outcome.Unknown($"not recorded: {W(fact)}", [], Need(fact, o.Path) + $" (one of {string.Join(", ", o.Values)} meets the claim)");
        }

        var evidence = new[] { ToEvidence(Label(o.Path), fact, null) };
        var value = ValueText(fact.Node);
        return o.Values.Contains(value)
            ? new Outcome(LimitationVerdict.Met, $"recorded: {W(fact)} = {value}", evidence)
            : new Outcome(LimitationVerdict.NotMet, $"recorded: {W(fact)} = {value}, not {string.Join(" or ", o.Values)}", evidence,
                Changes: [$"{W(fact)} would have to be {string.Join(" or ", o.Values)}"]);
    }

    private Outcome Term(TermCondition t, IReadOnlyDictionary<string, Binding> bindings)
    {
        var fact = FactResolver.Resolve(t.Path, bindings);
        var applied = readings[t.Reading];
        var accepted = applied.Option.Terms;
        if (!fact.Recorded)
        {
            return t.IfRecorded
                ? new Outcome(LimitationVerdict.Met, $"not recorded: {W(fact)}; only a recorded value is checked against reading {applied.Reading.Id}", [])
                : Outcome.Unknown($"not recorded: {W(fact)}", [], Need(fact, t.Path) + $" (under reading {applied.Reading.Id} = {applied.Option.Id}: {string.Join(", ", accepted)})");
        }

        var evidence = new[] { ToEvidence(Label(t.Path), fact, null) };
        var text = ValueText(fact.Node).ToLowerInvariant();
        var hit = accepted.FirstOrDefault(term => ContainsPhrase(text, term));
        if (hit is not null)
        {
            return new Outcome(LimitationVerdict.Met, $"recorded: {W(fact)} = '{ValueText(fact.Node)}' is ionizing radiation under reading {applied.Reading.Id} = {applied.Option.Id}", evidence,
                Warnings: applied.Reading.Options.Any(o => o.Terms.Count > 0 && !o.Terms.Any(x => ContainsPhrase(text, x)))
                    ? [$"{W(fact)} = '{ValueText(fact.Node)}' meets the limitation only under reading {applied.Reading.Id} = {applied.Option.Id}"]
                    : []);
        }

        var other = applied.Reading.Options.FirstOrDefault(o => o.Terms.Any(x => ContainsPhrase(text, x)));
        return new Outcome(LimitationVerdict.NotMet,
            $"recorded: {W(fact)} = '{ValueText(fact.Node)}' is not among the terms reading {applied.Reading.Id} = {applied.Option.Id} accepts ({string.Join(", ", accepted)})" +
            (other is null ? string.Empty : $"; reading {applied.Reading.Id} = {other.Id} would accept it"),
            evidence, Changes: [$"{W(fact)} would have to be one of {string.Join(", ", accepted)}"]);
    }

    /// <summary>True when <paramref name="phrase"/> occurs in <paramref name="text"/> as whole words ("uv" in "uv lamp", not in "uvula").</summary>
    private static bool ContainsPhrase(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var end = at + phrase.Length;
            var after = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    private Outcome All(AllCondition a, IReadOnlyDictionary<string, Binding> bindings)
    {
        var parts = a.Parts.Select(p => Evaluate(p, bindings)).ToList();
        return Outcome.Combine(Verdicts.And(parts.Select(p => p.Verdict)), parts).WithMargins(parts, every: true);
    }

    private Outcome Any(AnyCondition a, IReadOnlyDictionary<string, Binding> bindings)
    {
        var parts = a.Parts.Select(p => Evaluate(p, bindings)).ToList();
        return Outcome.Combine(Verdicts.Or(parts.Select(p => p.Verdict)), parts, " | or | ").WithMargins(parts, every: false);
    }

    private Outcome Quantified(QuantifiedCondition q, IReadOnlyDictionary<string, Binding> bindings)
    {
        var parts = new List<Outcome>();
        var names = new List<string>();
        foreach (var (name, binding, missing) in Elements(q, bindings))
        {
            names.Add(name);
            if (binding is null)
            {
                parts.Add(missing!.Prefixed(ElementWords(q, name)));
                continue;
            }

            var inner = new Dictionary<string, Binding>(bindings) { [q.Element] = binding };
            parts.Add(Evaluate(q.Inner, inner).Prefixed(ElementWords(q, name)));
        }

        if (parts.Count == 0)
        {
            var ink = subject.Ink?.Id ?? "(no ink)";
            return new Outcome(LimitationVerdict.NotMet, $"ink {ink} lists no {q.Element} component", [],
                Changes: [$"{ink}: a {q.Element} component that meets the limitation"]);
        }

        return Outcome.Combine(q.Every ? Verdicts.And(parts.Select(p => p.Verdict)) : Verdicts.Or(parts.Select(p => p.Verdict)), parts)
            .WithMargins(parts, q.Every, i => $"hangs on {q.Element} {names[i]} alone ({parts.Count} {q.Element}{(parts.Count == 1 ? string.Empty : "s")} listed)");
    }

    // "first layer: ", "dye M-101: ": the element a quantifier is at, in words.
    private static string ElementWords(QuantifiedCondition q, string name) => q.Element == "layer" ? $"{name} layer: " : $"{q.Element} {name}: ";

    private IEnumerable<(string Name, Binding? Binding, Outcome? Missing)> Elements(QuantifiedCondition q, IReadOnlyDictionary<string, Binding> bindings)
    {
        if (q.Collection.Root == "medium")
        {
            foreach (var (position, layer) in FactResolver.Layers(q.Collection, bindings["medium"]))
            {
                yield return layer.Node is null
                    ? (position, null, Outcome.Unknown($"no {position} layer is recorded", [], $"{subject.Medium.Id}, {position} layer [field layers[{position}]]"))
                    : (position, layer, null);
            }

            yield break;
        }

        if (subject.Ink is not { } ink)
        {
            yield break;
        }

        var role = q.Element;
        foreach (var c in (ink.Document["components"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (c["role"]?.GetValue<string>() != role || c["ref"]?.GetValue<string>() is not { } id)
            {
                continue;
            }

            yield return subject.Components.TryGetValue(id, out var record)
                ? (id, new Binding(record, string.Empty, record.Document), null)
                : (id, null, Outcome.Unknown($"the {role} record '{id}' that ink {ink.Id} references is not available", [],
                    $"the {role} record '{id}' (register it, or give it with the ink in --ink-file)"));
        }
    }

    private Outcome Formula(FormulaCondition f, IReadOnlyDictionary<string, Binding> bindings)
    {
        var dye = bindings["dye"].Record;
        var (match, error) = dyes.Of(dye);
        if (match is null)
        {
            return Outcome.Unknown(error!, [], $"{dye.Id}: a structure RDKit can read (smiles or molfile)");
        }

        var results = match.Formulas.Where(m => f.Formulas.Contains(m.FormulaId, StringComparer.OrdinalIgnoreCase)).ToList();
        var findings = results.Select(m => new DyeFinding(dye.Id, m.FormulaId, m.FormulaVersion, m.Provenance, VerdictWord(m.Verdict), m.Explanation, m.Tautomer, m.Svg) { Png = m.Png }).ToList();
        var within = results.Where(m => m.IsWithin).ToList();
        var evidence = new Evidence("structure", dye.Id, dye.Version, dye.Document["smiles"] is null ? "molfile" : "smiles",
            dye.Document["smiles"]?.GetValue<string>() ?? "(molfile)", null, null, "asserted", null);
        if (within.Count > 0)
        {
            return new Outcome(LimitationVerdict.Met, string.Join("; ", within.Select(m => m.Explanation)), [evidence], Dyes: findings);
        }

        // A search that stopped at its limit decides nothing: the dye may still be within.
        var limited = results.Where(m => m.Verdict == FormulaVerdict.Undetermined).ToList();
        if (limited.Count > 0)
        {
            return new Outcome(LimitationVerdict.Unknown,
                string.Join("; ", limited.Select(m => m.Explanation)),
                [evidence], [.. limited.Select(m => $"{dye.Id}: a decision on ({m.FormulaId}) beyond the search limit (dyereg match with a larger limit, or a reviewer)")], Dyes: findings);
        }

        var open = results.Where(m => m.Verdict == FormulaVerdict.NotExcluded).ToList();
        if (open.Count > 0)
        {
            return new Outcome(LimitationVerdict.Unknown,
                $"within none of the encoded formulas; not excluded from {string.Join(", ", open.Select(m => $"({m.FormulaId})"))}, whose drawing is missing from the claim text",
                [evidence], [.. open.Select(m => $"the drawing of general formula ({m.FormulaId}), missing from the claim text (formulas/{m.FormulaId}.yaml)")], Dyes: findings);
        }

        return new Outcome(LimitationVerdict.NotMet, $"within none of {string.Join(", ", f.Formulas.Select(x => $"({x})"))}", [evidence],
            Changes: [$"{dye.Id}: a structure within one of the formulas (nearest misses in the dye findings)"], Dyes: findings);
    }

    private static string VerdictWord(FormulaVerdict v) => v switch
    {
        FormulaVerdict.Within => "within",
        FormulaVerdict.NotWithin => "not within",
        FormulaVerdict.Excluded => "excluded",
        FormulaVerdict.Undetermined => "undetermined",
        _ => "not excluded",
    };
}
