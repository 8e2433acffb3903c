using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DyeRegistry.Application.Records;
using DyeRegistry.Chemistry;
using DyeRegistry.Registry;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Application.Rendering;

/// <summary>
/// A record as <c>dyereg show</c> and <c>dyereg list</c> print it, as a chemist reads it: id and
/// name, the structure as drawn and its standardized parent with formula and mass, what
/// standardization set aside with its stoichiometry ("2 × [Na+]"), forms, formula membership,
/// the other fields with their sources, computed values, the history with who changed what, and
/// who references it. <c>dyereg show --json</c> prints the document instead (<see cref="Json"/>).
/// </summary>
public static class RecordViewText
{
    // Fields shown in their own lines (or not at all: the structure is shown as SMILES).
    private static readonly HashSet<string> Shown = ["kind", "id", "name", "smiles", "molfile", "parent"];

    public static void Write(TextWriter o, RecordView view)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(view);
        var record = view.Record;
        var document = record.Document;
        var name = document["name"] is JsonValue n && n.TryGetValue<string>(out var text) ? text : null;
        o.WriteLine(name is null ? record.Id : $"{record.Id}  {name}");
        Line(o, "record", $"{RecordSchema.KindText(record.Kind)}, version {record.Version}{(view.EarlierVersion ? " (an earlier version)" : string.Empty)}, changed {record.UpdatedUtc:u}");
        if (record.Kind == RecordKind.Dye)
        {
            Dye(o, view);
        }

        var fields = document.Where(kv => !Shown.Contains(kv.Key)).ToList();
        if (fields.Count > 0)
        {
            o.WriteLine(record.Kind == RecordKind.Dye ? "  properties:" : "  fields:");
            foreach (var (key, value) in fields)
            {
                if (key == "properties" && value is JsonObject carried)
                {
                    // Fields carried over from an SD or CSV import, one a line.
                    foreach (var (field, carriedValue) in carried)
                    {
                        o.WriteLine($"    {field}: {Value(carriedValue)} (from the imported file)");
                    }

                    continue;
                }

                o.WriteLine($"    {key}: {Value(value)}");
            }
        }

        if (view.Computed.Count > 0)
        {
            o.WriteLine("  computed:");
            foreach (var q in view.Computed)
            {
                o.WriteLine($"    {q.Field}: {q.Value.ToString("G4", CultureInfo.InvariantCulture)} {q.Unit} ({q.Source}: {q.Method})");
            }
        }

        o.WriteLine("  history:");
        foreach (var change in view.History)
        {
            o.WriteLine($"    version {change.Version} {change.Change} {change.AtUtc:u} by {change.ChangedBy ?? "(not recorded)"}{Why(change)}");
        }

        if (view.ReferencedBy.Count > 0)
        {
            Line(o, "referenced by", string.Join(", ", view.ReferencedBy));
        }
    }

    /// <summary>The document as JSON (<c>dyereg show --json</c>): what export writes for it.</summary>
    public static string Json(RecordView view) => view.Record.Document.ToJsonString(JsonText.Pretty);

    /// <summary>An SVG depiction of a dye record as drawn (<c>dyereg show --svg FILE</c>).</summary>
    public static string Svg(RecordView view)
    {
        using var mol = Drawn(view.Record.Document) ?? throw new RegistryException($"{view.Record.Id} is a {RecordSchema.KindText(view.Record.Kind)}, with no structure to draw");
        return mol.ToSvg();
    }

    /// <summary>One line of <c>dyereg list</c>: id, kind, version, name, tab-separated.</summary>
    public static string ListLine(StoredRecord r) => $"{r.Id}\t{RecordSchema.KindText(r.Kind)}\t{r.Version}\t{r.Document["name"]?.GetValue<string>()}";

    private static void Dye(TextWriter o, RecordView view)
    {
        var document = view.Record.Document;
        using var drawn = Drawn(document);
        Line(o, "drawn", document["smiles"]?.GetValue<string>() ?? drawn?.ToSmiles() ?? "(not readable)");
        if (drawn is not null)
        {
            Line(o, "as drawn", Composition(drawn));
        }

        if (view.Dye is { } dye)
        {
            Line(o, "parent", dye.ParentSmiles);
            var parent = Molecule.ParseSmiles(dye.ParentSmiles);
            if (parent.Success)
            {
                using var p = parent.Value;
                Line(o, "parent formula", Composition(p));
            }

            Line(o, "set aside", SetAside(dye.RemovedFragments));
        }
        else if (view.EarlierVersion)
        {
            Line(o, "parent", "(stored for the current version only)");
        }

        if (document["parent"] is JsonValue pv && pv.TryGetValue<string>(out var parentId))
        {
            Line(o, "form of", parentId);
        }

        if (view.Forms.Count > 0)
        {
            Line(o, "forms", string.Join(", ", view.Forms));
        }

        if (view.Dye is { } d)
        {
            var within = d.Within.Where(f => !f.StartsWith(DyeChemistry.UndeterminedPrefix, StringComparison.Ordinal)).ToList();
            var undetermined = d.Within.Where(f => f.StartsWith(DyeChemistry.UndeterminedPrefix, StringComparison.Ordinal)).Select(f => f[DyeChemistry.UndeterminedPrefix.Length..]).ToList();
            var limited = undetermined.Count == 0 ? string.Empty : $"; undetermined (search limit): {string.Join(", ", undetermined)}";
            Line(o, "within", $"{(within.Count == 0 ? "no formula" : string.Join(", ", within))}{limited} (formula files {d.FormulaStamp}; (II) is not encoded: see dyereg match)");
        }
    }

    // "C14H14N3NaO3S, 327.33 g/mol".
    private static string Composition(Molecule mol)
    {
        var d = mol.GetDescriptors(DescriptorGroups.MassAndLogP);
        return d.AverageMassGramsPerMole is { } mass ? string.Create(CultureInfo.InvariantCulture, $"{d.Formula}, {mass:F2} g/mol") : d.Formula;
    }

    /// <summary>What standardization set aside, with its stoichiometry: "2 × [Na+], 1 × O" (or "nothing").</summary>
    public static string SetAside(IReadOnlyList<string> fragments) =>
        fragments.Count == 0 ? "nothing" : string.Join(", ", fragments.GroupBy(f => f, StringComparer.Ordinal).Select(g => $"{g.Count()} × {g.Key}{Known(g.Key)}"));

    private static string Known(string fragment) => fragment switch
    {
        "O" => " (water)",
        "[Na+]" => " (sodium)",
        "[K+]" => " (potassium)",
        "[Li+]" => " (lithium)",
        "[Cl-]" => " (chloride)",
        _ => string.Empty,
    };

    private static Molecule? Drawn(JsonObject document)
    {
        ParseResult<Molecule>? parsed = document["smiles"] is JsonValue s && s.TryGetValue<string>(out var smiles) ? Molecule.ParseSmiles(smiles)
            : document["molfile"] is JsonValue m && m.TryGetValue<string>(out var molfile) ? Molecule.ParseMolBlock(molfile)
            : null;
        return parsed is { Success: true } ok ? ok.Value : null;
    }

    // A field's value: text as it is, a value with a source as "0.01 (source: measured)", else compact JSON.
    private static string Value(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonObject o when o.ContainsKey("value") && o.All(kv => kv.Value is JsonValue) =>
            o["value"]!.ToJsonString(JsonText.Compact) + (o.Count > 1 ? $" ({string.Join(", ", o.Where(kv => kv.Key != "value").Select(kv => $"{kv.Key}: {Value(kv.Value)}"))})" : string.Empty),
        null => "null",
        _ => node.ToJsonString(JsonText.Compact),
    };

    // Why a version exists, from what it changed: "name, smiles changed".
    private static string Why(RecordChange change)
    {
        if (change.PreviousDocument is null || change.Document is null)
        {
            return string.Empty;
        }

        var before = JsonNode.Parse(change.PreviousDocument)!.AsObject();
        var after = JsonNode.Parse(change.Document)!.AsObject();
        var changed = before.Select(kv => kv.Key).Union(after.Select(kv => kv.Key))
            .Where(k => !JsonNode.DeepEquals(before[k], after[k])).ToList();
        return changed.Count == 0 ? string.Empty : $": {string.Join(", ", changed)} changed";
    }

    private static void Line(TextWriter o, string label, string value) => o.WriteLine($"  {label + ":",-16}{value}");
}
