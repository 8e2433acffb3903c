using DyeRegistry.Claims;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Markush;

namespace DyeRegistry.Application.Scope;

/// <summary>
/// The portfolio matrix under every other option of every reading: each alternative re-evaluates
/// the ink and medium sides (its own formula cache when it reads a formula differently, the
/// run's otherwise) and the flips of a pair are found by comparing class-table verdicts.
/// </summary>
public sealed class MatrixSensitivity
{
    private readonly MatrixEngine engine;
    private readonly List<Alternative> alternatives = [];
    private readonly Dictionary<MatrixInk, int> inkIndex = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<MatrixMedium, int> mediumIndex = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(int, int, int, int, int), IReadOnlyList<string>> cache = [];

    private MatrixSensitivity(MatrixEngine engine) => this.engine = engine;

    /// <summary>"formula-I-X=literal", ...: the alternatives evaluated.</summary>
    public IReadOnlyList<string> Alternatives => alternatives.Select(a => $"{a.Applied.Reading.Id}={a.Other.Id}").ToList();

    public static MatrixSensitivity Evaluate(MatrixEngine engine, FormulaLibrary formulas, ScopeSources sources, IReadOnlyList<MatrixInk> inks, IReadOnlyList<MatrixMedium> media, int threads, Action<string>? progress = null)
    {
        var s = new MatrixSensitivity(engine);
        for (var k = 0; k < inks.Count; k++)
        {
            s.inkIndex[inks[k]] = k;
        }

        for (var k = 0; k < media.Count; k++)
        {
            s.mediumIndex[media[k]] = k;
        }

        var dyes = new Dictionary<string, DyeFormulas> { [ReadingAlternatives.FormulaKey(engine.Choices)] = engine.Dyes };
        foreach (var (applied, other, choices) in ReadingAlternatives.Of(engine.Library, engine.Choices))
        {
            progress?.Invoke($"{applied.Reading.Id}={other.Id}");
            var key = ReadingAlternatives.FormulaKey(choices);
            var alt = new MatrixEngine(engine.Library, choices, formulas, dyes.GetValueOrDefault(key));
            dyes.TryAdd(key, alt.Dyes);
            var altMedia = alt.EvaluateMedia(sources, media.Select(m => m.Record).ToList(), threads);
            var altInks = alt.EvaluateInks(sources, inks.Select(i => i.Record).ToList(), media[0].Record, threads);
            alt.Classify(altInks, altMedia);
            s.alternatives.Add(new Alternative(applied, other, alt, altInks, altMedia));
        }

        return s;
    }

    /// <summary>The recording-method verdicts of a pair that change with a reading, as text.</summary>
    public IReadOnlyList<string> Flips(MatrixInk ink, MatrixMedium medium)
    {
        var list = new List<string>();
        for (var a = 0; a < alternatives.Count; a++)
        {
            var alt = alternatives[a];
            var (i2, m2) = (alt.Inks[inkIndex[ink]], alt.Media[mediumIndex[medium]]);
            if (ink.Failure is not null || medium.Failure is not null || i2.Failure is not null || m2.Failure is not null)
            {
                continue;
            }

            var key = (a, ink.Class, medium.Class, i2.Class, m2.Class);
            if (!cache.TryGetValue(key, out var flips))
            {
                var before = engine.Verdicts(ink, medium);
                var after = alt.Engine.Verdicts(i2, m2);
                flips = cache[key] = Enumerable.Range(0, before.Length).Where(k => before[k] != after[k])
                    .Select(k => new ReadingFlip(engine.Pairing.Claims[k].Id, alt.Applied.Reading.Id, alt.Applied.Option.Id, before[k], alt.Other.Id, after[k]).Text).ToList();
            }

            list.AddRange(flips);
        }

        return list;
    }

    /// <summary>The medium claim verdicts of a medium that change with a reading, as text.</summary>
    public IEnumerable<string> MediumFlips(MatrixMedium medium)
    {
        foreach (var alt in alternatives)
        {
            var m2 = alt.Media[mediumIndex[medium]];
            if (m2.Failure is not null)
            {
                continue;
            }

            var after = m2.Claims.ToDictionary(c => c.Claim.Claim.Id, c => c.Claim.Verdict);
            foreach (var c in medium.Claims.Where(c => after.TryGetValue(c.Claim.Claim.Id, out var v) && v != c.Claim.Verdict))
            {
                yield return new ReadingFlip(c.Claim.Claim.Id, alt.Applied.Reading.Id, alt.Applied.Option.Id, c.Claim.Verdict, alt.Other.Id, after[c.Claim.Claim.Id]).Text;
            }
        }
    }

    private sealed record Alternative(AppliedReading Applied, Claims.Model.ReadingOption Other, MatrixEngine Engine, List<MatrixInk> Inks, List<MatrixMedium> Media);
}
