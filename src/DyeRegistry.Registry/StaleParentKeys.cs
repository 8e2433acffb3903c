using DyeRegistry.Storage;

namespace DyeRegistry.Registry;

/// <summary>A dye whose stored parent (SMILES, duplicate key, set-aside fragments) is not what
/// registration computes today; <paramref name="Current"/> is today's, ready to be stored.
/// <paramref name="SameParentAs"/> names another dye with today's key: the rule now calls the two
/// one parent, which only a person can resolve (merge, or delete one).</summary>
public sealed record StaleParent(string Id, string StoredKey, DyeStructure Current, string? SameParentAs);

/// <summary>
/// Finds and rewrites parents stored under an older standardization rule. A registry keeps each
/// dye's parent and duplicate key as computed when it was imported; dyes stored before metal
/// complexes were registered whole (issue 12) have the parent of their largest ligand and a key
/// that a 1:1 and a 1:2 complex share. Recomputing from the stored record document through
/// <see cref="DyeChemistry.Prepare"/> works on any store, through <see cref="IRegistryStore"/> only.
/// </summary>
public sealed class StaleParentKeys(IRegistryStore store, DyeChemistry chemistry)
{
    /// <summary>Every dye whose stored parent differs from today's (a record that is damaged or no
    /// longer parses is left to <see cref="RegistryChecker"/>, which reports it).</summary>
    public IReadOnlyList<StaleParent> Find()
    {
        var stored = store.Dyes().ToList();
        // Read as the checker reads (a damaged record comes with its problem, not an exception).
        var documents = store.Scan().Where(r => r.Record is not null).ToDictionary(r => r.Id, r => r.Record!.Document, StringComparer.Ordinal);
        var current = new Dictionary<string, DyeStructure>(StringComparer.Ordinal);
        foreach (var dye in stored)
        {
            if (documents.TryGetValue(dye.Id, out var document) && chemistry.Prepare(dye.Id, document) is { Success: true } prepared)
            {
                current[dye.Id] = prepared.Value;
            }
        }

        // Today's key of every dye (the stored one where it could not be recomputed).
        var byKey = stored.ToLookup(d => current.TryGetValue(d.Id, out var c) ? c.ParentKey : d.ParentKey, d => d.Id, StringComparer.Ordinal);
        return stored
            .Where(d => current.TryGetValue(d.Id, out var c) && IsStale(d, c))
            .Select(d =>
            {
                var c = current[d.Id];
                return new StaleParent(d.Id, d.ParentKey, c, byKey[c.ParentKey].FirstOrDefault(other => other != d.Id));
            })
            .ToList();
    }

    /// <summary>Stores today's parent of each dye in one transaction.</summary>
    public void Rewrite(IReadOnlyList<StaleParent> stale)
    {
        ArgumentNullException.ThrowIfNull(stale);
        using var tx = store.Begin();
        foreach (var s in stale)
        {
            tx.PutDye(s.Current);
        }

        tx.Commit();
    }

    private static bool IsStale(DyeStructure stored, DyeStructure current) =>
        stored.ParentKey != current.ParentKey || stored.ParentSmiles != current.ParentSmiles ||
        !stored.RemovedFragments.SequenceEqual(current.RemovedFragments) ||
        // Fingerprints stored before searches compared parents (issue 22) are the record's.
        !stored.PatternFingerprint.AsSpan().SequenceEqual(current.PatternFingerprint) ||
        !stored.MorganFingerprint.AsSpan().SequenceEqual(current.MorganFingerprint);
}
