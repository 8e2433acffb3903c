using System.Text.Json.Nodes;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Accounts;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Registry;

/// <summary>
/// Imports record documents: validation, dangling references, identity (an identical record
/// changes nothing; a different one under an existing id is an error unless updating), dye
/// duplicates (same standardized parent under another id), each record in its own transaction
/// (or all in one with <see cref="ImportOptions.Atomic"/>). A failing record never leaves anything
/// half-written; a batch reports every failure and imports the rest.
/// </summary>
/// <remarks><see cref="Prepare"/> needs no store and is thread-safe (run it in parallel);
/// <see cref="Import"/> applies prepared records in order on one thread.</remarks>
public sealed class RegistryImporter(IRegistryStore store, DyeChemistry chemistry)
{
    /// <summary>Order in which kinds are applied within one file: what inks reference comes first.</summary>
    public static int KindRank(RecordInput input) =>
        RecordSchema.ParseKind(input.Document?["kind"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? input.Document!["kind"]!.GetValue<string>() : null) switch
        {
            RecordKind.Ink => 2,
            RecordKind.Medium => 1,
            _ => 0,
        };

    /// <summary>Marks inputs the registry already holds identically, so <see cref="Prepare"/> skips
    /// their chemistry. Reads the store: call it on the thread that applies, outside a transaction.</summary>
    /// <remarks>The stored records are read <see cref="MarkBatch"/> inputs at a time, in one read
    /// each (a PostgreSQL registry: one round trip instead of one per record).</remarks>
    public IEnumerable<RecordInput> MarkStored(IEnumerable<RecordInput> inputs)
    {
        foreach (var chunk in inputs.Chunk(MarkBatch))
        {
            var ids = chunk.Where(i => i.Id is not null && i.Document is not null).Select(i => i.Id!).ToList();
            var stored = (ids.Count == 0 ? [] : store.GetMany(ids)).ToDictionary(r => r.Id, StringComparer.Ordinal);
            foreach (var input in chunk)
            {
                yield return input.Id is { } id && input.Document is { } doc && stored.TryGetValue(id, out var record) && SameRecord(record.Document, doc)
                    ? input with { StoredIdentically = true }
                    : input;
            }
        }
    }

    /// <summary>How many inputs <see cref="MarkStored"/> looks up together.</summary>
    public const int MarkBatch = 64;

    public PreparedRecord Prepare(RecordInput input) => PrepareWith(input, null);

    /// <summary>As <see cref="Prepare"/>; a dye's <paramref name="atParent"/> runs on its structure
    /// and standardized parent while they are at hand (<see cref="DyeChemistry.PrepareWith"/>).</summary>
    public PreparedRecord PrepareWith(RecordInput input, ParentWork? atParent)
    {
        if (input.Document is null)
        {
            return new PreparedRecord(input, null, [input.ReadError ?? "unreadable record"], null);
        }

        var errors = RecordValidator.Validate(input.Document).Select(e => e.ToString()).ToList();
        var kind = RecordSchema.ParseKind(input.Document["kind"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? input.Document["kind"]!.GetValue<string>() : null);
        DyeStructure? dye = null;
        if (errors.Count == 0 && kind == RecordKind.Dye && !input.StoredIdentically)
        {
            var prepared = chemistry.PrepareWith(input.Id!, input.Document, atParent);
            if (prepared.Success)
            {
                dye = prepared.Value;
            }
            else
            {
                errors.Add($"{(input.Document.ContainsKey("smiles") ? "smiles" : "molfile")}: cannot be read: {prepared.Error.Reason}");
            }
        }

        IReadOnlyList<ComputedQuantity> computed = [];
        IReadOnlyList<string> notes = [];
        if (errors.Count == 0 && kind == RecordKind.Medium)
        {
            try
            {
                (computed, notes) = MediumQuantities.Compute(input.Document, input.Where);
            }
            catch (Pores.Isotherms.IsothermFormatException e)
            {
                errors.Add($"ink_receiving_layer: {e.Message}");
            }
        }

        return new PreparedRecord(input, kind, errors, dye) { Computed = computed, Notes = [.. input.Notes, .. notes] };
    }

    /// <summary>Applies prepared records. A storage failure (disk full, damaged file) stops the
    /// import at that record, reported with <see cref="ImportOutcome.StoppedBatch"/>: every record
    /// reported created or updated before it is stored, it and the rest are not.</summary>
    public IReadOnlyList<ImportOutcome> Import(IEnumerable<PreparedRecord> records, ImportOptions options, Action<ImportOutcome>? progress = null)
    {
        var outcomes = new List<ImportOutcome>();
        if (options.DryRun)
        {
            return Rehearse(records, options, progress);
        }

        if (options.Atomic)
        {
            PreparedRecord? current = null;
            try
            {
                using var tx = store.Begin();
                foreach (var r in records)
                {
                    current = r;
                    var outcome = Apply(r, options, tx);
                    outcomes.Add(outcome);
                    progress?.Invoke(outcome);
                }

                if (outcomes.All(o => o.Status != ImportStatus.Failed))
                {
                    tx.Commit();
                    return outcomes;
                }
            }
            catch (RegistryException e)
            {
                var failed = new ImportOutcome(current?.Input ?? new RecordInput("(registry)", "commit", null), ImportStatus.Failed, null, $"not stored: {e.Message}") { StoppedBatch = true };
                progress?.Invoke(failed);
                return [.. NotImported(outcomes, "not imported: the atomic batch failed in storage"), failed];
            }

            // Nothing is written: every record of the batch is reported as not imported.
            return NotImported(outcomes, "not imported: the atomic batch had failures");
        }

        foreach (var outcome in ImportEach(records, options))
        {
            outcomes.Add(outcome);
            progress?.Invoke(outcome);
        }

        return outcomes;
    }

    /// <summary>As <see cref="Import"/> without <see cref="ImportOptions.Atomic"/> or
    /// <see cref="ImportOptions.DryRun"/>: each record applied in its own transaction, its outcome
    /// handed out as it is stored and kept by no one here, so a file of any size imports in bounded
    /// memory. A storage failure ends the outcomes with one that has <see cref="ImportOutcome.StoppedBatch"/>.</summary>
    public IEnumerable<ImportOutcome> ImportEach(IEnumerable<PreparedRecord> records, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Atomic || options.DryRun)
        {
            throw new ArgumentException("an atomic import or a dry run decides on every record at the end: use Import");
        }

        foreach (var r in records)
        {
            ImportOutcome outcome;
            var stopped = false;
            try
            {
                outcome = ApplyAlone(r, options);
            }
            catch (RegistryException e)
            {
                outcome = new ImportOutcome(r.Input, ImportStatus.Failed, null, $"not stored: {e.Message}") { StoppedBatch = true };
                stopped = true;
            }

            yield return outcome;
            if (stopped)
            {
                yield break;
            }
        }
    }

    // Every record applied in one transaction that is rolled back: later records see earlier ones
    // (a duplicate within the file shows as one), and nothing is written.
    private List<ImportOutcome> Rehearse(IEnumerable<PreparedRecord> records, ImportOptions options, Action<ImportOutcome>? progress)
    {
        var outcomes = new List<ImportOutcome>();
        using var tx = store.Begin();
        foreach (var r in records)
        {
            ImportOutcome outcome;
            try
            {
                outcome = Apply(r, options, tx);
            }
            catch (RegistryException e)
            {
                outcome = new ImportOutcome(r.Input, ImportStatus.Failed, null, $"not stored: {e.Message}");
            }

            outcomes.Add(outcome);
            progress?.Invoke(outcome);
        }

        return outcomes; // disposed uncommitted: rolled back
    }

    // One record in its own transaction. Another writer may register the same parent (or create
    // the same id) between this one's checks and its write: the store's unique keys refuse the
    // second, which is rolled back and applied again, now seeing the first (a duplicate, a form,
    // or the same record unchanged).
    private ImportOutcome ApplyAlone(PreparedRecord r, ImportOptions options)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var tx = store.Begin();
                var outcome = Apply(r, options, tx);
                if (outcome.Status is ImportStatus.Created or ImportStatus.Updated)
                {
                    tx.Commit();
                }

                return outcome;
            }
            catch (ConcurrentWriteException) when (attempt < 3)
            {
                // rolled back: apply again, seeing the other writer's change
            }
            catch (VersionConflictException e)
            {
                return new ImportOutcome(r.Input, ImportStatus.Failed, null, e.Message) { VersionConflict = true };
            }
        }
    }

    private static List<ImportOutcome> NotImported(List<ImportOutcome> outcomes, string why) =>
        outcomes.Select(o => o.Status is ImportStatus.Created or ImportStatus.Updated
            ? o with { Status = ImportStatus.Failed, Version = null, Message = why }
            : o).ToList();

    private ImportOutcome Apply(PreparedRecord r, ImportOptions options, IRegistryTransaction tx)
    {
        if (!r.Valid)
        {
            return new ImportOutcome(r.Input, ImportStatus.Failed, null, string.Join("; ", r.Errors));
        }

        var id = r.Input.Id!;
        var document = r.Input.Document!;
        var references = References(document);
        var resolvedNotes = new List<string>();
        // A reference to a dye of this batch that was reported a duplicate of a registered dye
        // resolves to that dye (the same parent), said in the outcome.
        foreach (var x in references.Where(x => x != id && tx.Get(x) is null && duplicatesInBatch.ContainsKey(x)).Distinct().ToList())
        {
            var registered = duplicatesInBatch[x];
            document = WithReference(document, x, registered);
            resolvedNotes.Add($"components: {x} (in this import) is a duplicate of {registered}, registered with the same parent: the reference is stored as {registered}");
        }

        references = References(document);
        var dangling = references.Where(x => x != id && tx.Get(x) is null).ToList();
        if (dangling.Count > 0)
        {
            return new ImportOutcome(r.Input, ImportStatus.Failed, null, $"components: references {string.Join(", ", dangling)}, which {(dangling.Count == 1 ? "is" : "are")} not registered (import it first or in the same file)");
        }

        if (ReferenceKinds.Problem(id, document, x => tx.Get(x)?.Kind) is { } wrongKind)
        {
            return new ImportOutcome(r.Input, ImportStatus.Failed, null, wrongKind);
        }

        // A form points at its parent dye, never at another form.
        if (r.Kind == RecordKind.Dye && document["parent"] is JsonValue pv && pv.TryGetValue<string>(out var declared) && declared != id
            && tx.Get(declared)?.Document["parent"] is JsonValue gv && gv.TryGetValue<string>(out var grand))
        {
            return new ImportOutcome(r.Input, ImportStatus.Failed, null, $"parent: {declared} is itself a form of {grand}; a form names the parent dye, never a form: use \"parent\": \"{grand}\"");
        }

        var existing = tx.Get(id);
        if (options.IfVersion is { } expected && existing?.Version != expected)
        {
            return new ImportOutcome(r.Input, ImportStatus.Failed, null, new VersionConflictException(id, expected, existing?.Version).Message) { VersionConflict = true };
        }

        if (existing is not null)
        {
            if (existing.Kind != r.Kind)
            {
                return new ImportOutcome(r.Input, ImportStatus.Failed, null, $"id: '{id}' is registered as a {RecordSchema.KindText(existing.Kind)}, not a {RecordSchema.KindText(r.Kind!.Value)}");
            }

            if (SameRecord(existing.Document, document))
            {
                return new ImportOutcome(r.Input, ImportStatus.Unchanged, existing.Version, null);
            }

            if (!options.Update)
            {
                return new ImportOutcome(r.Input, ImportStatus.Failed, null, $"id: a different {RecordSchema.KindText(existing.Kind)} is registered as '{id}' (version {existing.Version}); use --update to replace it");
            }
        }

        string? message = null;
        string? formOf = null;
        string? overridden = null; // for the audit: how the duplicate check was overridden
        if (r.Dye is { } dye)
        {
            var other = RootOf(tx, tx.DyeWithParentKey(dye.ParentKey, id), id);
            var declaredParent = document["parent"]?.GetValue<string>();
            var distinctFrom = DistinctFrom(document);
            if (other is not null && declaredParent != other && distinctFrom == other)
            {
                // A registrar's override: a unique dye beside the registered one, with the reason.
                message = $"registered as a unique dye beside {other} (same standardized parent): {document["distinct_from"]!["reason"]}";
                overridden = $"registered as unique beside {other}: {document["distinct_from"]!["reason"]}";
            }
            else if (other is not null && declaredParent != other)
            {
                if (!options.AsForm)
                {
                    duplicatesInBatch[id] = other;
                    return new ImportOutcome(r.Input, ImportStatus.Duplicate, null, DuplicateReport.Describe(id, document, r.Dye, other, tx.Get(other)));
                }

                document = (JsonObject)document.DeepClone();
                document["parent"] = other;
                references = [.. references, other];
                message = $"registered as a form of {other}";
                formOf = other;
                overridden = $"added as a form of {other}";
            }
        }

        var version = tx.Put(id, r.Kind!.Value, document, references, options.IfVersion);
        if (options.Audit is { } audit)
        {
            tx.AddAudit(new AuditEntry(0, id, version, existing is null ? "created" : "updated", audit.User, audit.RequestId, DateTimeOffset.UtcNow, audit.ReasonText(overridden)));
        }

        if (r.Dye is not null)
        {
            tx.PutDye(r.Dye);
        }

        tx.PutComputed(id, r.Computed);
        // Estimates are stored quietly (every new dye gets one; dyereg show lists them).
        var computedFromRecord = r.Computed.Where(q => q.Source == ComputedQuantity.Computed).ToList();
        if (computedFromRecord.Count > 0 || r.Notes.Count > 0 || resolvedNotes.Count > 0)
        {
            var computedText = string.Join(", ", computedFromRecord.Select(q => $"{q.Field} = {q.Value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} {q.Unit} (computed)"));
            message = string.Join("; ", new[] { message, computedText }.Concat(r.Notes).Concat(resolvedNotes).Where(x => !string.IsNullOrEmpty(x)));
        }

        return new ImportOutcome(r.Input, existing is null ? ImportStatus.Created : ImportStatus.Updated, version, message) { FormOf = formOf };
    }

    // Dyes of the batch being imported reported as duplicates: their id, and the registered dye
    // with the same parent (references to them resolve to it).
    private readonly Dictionary<string, string> duplicatesInBatch = new(StringComparer.Ordinal);

    // The dye a form belongs to: the dye holding a parent key may itself be a form (the store
    // names one of the dyes with the key); a form's parent is followed to the dye that is none.
    private static string? RootOf(IRegistryTransaction tx, string? dyeId, string self)
    {
        for (var hops = 0; dyeId is not null && hops < 8; hops++)
        {
            if (tx.Get(dyeId)?.Document["parent"] is JsonValue p && p.TryGetValue<string>(out var parent) && parent != dyeId && parent != self)
            {
                dyeId = parent;
            }
            else
            {
                break;
            }
        }

        return dyeId;
    }

    private static JsonObject WithReference(JsonObject document, string from, string to)
    {
        var copy = (JsonObject)document.DeepClone();
        foreach (var c in (copy["components"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (c["ref"] is JsonValue r && r.TryGetValue<string>(out var id) && id == from)
            {
                c["ref"] = to;
            }
        }

        return copy;
    }

    /// <summary>The stored record is the input: identical, or identical but for the <c>parent</c>
    /// the registry assigned when it registered the input as a form of an existing dye.</summary>
    private static bool SameRecord(JsonObject stored, JsonObject input)
    {
        if (JsonNode.DeepEquals(stored, input))
        {
            return true;
        }

        if (input.ContainsKey("parent") || !stored.ContainsKey("parent"))
        {
            return false;
        }

        var withoutParent = (JsonObject)stored.DeepClone();
        withoutParent.Remove("parent");
        return JsonNode.DeepEquals(withoutParent, input);
    }

    /// <summary>The ids a document references: its ink components and a dye's parent.</summary>
    internal static List<string> References(JsonObject document)
    {
        var list = new List<string>();
        if (document["components"] is JsonArray components)
        {
            // Text refs only: a stored document that breaks the schema is still read (dyereg check).
            list.AddRange(components.OfType<JsonObject>().Select(c => c["ref"] is JsonValue r && r.TryGetValue<string>(out var id) ? id : null).OfType<string>());
        }

        if (document["parent"] is JsonValue p && p.TryGetValue<string>(out var parent))
        {
            list.Add(parent);
        }

        // A unique dye beside a registered one refers to it (the store then accepts the shared parent key).
        if (DistinctFrom(document) is { } distinct)
        {
            list.Add(distinct);
        }

        return list;
    }

    /// <summary>The dye named by <c>distinct_from.dye</c> (registered as unique beside it), or null.</summary>
    public static string? DistinctFrom(JsonObject document) =>
        document["distinct_from"] is JsonObject d && d["dye"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;
}
