namespace DyeRegistry.Storage;

/// <summary>The registry cannot do what was asked: no such file or record, a schema newer than this
/// program, a record still referenced, a storage failure (disk full, file damaged, locked). The
/// message names the registry and says which and what to do.</summary>
public class RegistryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Another writer changed the same record (or registered the same parent) at the same
/// moment and the store refused this transaction: nothing of it is written; applying it again
/// sees the other writer's change.</summary>
public class ConcurrentWriteException(string message, Exception? inner = null) : RegistryException(message, inner);

/// <summary>Another writer registered the same standardized parent first (the store's unique
/// parent key decided): nothing of this transaction is written; applying the record again sees
/// <see cref="ExistingId"/> and reports a duplicate.</summary>
public sealed class DuplicateParentException(string id, string existingId, string parentKey)
    : ConcurrentWriteException($"dye {id}: another writer registered the same standardized parent as {existingId} first")
{
    public string Id { get; } = id;

    public string ExistingId { get; } = existingId;

    public string ParentKey { get; } = parentKey;
}

/// <summary>An update that required the version it read found another one: nothing written.</summary>
public sealed class VersionConflictException(string id, int expected, int? found)
    : RegistryException(found is { } f
        ? $"id: '{id}' is at version {f}, not version {expected} (--if-version {expected}): it changed since it was read; nothing was written"
        : $"id: '{id}' is not registered, so it is not at version {expected} (--if-version {expected}); nothing was written")
{
    public string Id { get; } = id;

    public int Expected { get; } = expected;

    public int? Found { get; } = found;
}
