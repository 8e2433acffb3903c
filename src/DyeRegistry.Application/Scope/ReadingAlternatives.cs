using DyeRegistry.Claims;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Claims.Model;
using DyeRegistry.Markush;

namespace DyeRegistry.Application.Scope;

/// <summary>
/// Every other option of every reading, one reading switched at a time over the readings of the
/// run (issue 20, point 3): the choices to evaluate under, and the chart's flips. A threshold set
/// by number (<c>hydrophobic-dye=0.5</c>) is left as set; only the options the readings file lists are tried.
/// </summary>
public static class ReadingAlternatives
{
    /// <summary>Each alternative: the reading as applied, the other option, and the choices with that one switched.</summary>
    public static IReadOnlyList<(AppliedReading Applied, ReadingOption Other, ReadingChoices Choices)> Of(ClaimLibrary library, ReadingChoices choices)
    {
        var current = choices.All.Select(r => r.CustomThreshold is { } t ? $"{r.Reading.Id}={t.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : $"{r.Reading.Id}={r.Option.Id}").ToList();
        var list = new List<(AppliedReading, ReadingOption, ReadingChoices)>();
        foreach (var applied in choices.All)
        {
            foreach (var option in applied.Reading.Options.Where(o => o.Id != applied.Option.Id))
            {
                list.Add((applied, option, ReadingChoices.Create(library.Readings, [.. current, $"{applied.Reading.Id}={option.Id}"])));
            }
        }

        return list;
    }

    /// <summary>The chart with each claim's verdict changes under every alternative reading (<see cref="ClaimResult.Flips"/>).</summary>
    public static ClaimChart WithFlips(ClaimLibrary library, ReadingChoices choices, FormulaLibrary formulas, ClaimChart chart)
    {
        var flips = ForChart(library, choices, formulas, chart).ToLookup(f => f.Claim);
        return chart with { Claims = chart.Claims.Select(c => c with { Flips = flips[c.Claim.Id].ToList() }).ToList(), Flips = flips.SelectMany(g => g).ToList(), SensitivityEvaluated = true };
    }

    /// <summary>The verdict changes of a chart's claims under every alternative reading.</summary>
    public static List<ReadingFlip> ForChart(ClaimLibrary library, ReadingChoices choices, FormulaLibrary formulas, ClaimChart chart)
    {
        var flips = new List<ReadingFlip>();
        foreach (var (applied, other, alt) in Of(library, choices))
        {
            var evaluator = new ClaimEvaluator(library, alt, new DyeFormulas(formulas, ClaimEvaluator.FormulaReadings(alt), depict: false));
            var verdicts = evaluator.Evaluate(chart.Subject).Claims.ToDictionary(c => c.Claim.Id, c => c.Verdict);
            foreach (var c in chart.Claims)
            {
                if (verdicts.TryGetValue(c.Claim.Id, out var v) && v != c.Verdict)
                {
                    flips.Add(new ReadingFlip(c.Claim.Id, applied.Reading.Id, applied.Option.Id, c.Verdict, other.Id, v));
                }
            }
        }

        return flips;
    }

    /// <summary>A key for the formula readings of some choices: alternatives with the same key share one formula cache.</summary>
    public static string FormulaKey(ReadingChoices choices) =>
        string.Join(";", ClaimEvaluator.FormulaReadings(choices).OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}={k.Value}"));
}
