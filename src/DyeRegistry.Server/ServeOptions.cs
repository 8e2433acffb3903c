using DyeRegistry.Chemistry;

namespace DyeRegistry.Server;

/// <summary>What <c>dyereg serve</c> is asked to serve, and its limits.</summary>
public sealed record ServeOptions
{
    /// <summary>The registry file (it must exist: dyereg init creates it).</summary>
    public required string Registry { get; init; }

    /// <summary>Where to listen; loopback unless told otherwise.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    public required string FormulasFolder { get; init; }

    public required string ClaimsFolder { get; init; }

    /// <summary>Largest request body accepted (413 beyond).</summary>
    public long MaxBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Requests per account (or per address without one) per second, with a burst of ten times that.</summary>
    public int RequestsPerSecond { get; init; } = 50;

    /// <summary>Size and time limits of a SMARTS search; the time budget is checked between molecules.</summary>
    public QueryLimits SearchLimits { get; init; } = QueryLimits.Default with { TimeBudget = TimeSpan.FromSeconds(10) };

    /// <summary>Size limits of a posted structure (atoms, bonds, rings, line length).</summary>
    public StructureLimits StructureLimits { get; init; } = StructureLimits.Default;

    /// <summary>How long shutdown waits for requests in flight before abandoning them.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Where screening jobs keep their catalogues, hits and errors (default: REGISTRY.jobs
    /// beside a registry file; dyereg-jobs in the working folder for a PostgreSQL registry).</summary>
    public string? JobsFolder { get; init; }

    /// <summary>Screening jobs run at once (the rest wait in the queue), and threads per job.</summary>
    public int JobSlots { get; init; } = 1;

    public int JobThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>Largest catalogue a screening job accepts (streamed to disk; 413 beyond).</summary>
    public long MaxCatalogueBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>A cluster's job ledger (dyereg serve --cluster URI): its jobs are listed with their progress.</summary>
    public DyeRegistry.Application.Screening.Jobs.IClusterJobs? ClusterJobs { get; init; }
}
