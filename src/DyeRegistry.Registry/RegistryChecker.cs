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

        var kinds = new Dictionary<string, RecordKind>(StringComparer.Ordinal);
        var records = new List<StoredRecord>();
        foreach (var scan in store.Scan())
        {
            if (scan.Record is null)
            {
                yield return new RegistryProblem(scan.Id, scan.Problem!);
                continue;
            }

            kinds[scan.Id] = scan.Record.Kind;
            records.Add(scan.Record);
        }

        foreach (var record in records)
        {
            foreach (var problem in Problems(record, kinds))
            {
                yield return new RegistryProblem(record.Id, problem);
            }
        }
    }

    private IEnumerable<string> Problems(StoredRecord record, Dictionary<string, RecordKind> kinds)
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

        if (ReferenceKinds.Problem(record.Id, record.Document, id => kinds.TryGetValue(id, out var k) ? k : null) is { } wrongKind)
        {
            yield return wrongKind;
        }

        foreach (var missing in RegistryImporter.References(record.Document).Where(r => !kinds.ContainsKey(r)))
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
