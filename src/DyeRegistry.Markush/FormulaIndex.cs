using DyeRegistry.Markush.Loading;
using YamlDotNet.RepresentationModel;

namespace DyeRegistry.Markush;

/// <summary>
/// What a formula folder holds, read without compiling it: the formulas' ids (file-name order)
/// and the stamp of the files (<see cref="FormulaLibrary.Stamp"/>). Enough for a formula search
/// whose stored memberships are current, which then never compiles a query nor loads RDKit
/// (about a quarter of such a search's process). Problems in the files are reported by
/// <see cref="FormulaLibrary.Load"/>, which whoever needs the formulas themselves calls.
/// </summary>
public sealed class FormulaIndex
{
    private FormulaIndex(string folder, string stamp, IReadOnlyList<string> ids)
    {
        Folder = folder;
        Stamp = stamp;
        Ids = ids;
    }

    public string Folder { get; }

    /// <summary>The same stamp <see cref="FormulaLibrary.Load"/> gives the same files.</summary>
    public string Stamp { get; }

    public IReadOnlyList<string> Ids { get; }

    /// <summary>The id as the files spell it (ids are matched ignoring case, as <see cref="FormulaLibrary.Find"/> does), or null.</summary>
    public string? Find(string id) => Ids.FirstOrDefault(f => string.Equals(f, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The index of a loaded library (no file read again).</summary>
    public static FormulaIndex Of(FormulaLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        return new FormulaIndex(library.Folder, library.Stamp, [.. library.Formulas.Select(f => f.Formula.Id)]);
    }

    /// <summary>Reads the folder's *.yaml top levels; a file that does not parse is a <see cref="FormulaFileException"/>.</summary>
    public static FormulaIndex Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new FormulaFileException([new DataFileError(folder, 0, "folder", "formula folder not found (" + DataFolder.Rule("--formulas", "DYEREG_FORMULAS", "formulas") + ")")]);
        }

        var errors = new List<DataFileError>();
        var ids = new List<string>();
        foreach (var path in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (YamlFields.ReadDocument(path, errors) is { } root &&
                root.Children.TryGetValue(new YamlScalarNode("formula"), out var id) && id is YamlScalarNode { Value: { Length: > 0 } text })
            {
                ids.Add(text);
            }
        }

        if (errors.Count > 0)
        {
            throw new FormulaFileException(errors);
        }

        return new FormulaIndex(folder, FormulaLibrary.ComputeStamp(folder), ids);
    }
}
