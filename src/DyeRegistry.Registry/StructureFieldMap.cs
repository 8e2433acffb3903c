using DyeRegistry.Chemistry.IO;

namespace DyeRegistry.Registry;

/// <summary>
/// Which SD tag (or, for a table with a header line, which column) holds a dye's id, name,
/// supplier, catalogue number and CAS number, when the file does not use the names import knows
/// (ID, NAME, SUPPLIER, CATALOG_NUMBER, CAS). Each is a field name as the file spells it
/// (case-insensitive); null keeps the default. The bulk upload page's mapping step fills it.
/// </summary>
public sealed record StructureFieldMap(string? Id = null, string? Name = null, string? Supplier = null, string? CatalogNumber = null, string? Cas = null)
{
    public static readonly StructureFieldMap Default = new();

    /// <summary>The record with the mapped fields renamed to the names import reads; a mapped id
    /// replaces the title or id column.</summary>
    public StructureRecord Apply(StructureRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (this == Default || record.ReadError is not null)
        {
            return record;
        }

        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var targets = new[] { (Id, "ID"), (Name, "NAME"), (Supplier, "SUPPLIER"), (CatalogNumber, "CATALOG_NUMBER"), (Cas, "CAS_NUMBER") }.Where(t => t.Item1 is not null).ToList();
        foreach (var (key, value) in record.Fields)
        {
            var target = targets.FirstOrDefault(t => string.Equals(t.Item1, key, StringComparison.OrdinalIgnoreCase)).Item2;
            if (target is null && targets.Any(t => string.Equals(t.Item2, key, StringComparison.OrdinalIgnoreCase)))
            {
                continue; // a field already named like a mapped target is replaced by the mapped one
            }

            renamed[target ?? key] = value;
        }

        var id = Id is null ? record.Id : renamed.TryGetValue("ID", out var mapped) ? mapped : null;
        return record with { Id = id, Fields = renamed };
    }
}
