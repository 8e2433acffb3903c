using DyeRegistry.Claims.Loading;
using DyeRegistry.Claims.Model;
using DyeRegistry.Markush.Loading;
using YamlDotNet.RepresentationModel;

namespace DyeRegistry.Claims;

/// <summary>
/// The claim sets and readings, loaded from a folder of YAML files (<c>claims/</c>: one file per
/// patent, <c>NNN.yaml</c>, and <c>readings.yaml</c>) and validated as a whole: every problem is
/// reported at once as <c>file:line: field: what</c>. Immutable once loaded.
/// </summary>
public sealed class ClaimLibrary
{
    private ClaimLibrary(string folder, ReadingSet readings, IReadOnlyList<ClaimSet> sets)
    {
        Folder = folder;
        Readings = readings;
        Sets = sets;
    }

    public string Folder { get; }

    public ReadingSet Readings { get; }

    /// <summary>The claim sets in patent order (000, 001, 002).</summary>
    public IReadOnlyList<ClaimSet> Sets { get; }

    public ClaimSet? Set(string patent) => Sets.FirstOrDefault(s => s.Patent == patent);

    /// <summary>Every claim of every set, in set and claim order.</summary>
    public IEnumerable<Claim> Claims => Sets.SelectMany(s => s.Claims);

    /// <summary>A claim by its id ("001:2"), or null.</summary>
    public Claim? Find(string id)
    {
        var cut = id.IndexOf(':');
        return cut > 0 && int.TryParse(id[(cut + 1)..], out var n) ? Set(id[..cut])?.Find(n) : null;
    }

    /// <summary>Loads readings.yaml and every other *.yaml of <paramref name="folder"/>; throws
    /// <see cref="ClaimFileException"/> listing all problems.</summary>
    public static ClaimLibrary Load(string folder)
    {
        var errors = new List<DataFileError>();
        var readingsFile = Path.Combine(folder, "readings.yaml");
        if (!Directory.Exists(folder) || !File.Exists(readingsFile))
        {
            throw new ClaimFileException([new DataFileError(Directory.Exists(folder) ? readingsFile : folder, 0, "file", Directory.Exists(folder) ? "readings file not found" : "claims folder not found (" + DataFolder.Rule("--claims", "DYEREG_CLAIMS", "claims") + ")")]);
        }

        var readingsRoot = YamlFields.ReadDocument(readingsFile, errors);
        var readings = readingsRoot is null ? new ReadingSet(0, string.Empty, readingsFile, []) : ReadingsLoader.Read(readingsRoot, readingsFile, errors);
        var sets = new List<ClaimSet>();
        foreach (var path in Directory.GetFiles(folder, "*.yaml").Where(p => Path.GetFileName(p) != "readings.yaml").Order(StringComparer.Ordinal))
        {
            var root = YamlFields.ReadDocument(path, errors);
            if (root is null)
            {
                continue;
            }

            if (!root.Children.ContainsKey(new YamlScalarNode("patent")))
            {
                errors.Add(new DataFileError(path, (int)root.Start.Line, "patent", "expected a claim set (patent: ...)"));
                continue;
            }

            var set = ClaimSetLoader.Read(root, path, readings, errors);
            if (sets.Any(s => s.Patent == set.Patent))
            {
                errors.Add(new DataFileError(path, 1, "patent", $"duplicate patent '{set.Patent}' (also in {sets.First(s => s.Patent == set.Patent).File})"));
            }

            sets.Add(set);
        }

        if (sets.Count == 0)
        {
            errors.Add(new DataFileError(folder, 0, "folder", "no claim set files (NNN.yaml with 'patent:')"));
        }

        if (errors.Count > 0)
        {
            throw new ClaimFileException(errors);
        }

        return new ClaimLibrary(folder, readings, sets.OrderBy(s => s.Patent, StringComparer.Ordinal).ToList());
    }

    /// <summary>The claims folder shipped with DyeRegistry: DYEREG_CLAIMS, else the nearest
    /// <c>claims/</c> (holding readings.yaml) above the program or the current directory.</summary>
    public static string DefaultFolder() => DataFolder.Find("DYEREG_CLAIMS", "claims", "readings.yaml");
}
