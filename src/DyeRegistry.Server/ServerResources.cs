using DyeRegistry.Claims;
using DyeRegistry.Markush;
using DyeRegistry.Registry;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Stores;

namespace DyeRegistry.Server;

/// <summary>
/// What every request shares: the options, the formula and claim files (loaded and validated
/// once at start), and the write gate. Stores are opened per request (a SQLite connection serves
/// one thread), through <see cref="OpenRegistry"/>.
/// </summary>
public sealed class ServerResources : IDisposable
{
    public ServerResources(ServeOptions options)
    {
        Options = options;
        Formulas = FormulaLibrary.Load(options.FormulasFolder);
        Claims = ClaimLibrary.Load(options.ClaimsFolder);
        Chemistry = new DyeChemistry(Formulas) { Limits = options.StructureLimits };
    }

    public ServeOptions Options { get; }

    public FormulaLibrary Formulas { get; }

    public ClaimLibrary Claims { get; }

    public DyeChemistry Chemistry { get; }

    /// <summary>Changes go one at a time: a version check (If-Match) and the write it guards are
    /// one step for every client of this process.</summary>
    public SemaphoreSlim WriteGate { get; } = new(1, 1);

    public IRegistryStore OpenRegistry() => RegistryStores.OpenPerRequest(Options.Registry);

    public void Dispose()
    {
        Formulas.Dispose();
        WriteGate.Dispose();
    }
}
