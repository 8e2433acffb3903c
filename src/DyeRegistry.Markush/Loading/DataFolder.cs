namespace DyeRegistry.Markush.Loading;

/// <summary>
/// Finds a data folder (formulas/, claims/) by one documented rule: the command's option (handled
/// by the caller), then the environment variable, then <c>NAME/</c> beside the dyereg program (a
/// published copy), then the <c>NAME/</c> folder of the checkout the program was built in (above
/// the program), then an installed package's <c>/usr/share/dyeregistry/NAME</c> (or
/// <c>../../share/dyeregistry/NAME</c> from the program), then the <c>NAME/</c> folder of a checkout
/// above the current folder. A folder counts only when it holds its marker file. A program built
/// in a checkout reads that checkout's files even where a package is installed, so an edit to
/// formulas/ is seen at once.
/// </summary>
public static class DataFolder
{
    /// <summary>Where an installed package keeps its data.</summary>
    public const string SystemShare = "/usr/share/dyeregistry";

    /// <summary>The folder, or a path that does not exist (the loader then says so, with <see cref="Rule"/>).</summary>
    public static string Find(string environmentVariable, string name, string markerFile)
    {
        var env = Environment.GetEnvironmentVariable(environmentVariable);
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }

        var program = AppContext.BaseDirectory;
        var candidates = new[] { Path.Combine(program, name) }
            .Concat(Above(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(program)), name))
            .Append(Path.Combine(SystemShare, name))
            .Append(Path.GetFullPath(Path.Combine(program, "..", "..", "share", "dyeregistry", name)))
            .Concat(Above(Directory.GetCurrentDirectory(), name));
        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, markerFile))) ?? Path.Combine(program, name);
    }

    /// <summary>The rule in words, for the message when nothing was found.</summary>
    public static string Rule(string option, string environmentVariable, string name) =>
        $"the {name} folder is found by: {option} DIR; else ${environmentVariable}; else {name}/ beside the dyereg program; " +
        $"else the {name}/ folder of the checkout it was built in; else {SystemShare}/{name} (an installed package); else the {name}/ folder of a checkout above the current folder";

    private static IEnumerable<string> Above(string? start, string name)
    {
        for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            yield return Path.Combine(dir.FullName, name);
        }
    }
}
