namespace DyeRegistry.Storage.Accounts;

/// <summary>Who made one change to a record through the service, and in which request; the
/// documents before and after are in the record's history (<see cref="IRegistryStore.History"/>). Change: created, updated or deleted. Reason: why a check was overridden (a duplicate registered as a form), else null.</summary>
public sealed record AuditEntry(long Sequence, string RecordId, int Version, string Change, string User, string RequestId, DateTimeOffset AtUtc, string? Reason = null);

/// <summary>Which audit entries to read; null fields do not filter.</summary>
public sealed record AuditFilter(string? RecordId = null, string? User = null, DateTimeOffset? FromUtc = null, DateTimeOffset? ToUtc = null, int Limit = 1000);
