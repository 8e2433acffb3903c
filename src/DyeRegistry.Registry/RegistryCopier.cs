using DyeRegistry.Storage;

namespace DyeRegistry.Registry;

/// <summary>
/// Copies a whole registry into an empty one, whatever the two stores: records with their
/// versions and times, every history entry (deleted records' too) in the order written, dye
/// structures, formula membership and computed values. A copy of a copy is identical.
/// </summary>
public sealed class RegistryCopier(IRegistryStore source, IRegistryStore target)
{
    /// <summary>Copies everything in one transaction on the target (all or nothing); returns the
    /// number of records and of history entries copied. The source is read as it streams (each
    /// table once or twice), so memory stays bounded whatever the registry size.</summary>
    public (int Records, int HistoryEntries) Copy()
    {
        if (target.Records().Any() || target.AllHistory().Any())
        {
            throw new RegistryException($"registry {target.Location} is not empty: migrate copies into an empty registry (nothing was copied)");
        }

        using var tx = target.Begin();
        var records = 0;
        foreach (var record in source.Records())
        {
            tx.Restore(record, RegistryImporter.References(record.Document));
            records++;
        }

        // A dye's parent key belongs to the first dye stored with it: the dyes that are no form of
        // another dye first, then the forms (they reference their parent dye).
        bool IsForm(DyeStructure d) => RegistryImporter.References(source.Get(d.Id)!.Document).Any(r => source.GetDye(r) is not null);
        foreach (var form in new[] { false, true })
        {
            foreach (var dye in source.Dyes().Where(d => IsForm(d) == form))
            {
                tx.PutDye(dye);
            }
        }

        foreach (var record in source.Records())
        {
            if (source.Computed(record.Id) is { Count: > 0 } computed)
            {
                tx.PutComputed(record.Id, computed);
            }
        }

        var history = 0;
        foreach (var change in source.AllHistory())
        {
            tx.RestoreHistory(change);
            history++;
        }

        tx.Commit();
        return (records, history);
    }
}
