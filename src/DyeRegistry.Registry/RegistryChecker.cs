using System.Text.Json.Nodes;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Registry;

/// <summary>One problem <c>dyereg check</c> found: the record (null for the store as a whole) and what.</summary>
public sealed record RegistryProblem(string? Id, string What);

/// <summary>
/// <c>dyereg check</c>: the store's own integrity check, then every stored record read on its own
/// (checksum, JSON) and validated as import would (schema, ranges, id, references present and of
/// the right kind, a dye's structure stored). Every problem is reported by id; the check itself
/// changes nothing.
/// </summary>
public sealed class RegistryChecker(IRegistryStore store)
{
    public IEnumerable<RegistryProblem> Check()
    {
        var integrity = store.IntegrityCheck();
        if (integrity != "ok")
        {
            yield return new RegistryProblem(null, $"storage integrity check failed: {integrity}");
        }

        // Two streamed passes (damaged records first, then each sound one validated), so memory
        // stays bounded whatever the registry size; a reference's kind is looked up in the store.
        foreach (var scan in store.Scan())
        {
            if (scan.Record is null)
            {
                yield return new RegistryProblem(scan.Id, scan.Problem!);
            }
        }

        foreach (var scan in store.Scan())
        {
            if (scan.Record is { } record)
            {
                foreach (var problem in Problems(record, KindOf))
                {
                    yield return new RegistryProblem(record.Id, problem);
                }
            }
        }
    }

    // The kind of a sound stored record, or null (absent, or damaged: reported above).
    private RecordKind? KindOf(string id)
    {
        try
        {
            return store.Get(id)?.Kind;
        }
        catch (RegistryException)
        {
            return null;
        }
    }

    private IEnumerable<string> Problems(StoredRecord record, Func<string, RecordKind?> kindOf)
    {
        if (RecordIds.Problem(record.Id) is { } idProblem)
        {
            yield return $"id: {idProblem}";
        }

        if (record.Document["id"] is not JsonValue v || !v.TryGetValue<string>(out var docId) || docId != record.Id)
        {
            yield return "id: the document's id is not the id it is stored under";
        }

        foreach (var error in RecordValidator.Validate(record.Document))
        {
            yield return error.ToString();
        }

        if (ReferenceKinds.Problem(record.Id, record.Document, kindOf) is { } wrongKind)
        {
            yield return wrongKind;
        }

        foreach (var missing in RegistryImporter.References(record.Document).Where(r => kindOf(r) is null))
        {
            yield return $"references {RecordIds.Printable(missing)}, which is not in the registry";
        }

        if (record.Kind == RecordKind.Dye)
        {
            string? problem = null;
            try
            {
                if (store.GetDye(record.Id) is null)
                {
                    problem = "the dye has no stored structure (parent, fingerprints): import it again with --update";
                }
            }
            catch (RegistryException e)
            {
                problem = e.Message;
            }

            if (problem is not null)
            {
                yield return problem;
            }
        }
    }
}
