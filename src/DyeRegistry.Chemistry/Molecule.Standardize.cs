using System.Text.Json;
using DyeRegistry.Chemistry.Interop;

namespace DyeRegistry.Chemistry;

public sealed partial class Molecule
{
    /// <summary>Runs the chosen standardization steps; this molecule is unchanged.</summary>
    public StandardizationResult Standardize(StandardizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ChemistryWorkCounts.Standardization(options.CanonicalTautomer);
        var (parent, reportJson) = Proxy.Standardize(handle, options.ToJson());
        using var report = JsonDocument.Parse(reportJson);
        var root = report.RootElement;
        return new StandardizationResult(
            new Molecule(parent),
            Strings(root, "steps"),
            Strings(root, "removedFragments"),
            root.TryGetProperty("tautomersSeen", out var seen) ? ReadInt(seen) : 0);
    }

    /// <summary>All tautomers by RDKit's TautomerEnumerator rules, at most <paramref name="maxTautomers"/>.</summary>
    /// <param name="maxTautomers">Upper bound (RDKit's default 1000).</param>
    /// <param name="heteroatomShiftsOnly">Use only RDKit's "heteroatom H shift" transforms: H moves
    /// between heteroatoms (azo/hydrazone, lactam/lactim), never to or from carbon. Far fewer
    /// tautomers, far faster.</param>
    public TautomerSet EnumerateTautomers(int maxTautomers = 1000, bool heteroatomShiftsOnly = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTautomers);
        ChemistryWorkCounts.TautomerEnumeration();
        var (mols, truncated) = Proxy.EnumerateTautomers(handle, maxTautomers, heteroatomShiftsOnly);
        return new TautomerSet(mols.Select(h => new Molecule(h)).ToArray(), truncated);
    }

    /// <summary>RDKit's MolHash of this molecule.</summary>
    public string Hash(MolHashFunction function) => Proxy.Hash(handle, (int)function);

    /// <summary>A tautomer-invariant identity of this molecule, computed without enumerating
    /// tautomers: RDKit's HetAtomTautomer MolHash (heteroatom H and charges pooled, bonds of the
    /// conjugated and hetero parts relaxed), then, when the molecule has two or more parts cut off
    /// from each other by saturated carbons that hold a heteroatom or a charge, " regions:" and each
    /// part's heteroatom H minus its charge. RDKit's hash alone pools H across such parts, which no
    /// H shift connects (a hydroquinone-CH2-quinone and its swapped isomer would share it).</summary>
    public string TautomerInvariantKey() => Proxy.DuplicateKey(handle);

    /// <summary>The disconnected components, each as its own molecule (dispose each).</summary>
    public IReadOnlyList<Molecule> Fragments() => Proxy.Fragments(handle).Select(h => new Molecule(h)).ToArray();

    // Boost's JSON writer stores every value as a string ("3"), so numbers are read either way.
    private static int ReadInt(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number ? e.GetInt32() : int.Parse(e.GetString() ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Strings(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray();
    }
}
