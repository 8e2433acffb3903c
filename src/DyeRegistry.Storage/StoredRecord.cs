using System.Text.Json.Nodes;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Storage;

/// <summary>A record as stored: its document, the version a claim chart can cite (1 on creation,
/// +1 per change) and when it last changed (UTC).</summary>
public sealed record StoredRecord(string Id, RecordKind Kind, int Version, JsonObject Document, DateTimeOffset UpdatedUtc);
