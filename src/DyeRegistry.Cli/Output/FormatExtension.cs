namespace DyeRegistry.Cli.Output;

/// <summary>
/// An output file's extension must match the format written to it (issue 21: <c>-o chart.docx</c>
/// with text is an error, never a plain-text file with a Word name). Only the extensions of the
/// formats dyereg writes are judged: a file without an extension, or with one no format claims
/// (<c>.out</c>), is written as asked. Small and shared, so every command that writes files can
/// apply the same rule.
/// </summary>
internal static class FormatExtension
{
    private static readonly Dictionary<string, string[]> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text"] = [".txt", ".text"],
        ["json"] = [".json"],
        ["html"] = [".html", ".htm"],
        ["pdf"] = [".pdf"],
        ["docx"] = [".docx"],
        ["xlsx"] = [".xlsx"],
        ["csv"] = [".csv"],
        ["sdf"] = [".sdf"],
        ["smi"] = [".smi", ".smiles"],
    };

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="path"/>'s extension
    /// belongs to another format than <paramref name="format"/>.</summary>
    public static void Check(string? path, string format, string option = "-o")
    {
        if (path is null)
        {
            return;
        }

        var ext = Path.GetExtension(path);
        if (ext.Length == 0 || !Extensions.Values.Any(e => e.Contains(ext, StringComparer.OrdinalIgnoreCase)))
        {
            return;
        }

        if (Extensions.TryGetValue(format, out var own) && own.Contains(ext, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        var meant = Extensions.First(e => e.Value.Contains(ext, StringComparer.OrdinalIgnoreCase)).Key;
        var right = Extensions.TryGetValue(format, out var o) ? o[0] : null;
        throw new ArgumentException($"{option} {path}: the extension {ext} is for {meant}, but --format is {format}: use --format {meant}" +
            (right is null ? string.Empty : $", or name the file {Path.ChangeExtension(Path.GetFileName(path), right)}"));
    }
}
