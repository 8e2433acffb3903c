using System.CommandLine;
using DyeRegistry.Markush;
using DyeRegistry.Registry;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Stores;

namespace DyeRegistry.Cli.Commands;

/// <summary>
/// Where the registry is: <c>--registry PATH</c>, else the environment variable
/// <c>DYEREG_REGISTRY</c>, else <c>$XDG_DATA_HOME/dyeregistry/registry.db</c> (by default
/// <c>~/.local/share/dyeregistry/registry.db</c>). A PostgreSQL URL or connection string there
/// names a team registry (see <see cref="RegistryStores"/>).
/// </summary>
internal static class RegistryOptions
{
    /// <summary>The one <c>--registry</c> option: global (recursive, on the root command), so it
    /// is described once and may come before or after the command (<c>dyereg --registry r.db list</c>).</summary>
    public static readonly Option<string> Global = new("--registry")
    {
        Description = "Registry file, or a PostgreSQL URL (postgresql://user@host/db) or connection string (default: $DYEREG_REGISTRY, else ~/.local/share/dyeregistry/registry.db).",
        DefaultValueFactory = _ => DefaultPath(),
        Recursive = true,
    };

    /// <summary>The global <c>--registry</c> (<see cref="Global"/>): commands that still add it
    /// themselves add the same option, never a second one of that name.</summary>
    public static Option<string> Path() => Global;

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

    public static IRegistryStore Open(string path, bool create = false) => RegistryStores.Open(path, create);

    /// <summary>Opens the registry for a command that only reads it (see <see cref="RegistryStores.OpenForReading"/>).</summary>
    public static IRegistryStore OpenForReading(string path) => RegistryStores.OpenForReading(path);

    public static DyeChemistry Chemistry(string formulasFolder, DyeRegistry.Chemistry.StructureLimits? limits = null) =>
        new(FormulaLibrary.Load(formulasFolder)) { Limits = limits ?? DyeRegistry.Chemistry.StructureLimits.Default };
}
