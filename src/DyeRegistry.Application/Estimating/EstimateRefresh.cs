using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Application.Estimating;

/// <summary>
/// Brings the registry's stored estimates in line with a model: every dye and solvent that records
/// no water solubility gets an estimate by this model (one made by another model version is redone),
/// and one that now records a value loses its estimate. Each record in its own transaction, so an
/// interrupted run keeps what it did and a second run finishes it.
/// </summary>
public static class EstimateRefresh
{
    public static EstimateRefreshReport Run(IRegistryStore store, RecordEstimates estimates, Action<string>? problem = null)
    {
        int added = 0, redone = 0, removed = 0, current = 0, failed = 0;
        foreach (var kind in new[] { RecordKind.Dye, RecordKind.Solvent })
        {
            foreach (var record in store.Records(kind))
            {
                var computed = store.Computed(record.Id);
                var existing = computed.FirstOrDefault(q => q.Field == RecordEstimates.SolubilityField && q.Source == ComputedQuantity.Estimated);
                var others = computed.Where(q => q.Field != RecordEstimates.SolubilityField || q.Source != ComputedQuantity.Estimated).ToList();
                IReadOnlyList<ComputedQuantity> replacement;
                if (!RecordEstimates.Wanted(kind, record.Document))
                {
                    if (existing is null)
                    {
                        continue;
                    }

                    replacement = others;
                    removed++;
                }
                else if (existing?.Stamp == estimates.Stamp)
                {
                    current++;
                    continue;
                }
                else
                {
                    var (estimate, why) = estimates.Estimate(kind, record.Document, kind == RecordKind.Dye ? store.GetDye(record.Id) : null);
                    if (estimate is null)
                    {
                        failed++;
                        problem?.Invoke($"{record.Id}: {why}");
                        continue;
                    }

                    replacement = [.. others, estimate];
                    if (existing is null)
                    {
                        added++;
                    }
                    else
                    {
                        redone++;
                    }
                }

                using var tx = store.Begin();
                tx.PutComputed(record.Id, replacement);
                tx.Commit();
            }
        }

        return new EstimateRefreshReport(added, redone, removed, current, failed);
    }
}

/// <summary>What <see cref="EstimateRefresh.Run"/> did: estimates added, redone with the current
/// model, removed (the record now records a value), already current, and records that could not
/// be estimated.</summary>
public sealed record EstimateRefreshReport(int Added, int Redone, int Removed, int Current, int Failed);
