using System.Text.Json;
using System.Text.Json.Nodes;
using DyeRegistry.Chemistry;
using DyeRegistry.Chemistry.IO;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Registry;

/// <summary>
/// Reads record files: JSON (one document or an array, records.md) or structure files (SMILES
/// lines, SDF, plain or .gz) whose records become dye documents. SD fields map onto dye fields:
/// NAME, SUPPLIER, CATALOG_NUMBER, CAS (or CAS_NUMBER), WATER_SOLUBILITY_G_PER_100G (a number,
/// optionally followed by its unit g/100 g; anything else, "1.5 g/100 mL" too, refuses the record)
/// with WATER_SOLUBILITY_G_PER_100G_SOURCE; every other field is kept as text under
/// <c>properties</c> (a value that looks like a quantity is reported as kept as text). The id is the SMILES line's id or the SD
/// title (or an ID field); a record without one is refused (registry ids are never invented).
/// </summary>
public static class RecordReader
{
    // SD/CSV columns that fill a dye's quantity fields: the field and its unit.
    private static readonly Dictionary<string, (string Field, string Unit)> QuantityFields = new(StringComparer.Ordinal)
    {
        ["WATER_SOLUBILITY_G_PER_100G"] = ("water_solubility_g_per_100g", "g/100 g"),
    };

    private static JsonObject Merge(JsonObject withSource, double value)
    {
        var merged = new JsonObject { ["value"] = value };
        foreach (var (k, v) in withSource)
        {
            merged[k] = v?.DeepClone();
        }

        return merged;
    }

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public static IEnumerable<RecordInput> Read(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ReadJson(path) : ReadStructures(path);
    }

    public static IEnumerable<RecordInput> ReadJson(string path)
    {
        JsonNode? root = null;
        string? error = null;
        try
        {
            var bytes = File.ReadAllBytes(path);
            var text = bytes.AsSpan().StartsWith(Utf8Bom) ? bytes[Utf8Bom.Length..] : bytes;
            if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            {
                error = "the file is UTF-16 (it starts with a UTF-16 byte order mark); record files are read as UTF-8: save it as UTF-8";
            }
            else if (DuplicateJsonKeys.Find(text) is { } duplicate)
            {
                error = $"line {duplicate.Line}: record {duplicate.Record}: {duplicate.Path}: the key appears twice in one object (which value was meant cannot be known; keep one)";
            }
            else
            {
                root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            }
        }
        catch (JsonException e)
        {
            error = $"not valid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {e.Message.Split(" LineNumber")[0]}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot be read: {e.Message}";
        }

        if (error is not null)
        {
            yield return new RecordInput(path, "file", null, error);
            yield break;
        }

        var items = root switch
        {
            JsonArray a => a.ToList(),
            JsonObject => [root],
            _ => [],
        };
        if (items.Count == 0 && root is not JsonArray)
        {
            yield return new RecordInput(path, "file", null, "expected a record object or an array of them");
        }

        for (var i = 0; i < items.Count; i++)
        {
            yield return items[i] is JsonObject o
                ? new RecordInput(path, $"record {i + 1}", (JsonObject)o.DeepClone())
                : new RecordInput(path, $"record {i + 1}", null, "expected a record object { \"kind\": ..., \"id\": ... }");
        }
    }

    public static IEnumerable<RecordInput> ReadStructures(string path) => ReadStructures(path, StructureLimits.Default);

    /// <summary>The dye documents of a SMILES or SD file; records over <paramref name="limits"/> or malformed as text are read errors.</summary>
    public static IEnumerable<RecordInput> ReadStructures(string path, StructureLimits limits) => ReadStructures(path, limits, SmilesColumns.Auto, null);

    /// <summary>As <see cref="ReadStructures(string, StructureLimits)"/> with the columns of a
    /// SMILES/TSV/CSV file (<see cref="SmilesLayout"/>); <paramref name="rule"/> hears how its lines are read.</summary>
    public static IEnumerable<RecordInput> ReadStructures(string path, StructureLimits limits, SmilesColumns columns, Action<string>? rule) =>
        ReadStructures(path, limits, columns, rule, StructureFieldMap.Default);

    /// <summary>As the other overloads, with SD tags (or header columns) mapped to the dye's fields.</summary>
    public static IEnumerable<RecordInput> ReadStructures(string path, StructureLimits limits, SmilesColumns columns, Action<string>? rule, StructureFieldMap fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var r in StructureFileReader.Read(path, limits, columns, rule).Select(fields.Apply))
        {
            var id = r.Id ?? (r.Fields.TryGetValue("ID", out var fid) ? fid : null);
            if (r.ReadError is not null)
            {
                yield return new RecordInput(path, r.Location, null, r.ReadError);
                continue;
            }

            if (string.IsNullOrWhiteSpace(id))
            {
                yield return new RecordInput(path, r.Location, null, "no id (a SMILES line needs \"SMILES id\", a table with a header an id column (named id, or given with --id-column), an SD record a title or an ID field)");
                continue;
            }

            var doc = new JsonObject { ["kind"] = "dye", ["id"] = id.Trim() };
            doc[r.Format == StructureFormat.Smiles ? "smiles" : "molfile"] = r.Text;
            var properties = new JsonObject();
            var problems = new List<string>();
            var notes = new List<string>();
            foreach (var (key, value) in r.Fields)
            {
                if (QuantityFields.TryGetValue(key.ToUpperInvariant(), out var quantity))
                {
                    // A quantity field: a number (its unit is in the name), or refused: never text.
                    if (FieldQuantities.Parse(value, quantity.Unit) is { } number)
                    {
                        doc[quantity.Field] = doc[quantity.Field] is JsonObject withSource ? Merge(withSource, number) : JsonValue.Create(number);
                    }
                    else
                    {
                        problems.Add($"{key}: '{value}' is not a number in {quantity.Unit} (the unit is in the field's name and values are never converted: give the number in {quantity.Unit})");
                    }

                    continue;
                }

                if (key.EndsWith("_SOURCE", StringComparison.OrdinalIgnoreCase) && QuantityFields.TryGetValue(key[..^7].ToUpperInvariant(), out var sourced))
                {
                    doc[sourced.Field] = doc[sourced.Field] is JsonValue v ? new JsonObject { ["value"] = v.GetValue<double>(), ["source"] = value } : new JsonObject { ["source"] = value };
                    continue;
                }

                if (FieldQuantities.LooksLikeQuantity(value))
                {
                    notes.Add($"properties.{key}: '{value}' is kept as text, not as a quantity (properties are text; a quantity is a number in a field whose name gives its unit)");
                }

                switch (key.ToUpperInvariant())
                {
                    case "ID":
                        break;
                    case "NAME":
                        doc["name"] = value;
                        break;
                    case "SUPPLIER":
                        doc["supplier"] = value;
                        break;
                    case "CATALOG_NUMBER":
                        doc["catalog_number"] = value;
                        break;
                    case "CAS" or "CAS_NUMBER":
                        doc["cas_number"] = value;
                        break;
                    default:
                        properties[key] = value;
                        break;
                }
            }

            if (properties.Count > 0)
            {
                doc["properties"] = properties;
            }

            if (doc["water_solubility_g_per_100g"] is JsonObject q && !q.ContainsKey("value"))
            {
                problems.Add("WATER_SOLUBILITY_G_PER_100G_SOURCE: a source without its WATER_SOLUBILITY_G_PER_100G value");
            }

            yield return problems.Count > 0
                ? new RecordInput(path, r.Location, null, $"{RecordIds.Printable(id.Trim())}: {string.Join("; ", problems)}")
                : new RecordInput(path, r.Location, doc) { Notes = notes };
        }
    }
}
