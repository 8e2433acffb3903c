using System.Security.Cryptography;
using System.Text;

namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// Splits compounds by group (Bemis-Murcko scaffold, see <see cref="FeaturizedCompound.SplitGroup"/>)
/// so that no group is on both sides. Deterministic: the same groups give the same split.
/// </summary>
public static class ScaffoldSplit
{
    /// <summary>
    /// Fold (0..k-1) of each compound: groups from the largest down (ties by name) each go to the
    /// fold with the fewest compounds so far (ties to the lowest fold), which keeps folds within a
    /// group's size of each other.
    /// </summary>
    public static int[] Folds(IReadOnlyList<string> groups, int k)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        var members = GroupMembers(groups);
        var size = new int[k];
        var fold = new int[groups.Count];
        foreach (var g in members.OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var target = 0;
            for (var f = 1; f < k; f++)
            {
                if (size[f] < size[target])
                {
                    target = f;
                }
            }

            foreach (var i in g.Value)
            {
                fold[i] = target;
            }

            size[target] += g.Value.Count;
        }

        return fold;
    }

    /// <summary>
    /// True for the compounds set aside for calibration: whole groups in an order fixed by a
    /// seeded hash of their names (a pseudo-random order that does not depend on the input's
    /// order), each taken when it still fits under <paramref name="fraction"/> of the compounds
    /// (so one large scaffold group, benzene say, cannot make the set much larger than asked).
    /// </summary>
    public static bool[] Holdout(IReadOnlyList<string> groups, double fraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (!(fraction > 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "a fraction lies strictly between 0 and 1");
        }

        var members = GroupMembers(groups);
        var held = new bool[groups.Count];
        var target = (int)Math.Round(groups.Count * fraction);
        var taken = 0;
        foreach (var g in members.OrderBy(g => Rank(g.Key, seed), StringComparer.Ordinal).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            if (taken >= target)
            {
                break;
            }

            if (taken + g.Value.Count > target)
            {
                continue;
            }

            foreach (var i in g.Value)
            {
                held[i] = true;
            }

            taken += g.Value.Count;
        }

        return held;
    }

    private static Dictionary<string, List<int>> GroupMembers(IReadOnlyList<string> groups)
    {
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            if (!members.TryGetValue(groups[i], out var list))
            {
                members[groups[i]] = list = [];
            }

            list.Add(i);
        }

        return members;
    }

    private static string Rank(string group, int seed) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n" + group)));
}
