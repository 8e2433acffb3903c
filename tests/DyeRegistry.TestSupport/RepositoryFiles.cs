namespace DyeRegistry.TestSupport;

/// <summary>The checkout the tests run from (the folder holding DyeRegistry.sln): its shipped
/// files (samples/, docs/, formulas/, claims/) are read in place.</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> RootFolder = new(FindRoot);

    public static string Root => RootFolder.Value;

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DyeRegistry.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("DyeRegistry.sln not found above the test assembly");
    }
}
