using DyeRegistry.Storage;

namespace DyeRegistry.Application.Records;

/// <summary>"Did you mean" for an id the registry does not hold: ids equal but for case, or
/// within a small edit distance (a third of the id's length, at least 2), nearest first, at most three.</summary>
public static class RecordIdSuggestions
{
    public static IReadOnlyList<string> For(string id, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(id);
        var limit = Math.Max(2, id.Length / 3);
        return known
            .Select(k => (Id: k, Distance: string.Equals(k, id, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(k.ToUpperInvariant(), id.ToUpperInvariant())))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(3).Select(x => x.Id).ToList();
    }

    /// <summary>The message for a missing id: "no record 'X'" and, when any, "; did you mean A or B?".</summary>
    public static string NoRecord(IRegistryStore store, string id)
    {
        ArgumentNullException.ThrowIfNull(store);
        var near = For(id, store.Records().Select(r => r.Id));
        return $"no record '{id}'" + (near.Count == 0 ? string.Empty : $"; did you mean {string.Join(" or ", near)}?");
    }

    // Levenshtein distance, two rows.
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
