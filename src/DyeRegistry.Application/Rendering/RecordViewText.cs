using DyeRegistry.Application.Records;
using DyeRegistry.Registry;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Application.Rendering;

/// <summary>A record as <c>dyereg show</c> and <c>dyereg list</c> print it.</summary>
public static class RecordViewText
{
    public static void Write(TextWriter o, RecordView view)
    {
        var record = view.Record;
        o.WriteLine($"# {record.Id} ({RecordSchema.KindText(record.Kind)}), version {record.Version}, changed {record.UpdatedUtc:u}");
        o.WriteLine(record.Document.ToJsonString(JsonText.Pretty));
        if (view.Dye is { } dye)
        {
            o.WriteLine($"# standardized parent: {dye.ParentSmiles}");
            o.WriteLine($"# removed: {(dye.RemovedFragments.Count == 0 ? "nothing" : string.Join(" ", dye.RemovedFragments))}");
            var within = dye.Within.Where(f => !f.StartsWith(DyeChemistry.UndeterminedPrefix, StringComparison.Ordinal)).ToList();
            var undetermined = dye.Within.Where(f => f.StartsWith(DyeChemistry.UndeterminedPrefix, StringComparison.Ordinal)).Select(f => f[DyeChemistry.UndeterminedPrefix.Length..]).ToList();
            var limited = undetermined.Count == 0 ? string.Empty : $"; undetermined (search limit): {string.Join(", ", undetermined)}";
            o.WriteLine($"# within: {(within.Count == 0 ? "no formula" : string.Join(", ", within))}{limited} (formula files {dye.FormulaStamp})");
        }

        foreach (var q in view.Computed)
        {
            o.WriteLine($"# {q.Source}: {q.Field} = {q.Value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} {q.Unit} ({q.Method})");
        }

        foreach (var change in view.History)
        {
            o.WriteLine($"# history: version {change.Version} {change.Change} {change.AtUtc:u}");
        }

        if (view.ReferencedBy.Count > 0)
        {
            o.WriteLine($"# referenced by: {string.Join(", ", view.ReferencedBy)}");
        }
    }

    /// <summary>One line of <c>dyereg list</c>: id, kind, version, name, tab-separated.</summary>
    public static string ListLine(StoredRecord r) => $"{r.Id}\t{RecordSchema.KindText(r.Kind)}\t{r.Version}\t{r.Document["name"]?.GetValue<string>()}";
}
