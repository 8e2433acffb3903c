namespace DyeRegistry.Markush.Loading;

/// <summary>
/// Finds a data folder shipped beside the program (formulas/, claims/): the environment variable
/// when set, else the nearest folder of that name, holding its marker file, above the program or
/// the current directory.
/// </summary>
public static class DataFolder
{
    public static string Find(string environmentVariable, string name, string markerFile)
    {
        var env = Environment.GetEnvironmentVariable(environmentVariable);
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, name);
                if (File.Exists(Path.Combine(candidate, markerFile)))
                {
                    return candidate;
                }
            }
        }

        return Path.Combine(AppContext.BaseDirectory, name);
    }
}
