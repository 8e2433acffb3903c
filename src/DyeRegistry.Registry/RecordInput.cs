using System.Text.Json.Nodes;

namespace DyeRegistry.Registry;

/// <summary>One record document read from a file, with where it came from (for messages), or
/// why it could not be read.</summary>
/// <param name="File">The file it was read from.</param>
/// <param name="Location">"record 3", "line 12" or "record 5 (line 120)".</param>
/// <param name="Document">The document; null when <paramref name="ReadError"/> says why not.</param>
/// <param name="ReadError">A problem before validation (bad JSON, unparsable SD record).</param>
/// <param name="StoredIdentically">Known before preparing: the registry already holds this very
/// document, so its chemistry need not be computed again.</param>
public sealed record RecordInput(string File, string Location, JsonObject? Document, string? ReadError = null, bool StoredIdentically = false)
{
    /// <summary>The id the document claims, or null.</summary>
    public string? Id => Document?["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;

    /// <summary>What reading noticed without refusing the record (reported with its outcome).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public string Where => Id is null ? $"{File}: {Location}" : $"{File}: {Location} ({Storage.Records.RecordIds.Printable(Id)})";
}
