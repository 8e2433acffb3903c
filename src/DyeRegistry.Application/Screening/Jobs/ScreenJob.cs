namespace DyeRegistry.Application.Screening.Jobs;

/// <summary>Where a screening job stands. Interrupted: the server stopped (or was killed) while it
/// ran; its checkpoint stays, and resuming it goes on from there (as <c>dyereg screen --resume</c>).</summary>
public enum ScreenJobState
{
    Queued,
    Running,
    Done,
    Cancelled,
    Interrupted,
    Failed,
}

/// <summary>
/// One screening job of <c>dyereg serve</c>, as kept in its folder (<c>job.json</c>) and shown by
/// the API: who started it, on which catalogue (as uploaded), for which formulas, the output
/// format of its hits (csv, jsonl, sdf: as <c>dyereg screen -o</c>), and its counts so far.
/// </summary>
public sealed record ScreenJob
{
    public required string Id { get; init; }

    public required string Owner { get; init; }

    /// <summary>The catalogue's file name as uploaded (it decides SMILES or SDF, and .gz).</summary>
    public required string Catalogue { get; init; }

    public long CatalogueBytes { get; init; }

    public required string Format { get; init; }

    public string[] Formulas { get; init; } = [];

    public ScreenValidation Validation { get; init; } = ScreenValidation.All;

    /// <summary>Each hit gets the id of a registered dye with its parent (as <c>--mark-known</c>);
    /// off by default, as in the CLI: the duplicate key costs a standardization per hit.</summary>
    public bool MarkKnown { get; init; }

    public ScreenJobState State { get; init; } = ScreenJobState.Queued;

    public DateTimeOffset Created { get; init; }

    public DateTimeOffset? Started { get; init; }

    public DateTimeOffset? Finished { get; init; }

    public long Records { get; init; }

    public long Hits { get; init; }

    public long Errors { get; init; }

    public long BytesRead { get; init; }

    public double Seconds { get; init; }

    public IReadOnlyDictionary<string, long> HitsPerFormula { get; init; } = new Dictionary<string, long>();

    /// <summary>Why a job failed or stopped, in the CLI's words.</summary>
    public string? Message { get; init; }

    public double RecordsPerSecond => Seconds > 0 ? Math.Round(Records / Seconds, 1) : 0;

    /// <summary>Share of the catalogue's bytes read, 0..1 (1 when done).</summary>
    public double Fraction => State == ScreenJobState.Done ? 1 : CatalogueBytes > 0 ? Math.Min(1, Math.Round((double)BytesRead / CatalogueBytes, 4)) : 0;

    /// <summary>A stopped or failed job goes on from its checkpoint (a failed one may fail again, as
    /// it would for the same cause: a catalogue that cannot be read, a full disk that is still full);
    /// a done one is complete, a queued or running one is going.</summary>
    public bool Resumable => State is ScreenJobState.Interrupted or ScreenJobState.Cancelled or ScreenJobState.Failed;
}
