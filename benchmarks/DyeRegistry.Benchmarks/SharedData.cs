namespace DyeRegistry.Benchmarks;

/// <summary>Finds ../shared/data beside the checkout (never copied into the repository).</summary>
internal static class SharedData
{
    public static string Catalogue => Find("data/catalogs/real_mixed.smi");

    public static string Find(string relative)
    {
        var env = Environment.GetEnvironmentVariable("DYEREG_SHARED");
        if (!string.IsNullOrEmpty(env) && File.Exists(Path.Combine(env, relative)))
        {
            return Path.Combine(env, relative);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"../shared/{relative} not found: benchmarks need the shared data beside the checkout (or DYEREG_SHARED).");
    }

    public static string[] CatalogueSmiles() =>
        File.ReadLines(Catalogue).Select(l => l.Split('\t', ' ')[0]).Where(s => s.Length > 0).ToArray();
}
