using System.Globalization;
using System.Text.Json.Nodes;
using DyeRegistry.Storage.Records;
using Microsoft.Data.Sqlite;

namespace DyeRegistry.Storage.Sqlite;

public sealed partial class SqliteRegistryStore
{
    public StoredRecord? Get(string id) => GetRecord(id, null);

    public IReadOnlyList<StoredRecord> List(RecordKind? kind = null)
    {
        using var cmd = kind is null
            ? Command("SELECT id, kind, version, document, updated_utc FROM records ORDER BY id", null)
            : Command("SELECT id, kind, version, document, updated_utc FROM records WHERE kind = $kind ORDER BY id", null, ("$kind", RecordSchema.KindText(kind.Value)));
        using var reader = cmd.ExecuteReader();
        var list = new List<StoredRecord>();
        while (reader.Read())
        {
            list.Add(ReadRecord(reader));
        }

        return list;
    }

    public IReadOnlyList<RecordChange> History(string id)
    {
        using var cmd = Command("SELECT id, version, change, previous_document, document, at_utc FROM record_history WHERE id = $id ORDER BY rowid", null, ("$id", id));
        using var reader = cmd.ExecuteReader();
        var list = new List<RecordChange>();
        while (reader.Read())
        {
            list.Add(new RecordChange(reader.GetString(0), reader.GetInt32(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture)));
        }

        return list;
    }

    public IReadOnlyList<string> ReferencedBy(string id)
    {
        using var cmd = Command("SELECT from_id FROM record_references WHERE to_id = $id ORDER BY from_id", null, ("$id", id));
        using var reader = cmd.ExecuteReader();
        var list = new List<string>();
        while (reader.Read())
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }

    public string? DyeWithParentKey(string parentKey) =>
        Scalar("SELECT id FROM dye_structures WHERE parent_key = $key ORDER BY id LIMIT 1", null, ("$key", parentKey)) as string;

    public DyeStructure? GetDye(string id)
    {
        using var cmd = Command(DyeSelect + " WHERE id = $id", null, ("$id", id));
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? ReadDye(reader) : null;
    }

    public IEnumerable<DyeStructure> Dyes()
    {
        using var cmd = Command(DyeSelect + " ORDER BY id", null);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadDye(reader);
        }
    }

    public IReadOnlyList<ComputedQuantity> Computed(string id)
    {
        using var cmd = Command("SELECT field, value, unit, method FROM computed_quantities WHERE id = $id ORDER BY field", null, ("$id", id));
        using var reader = cmd.ExecuteReader();
        var list = new List<ComputedQuantity>();
        while (reader.Read())
        {
            list.Add(new ComputedQuantity(reader.GetString(0), reader.GetDouble(1), reader.GetString(2), reader.GetString(3)));
        }

        return list;
    }

    private const string DyeSelect = "SELECT id, parent_smiles, parent_key, removed_fragments, record_pickle, pattern_fp, morgan_fp, within, formula_stamp FROM dye_structures";

    internal StoredRecord? GetRecord(string id, SqliteTransaction? tx)
    {
        using var cmd = Command("SELECT id, kind, version, document, updated_utc FROM records WHERE id = $id", tx, ("$id", id));
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? ReadRecord(reader) : null;
    }

    private static StoredRecord ReadRecord(SqliteDataReader reader) => new(
        reader.GetString(0),
        RecordSchema.ParseKind(reader.GetString(1)) ?? throw new RegistryException($"record {reader.GetString(0)} has unknown kind {reader.GetString(1)}"),
        reader.GetInt32(2),
        JsonNode.Parse(reader.GetString(3))!.AsObject(),
        DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture));

    private static DyeStructure ReadDye(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), Strings(r.GetString(3)),
        (byte[])r[4], (byte[])r[5], (byte[])r[6], Strings(r.GetString(7)), r.GetString(8));
}
