namespace DyeRegistry.Registry;

/// <summary>How an import treats conflicts. Immutable; defaults are the safe ones.</summary>
public sealed record ImportOptions
{
    /// <summary>Replace a stored record that differs (default: that is an error).</summary>
    public bool Update { get; init; }

    /// <summary>Register a dye whose parent is already registered as a new batch or salt form of
    /// it (its <c>parent</c> field names the existing id); default: report it as a duplicate.</summary>
    public bool AsForm { get; init; }

    /// <summary>All or nothing: one failing record and nothing is written.</summary>
    public bool Atomic { get; init; }

    /// <summary>With <see cref="Update"/>: a record is replaced only while it is at this version
    /// (the one the user read); another version is an error naming both, and nothing is written.</summary>
    public int? IfVersion { get; init; }

    /// <summary>When set, each record created or updated gets an audit entry naming this user and
    /// request, written in the record's own transaction.</summary>
    public ChangeAudit? Audit { get; init; }

    /// <summary>A rehearsal: every record is applied in one transaction that is never committed,
    /// so the outcomes say what an import would do (created, form, duplicate, failed) and nothing
    /// is written.</summary>
    public bool DryRun { get; init; }
}
