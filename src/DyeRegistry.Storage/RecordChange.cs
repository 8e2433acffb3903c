namespace DyeRegistry.Storage;

/// <summary>One entry of a record's history.</summary>
/// <param name="Id">The record.</param>
/// <param name="Version">The version this change produced (for a deletion: the last version).</param>
/// <param name="Change">created, updated or deleted.</param>
/// <param name="PreviousDocument">The document before the change (JSON), null on creation.</param>
/// <param name="Document">The document after the change (JSON), null on deletion.</param>
/// <param name="AtUtc">When (UTC).</param>
/// <param name="ChangedBy">Who made it (<see cref="RegistryActor"/>); null for changes recorded before the store kept it.</param>
public sealed record RecordChange(string Id, int Version, string Change, string? PreviousDocument, string? Document, DateTimeOffset AtUtc, string? ChangedBy = null);
