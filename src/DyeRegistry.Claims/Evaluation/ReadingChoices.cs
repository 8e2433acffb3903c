using System.Globalization;
using DyeRegistry.Claims.Model;

namespace DyeRegistry.Claims.Evaluation;

/// <summary>A reading as applied in a chart: the reading, the option chosen (default or
/// switched), and a user-set threshold when one replaced the option's.</summary>
public sealed record AppliedReading(Reading Reading, ReadingOption Option, decimal? CustomThreshold)
{
    public bool IsDefault => CustomThreshold is null && Option.Id == Reading.Default;

    public decimal? Threshold => CustomThreshold ?? Option.Threshold;

    /// <summary>"hydrophobic-dye = ws-1 (water solubility of 1 g or less ...) [reconstructed]".</summary>
    public string Describe() => CustomThreshold is { } t
        ? $"{Reading.Id} = {Numbers.WithUnit(t, Option.Unit ?? string.Empty)} (set for this report; the default reads: {Option.Text})"
        : $"{Reading.Id} = {Option.Id}{(IsDefault ? " (default)" : " (switched)")}: {Option.Text}";
}

/// <summary>
/// The readings a chart is made under: each reading's default unless switched by
/// <c>ID=OPTION</c>, or, for a reading that sets a threshold, <c>ID=NUMBER</c> (in the reading's unit).
/// </summary>
public sealed class ReadingChoices
{
    private readonly Dictionary<string, AppliedReading> applied;

    private ReadingChoices(Dictionary<string, AppliedReading> applied) => this.applied = applied;

    public IReadOnlyList<AppliedReading> All => applied.Values.ToList();

    public AppliedReading this[string id] => applied[id];

    /// <summary>Applies <paramref name="switches"/> (ID=OPTION or ID=NUMBER) over the defaults; throws ArgumentException naming the choices on a bad switch.</summary>
    public static ReadingChoices Create(ReadingSet readings, IEnumerable<string>? switches = null)
    {
        var map = readings.Readings.ToDictionary(r => r.Id, r => new AppliedReading(r, r.Option(r.Default)!, null), StringComparer.OrdinalIgnoreCase);
        foreach (var s in switches ?? [])
        {
            var cut = s.IndexOf('=');
            if (cut <= 0)
            {
                throw new ArgumentException($"--reading takes ID=OPTION or ID=NUMBER, not '{s}'");
            }

            var id = s[..cut];
            var value = s[(cut + 1)..];
            var reading = readings.Find(id) ?? throw new ArgumentException($"no reading '{id}' (known: {string.Join(", ", readings.Readings.Select(r => r.Id))})");
            if (reading.Option(value) is { } option)
            {
                map[reading.Id] = new AppliedReading(reading, option, null);
            }
            else if (reading.Option(reading.Default)!.Threshold is not null && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var t))
            {
                map[reading.Id] = new AppliedReading(reading, reading.Option(reading.Default)!, t);
            }
            else
            {
                throw new ArgumentException($"reading '{reading.Id}' has no option '{value}' (options: {string.Join(", ", reading.Options.Select(o => o.Id))}" +
                    (reading.Option(reading.Default)!.Threshold is not null ? ", or a number in " + reading.Option(reading.Default)!.Unit : string.Empty) + ")");
            }
        }

        return new ReadingChoices(map);
    }
}
