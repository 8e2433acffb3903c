using DyeRegistry.Application.Processing;
using DyeRegistry.Chemistry;
using DyeRegistry.Chemistry.IO;
using DyeRegistry.Registry;
using DyeRegistry.Storage;

namespace DyeRegistry.Application.Records;

/// <summary>
/// The import use case: JSON record files (records.md) and SMILES/SDF files of dyes, each record
/// validated and its chemistry prepared on several workers, then stored in
/// input order; every record gets an outcome (created, updated, unchanged, duplicate, failed).
/// </summary>
public static class RecordImport
{
    public static IReadOnlyList<ImportOutcome> Run(IRegistryStore store, DyeChemistry chemistry, IReadOnlyList<string> files, ImportOptions options, StructureLimits limits, int threads, Action<ImportOutcome>? reported = null) =>
        Run(store, chemistry, files, options, limits, threads, reported, SmilesColumns.Auto, null, null);

    /// <summary>As the other overload, with the columns of SMILES/TSV/CSV files
    /// (<see cref="SmilesLayout"/>); <paramref name="rule"/> hears, per file, how its lines are read.
    /// With <paramref name="estimates"/>, dyes and solvents that record no water solubility get an
    /// estimate, made on the workers beside the chemistry.</summary>
    public static IReadOnlyList<ImportOutcome> Run(IRegistryStore store, DyeChemistry chemistry, IReadOnlyList<string> files, ImportOptions options, StructureLimits limits, int threads, Action<ImportOutcome>? reported, SmilesColumns columns, Action<string, string>? rule, Estimating.RecordEstimates? estimates) =>
        Run(store, chemistry, files, options, limits, threads, reported, columns, rule, estimates, StructureFieldMap.Default);

    /// <summary>As the other overloads, with the SD tags or header columns that hold a dye's id,
    /// name, supplier, catalogue and CAS numbers (the bulk upload's field mapping).</summary>
    public static IReadOnlyList<ImportOutcome> Run(IRegistryStore store, DyeChemistry chemistry, IReadOnlyList<string> files, ImportOptions options, StructureLimits limits, int threads, Action<ImportOutcome>? reported, SmilesColumns columns, Action<string, string>? rule, Estimating.RecordEstimates? estimates, StructureFieldMap fields)
    {
        var (importer, prepared) = Prepared(store, chemistry, files, options, limits, threads, columns, rule, estimates, fields);
        return importer.Import(prepared, options, reported);
    }

    /// <summary>As <see cref="Run(IRegistryStore, DyeChemistry, IReadOnlyList{string}, ImportOptions, StructureLimits, int, Action{ImportOutcome}?, SmilesColumns, Action{string, string}?, Estimating.RecordEstimates?, StructureFieldMap)"/>,
    /// each outcome handed out as its record is stored and kept by no one (bounded memory whatever
    /// the files' size: <c>dyereg import</c> of a million dyes). Atomic imports and dry runs decide at
    /// the end: their outcomes come as a list, as from Run.</summary>
    /// <remarks><paramref name="reported"/> hears each outcome as its record is applied (for an atomic import,
    /// before the end decides).</remarks>
    public static IEnumerable<ImportOutcome> Each(IRegistryStore store, DyeChemistry chemistry, IReadOnlyList<string> files, ImportOptions options, StructureLimits limits, int threads, Action<ImportOutcome>? reported, SmilesColumns columns, Action<string, string>? rule, Estimating.RecordEstimates? estimates)
    {
        var (importer, prepared) = Prepared(store, chemistry, files, options, limits, threads, columns, rule, estimates, StructureFieldMap.Default);
        return options.Atomic || options.DryRun
            ? importer.Import(prepared, options, reported)
            : importer.ImportEach(prepared, options).Select(o =>
            {
                reported?.Invoke(o);
                return o;
            });
    }

    private static (RegistryImporter Importer, IEnumerable<PreparedRecord> Prepared) Prepared(IRegistryStore store, DyeChemistry chemistry, IReadOnlyList<string> files, ImportOptions options, StructureLimits limits, int threads, SmilesColumns columns, Action<string, string>? rule, Estimating.RecordEstimates? estimates, StructureFieldMap fields)
    {
        var importer = new RegistryImporter(store, chemistry);
        IEnumerable<RecordInput> Inputs() => files.SelectMany(f =>
            f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? RecordReader.ReadJson(f).OrderBy(RegistryImporter.KindRank).ToList()
                : RecordReader.ReadStructures(f, limits, columns, text => rule?.Invoke(f, text), fields));
        // The source is enumerated on this thread, inside the map's MoveNext (never inside a
        // transaction unless atomic or a dry run), so records already stored identically skip their chemistry.
        var inputs = options.Atomic || options.DryRun ? Inputs() : importer.MarkStored(Inputs());
        Func<RecordInput, PreparedRecord> prepare = estimates is null ? importer.Prepare : i => estimates.Prepare(importer, i);
        return (importer, OrderedParallel.Map(inputs, prepare, Math.Max(1, threads)));
    }
}
