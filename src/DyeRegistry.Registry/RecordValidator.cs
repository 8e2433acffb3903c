using System.Text.Json.Nodes;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Registry;

/// <summary>
/// Validates a record document: first against the record format's JSON Schema (types, required
/// fields, units, ranges, vocabularies: <see cref="RecordSchemaValidator"/>), then the rules
/// across fields the schema does not state (<see cref="RecordRules"/>). Every problem is reported,
/// schema problems first.
/// </summary>
public static class RecordValidator
{
    public static IReadOnlyList<FieldError> Validate(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return [.. RecordSchemaValidator.Validate(document), .. RecordRules.Check(document)];
    }
}
