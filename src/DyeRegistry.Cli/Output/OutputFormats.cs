namespace DyeRegistry.Cli.Output;

/// <summary>A format a command writes, and the file extensions that name it (the first is the usual one).</summary>
internal sealed record FileFormat(string Name, params string[] Extensions);

/// <summary>
/// Decides the format of an output file from <c>--format</c> and the file's extension, and refuses
/// what would write something other than the name says: an extension no format of the command has
/// (<c>screen -o x.xlsx</c> wrote JSONL), or one that names another format than <c>--format</c>
/// (<c>export -o x.sdf --format json</c>). No extension at all is accepted (the format is
/// <c>--format</c>'s, or the default): the name then promises nothing. One check for every command
/// that writes files (scope's chart formats have their own owner and use it too when they want).
/// </summary>
internal static class OutputFormats
{
    /// <summary>The format to write; an <see cref="ArgumentException"/> naming the file, its
    /// extension and the formats the command writes when they disagree. A ".gz" suffix is not a
    /// format and is refused too (output is never compressed).</summary>
    /// <param name="option">The option naming the file (e.g. "--out"), for the message.</param>
    /// <param name="path">The output file, or null for standard output.</param>
    /// <param name="requested">The --format given, or null.</param>
    /// <param name="formats">The formats the command writes.</param>
    /// <param name="fallback">The format when neither --format nor an extension says.</param>
    public static FileFormat Choose(string option, string? path, string? requested, IReadOnlyList<FileFormat> formats, string fallback)
    {
        ArgumentNullException.ThrowIfNull(formats);
        var asked = requested is null ? null : formats.FirstOrDefault(f => string.Equals(f.Name, requested, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"--format {requested}: not a format this command writes ({Names(formats)})");
        var extension = path is null || path == "-" ? string.Empty : Path.GetExtension(path).ToLowerInvariant();
        if (extension.Length == 0)
        {
            return asked ?? formats.First(f => f.Name == fallback);
        }

        var named = formats.FirstOrDefault(f => f.Extensions.Contains(extension, StringComparer.Ordinal));
        if (named is null)
        {
            throw new ArgumentException($"{option} {path}: '{extension}' is not a format this command writes; it writes {Names(formats)}: name the file {string.Join(", ", formats.Select(f => f.Extensions[0]))}{(asked is null ? string.Empty : $" (for --format {asked.Name}: {asked.Extensions[0]})")}");
        }

        if (asked is not null && asked != named)
        {
            throw new ArgumentException($"{option} {path}: the extension '{extension}' says {named.Name} but --format is {asked.Name}; name the file {asked.Extensions[0]} or drop --format");
        }

        return named;
    }

    private static string Names(IReadOnlyList<FileFormat> formats) =>
        string.Join(", ", formats.Select(f => $"{f.Name} ({string.Join(" ", f.Extensions)})"));
}
