namespace DyeRegistry.Cli.Output;

/// <summary>
/// Checks a command's output files before anything is written: an output may not be a
/// directory, nor the same file as one of the command's inputs (a catalogue, a record file, the
/// registry with its journal files) or as another of its outputs. Reading and writing one file
/// at once destroys it (export -o onto the registry replaced it with JSON; screen X -o X emptied
/// the catalogue), so such a command is refused, naming both roles.
/// </summary>
internal static class OutputTargets
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the clash; nothing is touched.</summary>
    public static void Check(IEnumerable<(string Role, string? Path)> outputs, IEnumerable<(string Role, string? Path)> inputs)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (role, path) in inputs.Where(i => i.Path is not null && i.Path != "-"))
        {
            foreach (var p in WithCompanions(path!))
            {
                seen.TryAdd(FileIdentity.Of(p), $"{role} {path}");
            }
        }

        foreach (var (role, path) in outputs.Where(o => o.Path is not null && o.Path != "-"))
        {
            if (Directory.Exists(path))
            {
                throw new ArgumentException($"{role} {path} is a directory; name a file");
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(path!));
            if (folder is not null && !Directory.Exists(folder))
            {
                throw new ArgumentException($"{role} {path}: the folder {folder} does not exist");
            }

            var identity = FileIdentity.Of(path!);
            if (seen.TryGetValue(identity, out var other))
            {
                throw new ArgumentException($"{role} {path} is the same file as the {other}; writing it would destroy what is read: choose another file");
            }

            seen[identity] = $"{role} {path}";
        }
    }

    // A SQLite registry is three files: writing over its journal or shared memory destroys it too.
    private static IEnumerable<string> WithCompanions(string path) => [path, path + "-wal", path + "-shm", path + "-journal"];
}
