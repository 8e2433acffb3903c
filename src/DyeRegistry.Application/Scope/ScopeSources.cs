using System.Text.Json.Nodes;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Registry;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Application.Scope;

/// <summary>
/// Finds the records a claim chart needs: in record files (<c>--ink-file</c>, <c>--medium-file</c>:
/// records.md documents, validated as import validates them, a medium's A and Y computed from its
/// isotherm or curve as import computes them) and in the registry (opened only when a record is
/// not in the files). A record in a file wins over a registered one with the same id, and says so.
/// </summary>
public sealed class ScopeSources : IDisposable
{
    private readonly string registryPath;
    private readonly Func<string, IRegistryStore> open;
    private readonly IReadOnlyList<string> files;
    private readonly Dictionary<string, ScopeRecord> fromFiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> fileOf = new(StringComparer.Ordinal);
    private IRegistryStore? store;

    /// <summary>Records from <c>files</c>, else from the registry at <c>registryPath</c>, opened by
    /// <c>open</c> only when needed; with <c>estimates</c>, dyes and solvents in the files that record
    /// no water solubility get an estimate, as import gives them.</summary>
    public ScopeSources(string registryPath, Func<string, IRegistryStore> open, IReadOnlyList<string> files, Estimating.RecordEstimates? estimates = null)
    {
        this.registryPath = registryPath;
        this.open = open;
        this.files = files;
        ReadFiles(estimates);
    }

    public IReadOnlyCollection<ScopeRecord> FileRecords => fromFiles.Values;

    public IRegistryStore Store => store ??= open(registryPath);

    /// <summary>The record with this id, of this kind: from the files, else the registry.</summary>
    public ScopeRecord Get(string id, RecordKind kind)
    {
        var record = fromFiles.TryGetValue(id, out var r) ? r : TryRegistry(id) ?? throw new ArgumentException(
            $"no record '{id}' in {(files.Count == 0 ? string.Empty : string.Join(", ", files.Distinct()) + " or ")}the registry {registryPath}{(File.Exists(registryPath) ? string.Empty : " (which does not exist)")}");
        return record.Kind == kind ? record : throw new ArgumentException($"record '{id}' is a {RecordSchema.KindText(record.Kind)}, not a {RecordSchema.KindText(kind)}");
    }

    /// <summary>The only record of this kind in <paramref name="file"/>, or null when there is none (or no file); an error when several.</summary>
    public ScopeRecord? OnlyIn(string? file, RecordKind kind, string option)
    {
        if (file is null)
        {
            return null;
        }

        var all = fromFiles.Values.Where(r => r.Kind == kind && fileOf[r.Id] == file).ToList();
        return all.Count switch
        {
            0 => null,
            1 => all[0],
            _ => throw new ArgumentException($"{option} holds {all.Count} {RecordSchema.KindText(kind)} records ({string.Join(", ", all.Select(r => r.Id))}): name one with --{RecordSchema.KindText(kind)} ID"),
        };
    }

    /// <summary>The subject: the medium, the ink if any, and every record the ink's components reference that can be found.</summary>
    public ScopeSubject Subject(ScopeRecord medium, ScopeRecord? ink)
    {
        var components = new Dictionary<string, ScopeRecord>(StringComparer.Ordinal);
        foreach (var c in (ink?.Document["components"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (c["ref"]?.GetValue<string>() is { } id && !components.ContainsKey(id))
            {
                var r = fromFiles.TryGetValue(id, out var f) ? f : TryRegistry(id);
                if (r is not null)
                {
                    components[id] = r;
                }
            }
        }

        return new ScopeSubject(medium, ink, components);
    }

    /// <summary>Every registered record of this kind (the portfolio matrix).</summary>
    public IReadOnlyList<ScopeRecord> AllInRegistry(RecordKind kind) => Store.List(kind).Select(Convert).ToList();

    public void Dispose() => store?.Dispose();

    private ScopeRecord? TryRegistry(string id) => File.Exists(registryPath) || store is not null ? FromRegistry(id) : null;

    private ScopeRecord? FromRegistry(string id) => Store.Get(id) is { } stored ? Convert(stored) : null;

    private ScopeRecord Convert(StoredRecord stored) =>
        new(stored.Id, stored.Kind, stored.Document, stored.Version, $"registry {Store.Location}", Store.Computed(stored.Id));

    private void ReadFiles(Estimating.RecordEstimates? estimates)
    {
        var problems = new List<string>();
        foreach (var file in files.Distinct())
        {
            if (!File.Exists(file))
            {
                throw new ArgumentException($"{file}: no such file");
            }

            foreach (var input in RecordReader.ReadJson(file))
            {
                if (input.Document is null)
                {
                    problems.Add($"{input.Where}: {input.ReadError}");
                    continue;
                }

                var errors = RecordValidator.Validate(input.Document);
                if (errors.Count > 0)
                {
                    problems.AddRange(errors.Select(e => $"{input.Where}: {e}"));
                    continue;
                }

                var kind = RecordSchema.ParseKind(input.Document["kind"]!.GetValue<string>())!.Value;
                IReadOnlyList<ComputedQuantity> computed = [];
                if (kind == RecordKind.Medium)
                {
                    try
                    {
                        computed = MediumQuantities.Compute(input.Document, input.Where).Quantities;
                    }
                    catch (Pores.Isotherms.IsothermFormatException e)
                    {
                        problems.Add($"{input.Where}: ink_receiving_layer: {e.Message}");
                        continue;
                    }
                }
                else if (estimates is not null && Estimating.RecordEstimates.Wanted(kind, input.Document)
                    && estimates.Estimate(kind, input.Document, null).Estimate is { } estimate)
                {
                    computed = [estimate];
                }

                // The same record in two files (an ink file and a medium file that both carry a
                // solvent) is one record; two different documents under one id are an error.
                if (fromFiles.TryAdd(input.Id!, new ScopeRecord(input.Id!, kind, input.Document, null, $"file {file} ({input.Location}, not registered)", computed)))
                {
                    fileOf[input.Id!] = file;
                }
                else if (!JsonNode.DeepEquals(fromFiles[input.Id!].Document, input.Document))
                {
                    problems.Add($"{input.Where}: id '{input.Id}' appears twice in the record files with different documents ({fromFiles[input.Id!].Origin})");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("the record files have problems; nothing was evaluated:\n  " + string.Join("\n  ", problems));
        }
    }
}
