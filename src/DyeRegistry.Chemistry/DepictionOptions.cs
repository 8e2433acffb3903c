using System.Globalization;
using System.Text.Json;

namespace DyeRegistry.Chemistry;

/// <summary>A colour with red, green and blue from 0 to 1.</summary>
public readonly record struct RgbColour(double Red, double Green, double Blue)
{
    internal double[] ToArray() => [Red, Green, Blue];
}

/// <summary>
/// What a depiction shows: size in pixels, a legend, highlighted atoms and bonds (optionally each
/// with its own colour) and short notes beside atoms (slot labels such as "R1"). Immutable.
/// </summary>
public sealed record DepictionOptions
{
    public static DepictionOptions Default { get; } = new();

    public int WidthPixels { get; init; } = 400;

    public int HeightPixels { get; init; } = 300;

    public string Legend { get; init; } = string.Empty;

    public IReadOnlyList<int> HighlightAtoms { get; init; } = [];

    public IReadOnlyList<int> HighlightBonds { get; init; } = [];

    public IReadOnlyDictionary<int, RgbColour> AtomColours { get; init; } = new Dictionary<int, RgbColour>();

    public IReadOnlyDictionary<int, RgbColour> BondColours { get; init; } = new Dictionary<int, RgbColour>();

    public IReadOnlyDictionary<int, string> AtomNotes { get; init; } = new Dictionary<int, string>();

    /// <summary>The notes' size relative to atom labels (RDKit's default 0.5 when null).</summary>
    public double? NoteScale { get; init; }

    internal string ToJson()
    {
        var json = Json();
        if (NoteScale is { } scale)
        {
            json["noteScale"] = scale;
        }

        return JsonSerializer.Serialize(json);
    }

    private Dictionary<string, object> Json() => new()
    {
        ["width"] = WidthPixels,
        ["height"] = HeightPixels,
        ["legend"] = Legend,
        ["highlightAtoms"] = HighlightAtoms,
        ["highlightBonds"] = HighlightBonds,
        ["atomColours"] = AtomColours.ToDictionary(k => Key(k.Key), v => v.Value.ToArray()),
        ["bondColours"] = BondColours.ToDictionary(k => Key(k.Key), v => v.Value.ToArray()),
        ["atomNotes"] = AtomNotes.ToDictionary(k => Key(k.Key), v => v.Value),
    };

    private static string Key(int index) => index.ToString(CultureInfo.InvariantCulture);
}
