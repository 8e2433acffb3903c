using DyeRegistry.Markush.Loading;
using DyeRegistry.Markush.Model;

namespace DyeRegistry.Markush.Matching;

/// <summary>Verdicts in words: which substituent sits in which slot, or why not.</summary>
public static class Explanation
{
    public static string Within(MarkushFormula f, EmbeddingReport e, string? tautomer)
    {
        var via = tautomer is null ? string.Empty : $" via its tautomer {tautomer}";
        return $"within ({f.Id}) [{ProvenanceText.ToText(f.Provenance)}]{via}, variant {e.Variant}: {Assignment(e)}";
    }

    public static string NotWithin(MarkushFormula f, IReadOnlyList<EmbeddingReport> nearest, string? tautomer)
    {
        var via = tautomer is null ? string.Empty : $" (nearest form: tautomer {tautomer})";
        var misses = nearest.Select(e => $"variant {e.Variant}: {string.Join("; ", e.Violations)}");
        var count = nearest[0].Violations.Count;
        return $"not within ({f.Id}) [{ProvenanceText.ToText(f.Provenance)}]{via}: nearest miss with {count} violation{(count == 1 ? string.Empty : "s")}: " +
            string.Join(" | or | ", misses);
    }

    /// <summary>"R1 = alkyl (*C), R2 = hydrogen, ..., M = Cu, a = 1,1,1,1": every slot is named;
    /// with many slots ((C-I)) the hydrogens are listed together at the end.</summary>
    public static string Assignment(EmbeddingReport e)
    {
        var many = e.Slots.Count > 8;
        var parts = e.Slots.Where(s => s.State != SlotState.Hydrogen || !many).Select(s => s.State switch
        {
            SlotState.Absent => $"{s.Slot} absent (N)",
            SlotState.Hydrogen => $"{s.Slot} = hydrogen",
            _ => $"{s.Slot} = {s.AllowedAs ?? "unclassified"} ({s.SubstituentSmiles})",
        }).ToList();
        parts.AddRange(e.Closures.Select(c => $"{c.SlotA}-{c.SlotB} ring ({c.RingSize}-membered)"));
        if (e.Central is { } m)
        {
            parts.Add($"M = {m.Description} ({m.Bonding})");
        }

        if (e.Counts is { } counts)
        {
            parts.Add($"a = {string.Join(",", counts)}");
        }

        var hydrogens = e.Slots.Where(s => s.State == SlotState.Hydrogen).Select(s => s.Slot).ToList();
        if (many && hydrogens.Count > 0)
        {
            parts.Add($"{string.Join(", ", hydrogens)} = hydrogen");
        }

        return string.Join(", ", parts);
    }
}
