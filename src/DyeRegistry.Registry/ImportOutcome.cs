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
public sealed record ImportOutcome(RecordInput Input, ImportStatus Status, int? Version, string? Message);
