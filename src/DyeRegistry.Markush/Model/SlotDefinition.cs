namespace DyeRegistry.Markush.Model;

/// <summary>
/// A variable position of a formula (R1, A, G ...): the core atom that bears it and the classes
/// its substituent may belong to. Several slots may sit on one core atom (R5 and R6 on A's N).
/// </summary>
/// <param name="Id">The claim's name for it.</param>
/// <param name="Name">A longer label for reports, or the id.</param>
/// <param name="AtomMap">Map number of the slot atom in every core variant.</param>
/// <param name="Classes">Allowed classes under the default reading.</param>
/// <param name="AbsentWhenNitrogen">The slot does not exist when its atom is a ring N (R3 when B1 = N).</param>
/// <param name="Readings">Alternative class lists by reading name (X of (I)); empty when none.</param>
/// <param name="DefaultReading">The reading <see cref="Classes"/> belongs to, or null.</param>
/// <param name="Line">Line in the formula file, for messages.</param>
public sealed record SlotDefinition(
    string Id,
    string Name,
    int AtomMap,
    IReadOnlyList<string> Classes,
    bool AbsentWhenNitrogen,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Readings,
    string? DefaultReading,
    int Line)
{
    /// <summary>The allowed classes under <paramref name="reading"/> (the default when null or unknown here).</summary>
    public IReadOnlyList<string> ClassesUnder(string? reading) =>
        reading is not null && Readings.TryGetValue(reading, out var classes) ? classes : Classes;
}
