namespace DyeRegistry.Registry;

/// <summary>What happened to one record of an import.</summary>
public enum ImportStatus
{
    Created,
    Updated,

    /// <summary>Identical to the stored record: nothing changed.</summary>
    Unchanged,

    /// <summary>Its parent is already registered under another id (not stored unless registered as a form).</summary>
    Duplicate,

    Failed,
}

/// <summary>One record's outcome, with the message a user reads ("duplicate of D-7", field errors).</summary>
public sealed record ImportOutcome(RecordInput Input, ImportStatus Status, int? Version, string? Message)
{
    /// <summary>The store failed on this record (disk full, damaged file, lock): it is not stored,
    /// and the import stopped here; records before it that were created or updated are stored.</summary>
    public bool StoppedBatch { get; init; }

    /// <summary>Not stored because the record was not at the version required (<see cref="ImportOptions.IfVersion"/>),
    /// as the store found it inside the transaction.</summary>
    public bool VersionConflict { get; init; }

    /// <summary>Registered as a form (salt, batch) of this registered dye, which has the same parent.</summary>
    public string? FormOf { get; init; }
}
