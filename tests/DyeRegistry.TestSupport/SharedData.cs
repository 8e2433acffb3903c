namespace DyeRegistry.TestSupport;

/// <summary>
/// Locates ../shared (real catalogues, isotherms) beside the checkout, or DYEREG_SHARED. The data
/// is read in place, never copied into the repository; a fresh clone has none.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The shared folder, or null when absent.</summary>
    public static string? RootPath => Root.Value;

    public static bool Available => Root.Value is not null;

    /// <summary>Why validation tests are skipped when the data is absent.</summary>
    public const string AbsentReason = "../shared is absent: this validation test did NOT run (it needs the shared real data; set DYEREG_SHARED or clone beside shared/)";

    public static string Path(string relative) =>
        System.IO.Path.Combine(Root.Value ?? throw new InvalidOperationException(AbsentReason), relative);

    public static string Catalogue => Path("data/catalogs/real_mixed.smi");

    private static string? FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("DYEREG_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            return Directory.Exists(System.IO.Path.Combine(env, "data")) ? env : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "data")))
            {
                return candidate;
            }
        }

        return null;
    }
}
