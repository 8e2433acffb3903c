using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DyeRegistry.Application.Rendering;
using DyeRegistry.Chemistry;
using DyeRegistry.Storage;

namespace DyeRegistry.Application.Records;

/// <summary>
/// <c>dyereg export --format sdf|csv</c> (json is the record array itself, which imports again
/// unchanged). SDF: dyes only, one molblock each with the id as its title line and every field
/// as an SD tag (ID, NAME, VERSION, PARENT_SMILES, then each other field by its upper-case name;
/// a field holding an object with a value and a source, such as a solubility, gives NAME and
/// NAME_SOURCE; properties give one tag each); <c>dyereg import</c> reads it back. CSV: one row
/// per record, id, kind, version, name, smiles, parent_smiles, then every other field of any
/// record (objects as <c>field.sub</c>, lists as compact JSON), so pandas, KNIME or a spreadsheet
/// reads it directly.
/// </summary>
public static class RecordExport
{
    private static readonly string[] Leading = ["id", "kind", "version", "name", "smiles", "parent_smiles"];

    /// <summary>Writes the dyes among <paramref name="records"/> as SDF; returns how many were not
    /// dyes (not written: SDF holds structures).</summary>
    public static int WriteSdf(TextWriter o, IRegistryStore store, IEnumerable<JsonNode?> records)
    {
        var skipped = 0;
        foreach (var record in records.OfType<JsonObject>())
        {
            if (record["kind"]?.GetValue<string>() != "dye")
            {
                skipped++;
                continue;
            }

            var id = record["id"]!.GetValue<string>();
            using var mol = record["smiles"] is JsonValue s ? Molecule.FromSmiles(s.GetValue<string>()) : Molecule.FromMolBlock(record["molfile"]!.GetValue<string>());
            var block = mol.ToMolBlock();
            // The title line is the id (RDKit writes the molecule's name there, empty here).
            var firstLine = block.IndexOf('\n', StringComparison.Ordinal);
            o.Write(OneLine(id));
            o.Write(block[firstLine..]);
            if (!block.EndsWith('\n'))
            {
                o.Write('\n');
            }

            foreach (var (name, value) in Fields(record, store))
            {
                if (name is "smiles" or "molfile" or "kind")
                {
                    continue;
                }

                o.Write($"> <{name.ToUpperInvariant()}>\n{OneLine(value)}\n\n");
            }

            o.Write("$$$$\n");
        }

        return skipped;
    }

    /// <summary>Writes every record as one CSV row under a header naming every field.</summary>
    public static void WriteCsv(TextWriter o, IRegistryStore store, JsonArray records) => WriteCsv(o, store, () => records);

    /// <summary>As <see cref="WriteCsv(TextWriter, IRegistryStore, JsonArray)"/>, reading the records
    /// twice as they stream (once for the columns, once for the rows), so only one record is held
    /// at a time whatever the registry size.</summary>
    public static void WriteCsv(TextWriter o, IRegistryStore store, Func<IEnumerable<JsonNode?>> records)
    {
        var others = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var record in records().OfType<JsonObject>())
        {
            foreach (var (name, _) in Fields(record, store))
            {
                if (!Leading.Contains(name) && name != "molfile")
                {
                    others.Add(name);
                }
            }
        }

        var columns = Leading.Concat(others).ToList();
        o.WriteLine(string.Join(",", columns.Select(MatchCsv.Quote)));
        foreach (var record in records().OfType<JsonObject>())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in Fields(record, store))
            {
                row[name] = value;
            }

            o.WriteLine(string.Join(",", columns.Select(c => MatchCsv.Quote(row.GetValueOrDefault(c) ?? string.Empty))));
        }
    }

    /// <summary>Writes the records as one indented JSON array, exactly as the array itself prints
    /// with <see cref="JsonText.Pretty"/>, one record at a time.</summary>
    public static void WriteJson(TextWriter o, IEnumerable<JsonNode?> records)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JsonText.Pretty.Encoder }))
        {
            void Drain()
            {
                writer.Flush();
                o.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                buffer.SetLength(0);
            }

            writer.WriteStartArray();
            foreach (var record in records)
            {
                if (record is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    record.WriteTo(writer, JsonText.Pretty);
                }

                Drain();
            }

            writer.WriteEndArray();
            Drain();
        }

        o.WriteLine();
    }

    // A record's fields, flattened: version and the dye's parent from the store, then the
    // document's fields in order (an object's scalar members as field.member, a value with a
    // source as field and field_source, lists as compact JSON).
    private static IEnumerable<(string Name, string Value)> Fields(JsonObject record, IRegistryStore store)
    {
        var id = record["id"]!.GetValue<string>();
        yield return ("id", id);
        if (store.Get(id) is { } stored)
        {
            yield return ("version", stored.Version.ToString(CultureInfo.InvariantCulture));
        }

        if (record["kind"]?.GetValue<string>() == "dye")
        {
            var dye = store.GetDye(id);
            if (record["smiles"] is null && record["molfile"] is JsonValue m)
            {
                using var mol = Molecule.FromMolBlock(m.GetValue<string>());
                yield return ("smiles", mol.ToSmiles());
            }

            if (dye is not null)
            {
                yield return ("parent_smiles", dye.ParentSmiles);
            }
        }

        foreach (var (name, node) in record)
        {
            if (name == "id")
            {
                continue;
            }

            foreach (var field in Flatten(name, node))
            {
                yield return field;
            }
        }
    }

    private static IEnumerable<(string Name, string Value)> Flatten(string name, JsonNode? node)
    {
        switch (node)
        {
            case null:
                yield return (name, string.Empty);
                break;
            case JsonObject o when name == "properties":
                foreach (var (k, v) in o)
                {
                    yield return (k, Scalar(v));
                }

                break;
            case JsonObject o when o.ContainsKey("value") && o.All(kv => kv.Value is JsonValue):
                yield return (name, Scalar(o["value"]));
                foreach (var (k, v) in o.Where(kv => kv.Key != "value"))
                {
                    yield return ($"{name}_{k}", Scalar(v));
                }

                break;
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    foreach (var inner in Flatten($"{name}.{k}", v))
                    {
                        yield return inner;
                    }
                }

                break;
            default:
                yield return (name, Scalar(node));
                break;
        }
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(JsonText.Compact),
    };

    private static string OneLine(string text) => text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
