using System.Text.Json.Nodes;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Claims.Evaluation;

/// <summary>
/// A record as a claim chart sees it: the document, its registry version (null when it was read
/// from a file and is not registered), where it came from, and the values the registry computed
/// for it (a medium's A and Y from its isotherm).
/// </summary>
public sealed record ScopeRecord(string Id, RecordKind Kind, JsonObject Document, int? Version, string Origin, IReadOnlyList<ComputedQuantity> Computed);

/// <summary>
/// What claims are evaluated on: a medium, optionally an ink applied to it, and the dye, polymer
/// and solvent records the ink's components reference (by id). A reference missing from
/// <see cref="Components"/> makes what depends on it unknown, never not met.
/// </summary>
public sealed record ScopeSubject(ScopeRecord Medium, ScopeRecord? Ink, IReadOnlyDictionary<string, ScopeRecord> Components);
