using System.CommandLine;
using DyeRegistry.Markush;
using DyeRegistry.Registry;
using DyeRegistry.Storage.Sqlite;

namespace DyeRegistry.Cli.Commands;

/// <summary>
/// Where the registry is: <c>--registry PATH</c>, else the environment variable
/// <c>DYEREG_REGISTRY</c>, else <c>$XDG_DATA_HOME/dyeregistry/registry.db</c> (by default
/// <c>~/.local/share/dyeregistry/registry.db</c>).
/// </summary>
internal static class RegistryOptions
{
    public static Option<string> Path() => new("--registry")
    {
        Description = "Registry file (default: $DYEREG_REGISTRY, else ~/.local/share/dyeregistry/registry.db).",
        DefaultValueFactory = _ => DefaultPath(),
    };

    public static string DefaultPath()
    {
        var env = Environment.GetEnvironmentVariable("DYEREG_REGISTRY");
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }

        var data = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(data))
        {
            data = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return System.IO.Path.Combine(data, "dyeregistry", "registry.db");
    }

    public static SqliteRegistryStore Open(string path, bool create = false) => SqliteRegistryStore.Open(path, create);

    /// <summary>Opens the registry for a command that only reads it: as usual (migrating it when
    /// it is older), or, when this process may not write it (read-only storage, no permission),
    /// read-only, so reads still work.</summary>
    public static SqliteRegistryStore OpenForReading(string path)
    {
        try
        {
            return SqliteRegistryStore.Open(path, create: false);
        }
        catch (Storage.RegistryException e) when (e.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 8 or 14 } || e.InnerException is UnauthorizedAccessException)
        {
            return SqliteRegistryStore.Open(path, create: false, readOnly: true);
        }
    }

    public static DyeChemistry Chemistry(string formulasFolder, DyeRegistry.Chemistry.StructureLimits? limits = null) =>
        new(FormulaLibrary.Load(formulasFolder)) { Limits = limits ?? DyeRegistry.Chemistry.StructureLimits.Default };
}
