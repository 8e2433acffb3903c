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
    /// <remarks>One walk over the dyes and their records together (both in id order), holding one
    /// dye at a time and only the stale ones after it: memory grows with what changed, not with the
    /// registry. Today's key of a dye that is not stale is its stored one, so the other dyes with a
    /// stale dye's new key are the stored ones with it (by the key's index) and the stale ones.</remarks>
    public IReadOnlyList<StaleParent> Find()
    {
        var stale = new List<(DyeStructure Stored, DyeStructure Current)>();
        // Read as the checker reads (a damaged record comes with its problem, not an exception).
        using (var records = store.Scan(Storage.Records.RecordKind.Dye).Where(r => r.Record is not null).GetEnumerator())
        {
            var more = records.MoveNext();
            foreach (var dye in store.Dyes())
            {
                while (more && string.CompareOrdinal(records.Current.Id, dye.Id) < 0)
                {
                    more = records.MoveNext();
                }

                if (more && records.Current.Id == dye.Id && chemistry.Prepare(dye.Id, records.Current.Record!.Document) is { Success: true } prepared && IsStale(dye, prepared.Value))
                {
                    stale.Add((dye, prepared.Value));
                }
            }
        }

        var staleIds = stale.Select(s => s.Stored.Id).ToHashSet(StringComparer.Ordinal);
        return stale.Select(s =>
        {
            var key = s.Current.ParentKey;
            var others = store.ExactCandidates(key).Where(d => d.ParentKey == key && !staleIds.Contains(d.Id)).Select(d => d.Id)
                .Concat(stale.Where(o => o.Current.ParentKey == key).Select(o => o.Stored.Id))
                .Where(id => id != s.Stored.Id)
                .Order(StringComparer.Ordinal);
            return new StaleParent(s.Stored.Id, s.Stored.ParentKey, s.Current, others.FirstOrDefault());
        }).ToList();
    }

    /// <summary>Stores today's parent of each dye in one transaction, except the dyes today's rule
    /// makes one parent with another (<see cref="StaleParent.SameParentAs"/>): the unique parent key
    /// refuses them, and only a person can resolve them. A dye whose new key another stale dye still
    /// holds is written after that dye (which gives the key up), so the order of the list does not
    /// matter.</summary>
    /// <returns>The dyes rewritten.</returns>
    public IReadOnlyList<StaleParent> Rewrite(IReadOnlyList<StaleParent> stale)
    {
        ArgumentNullException.ThrowIfNull(stale);
        var todo = stale.Where(s => s.SameParentAs is null).ToList();
        var ordered = new List<StaleParent>(todo.Count);
        while (todo.Count > 0)
        {
            var held = todo.Select(s => s.StoredKey).ToHashSet(StringComparer.Ordinal);
            var free = todo.Where(s => !held.Contains(s.Current.ParentKey) || s.StoredKey == s.Current.ParentKey).ToList();
            if (free.Count == 0)
            {
                free = todo; // keys passed round in a cycle: the store's unique key refuses it, nothing is written
            }

            ordered.AddRange(free);
            todo = todo.Except(free).ToList();
        }

        using var tx = store.Begin();
        foreach (var s in ordered)
        {
            tx.PutDye(s.Current);
        }

        tx.Commit();
        return ordered;
    }

    private static bool IsStale(DyeStructure stored, DyeStructure current) =>
        stored.ParentKey != current.ParentKey || stored.ParentSmiles != current.ParentSmiles ||
        !stored.RemovedFragments.SequenceEqual(current.RemovedFragments) ||
        // Fingerprints stored before searches compared parents (issue 22) are the record's.
        !stored.PatternFingerprint.AsSpan().SequenceEqual(current.PatternFingerprint) ||
        !stored.MorganFingerprint.AsSpan().SequenceEqual(current.MorganFingerprint);
}
