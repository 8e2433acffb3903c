using System.Text.Json.Nodes;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Markush;
using DyeRegistry.Registry;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Claims.Tests;

/// <summary>
/// The shipped claims/ and formulas/ folders, loaded once, and the records.md example records
/// every case starts from (each case changes copies of them). Evaluates a subject under the
/// default readings or switched ones.
/// </summary>
public sealed class ScopeFixture : IDisposable
{
    public ScopeFixture()
    {
        Claims = ClaimLibrary.Load(ClaimLibrary.DefaultFolder());
        Formulas = FormulaLibrary.Load(FormulaLibrary.DefaultFolder());
        Default = Evaluator([]);
    }

    public ClaimLibrary Claims { get; }

    public FormulaLibrary Formulas { get; }

    public ClaimEvaluator Default { get; }

    public ClaimEvaluator Evaluator(IEnumerable<string> readings, Markush.Matching.MatchOptions? limits = null)
    {
        var choices = ReadingChoices.Create(Claims.Readings, readings);
        return new ClaimEvaluator(Claims, choices, new DyeFormulas(Formulas, ClaimEvaluator.FormulaReadings(choices), depict: false, limits));
    }

    public void Dispose() => Formulas.Dispose();

    /// <summary>records.md's examples, by id (fresh copies).</summary>
    public static Dictionary<string, JsonObject> Examples() => new()
    {
        ["M-101"] = Parse("""
            { "kind": "dye", "id": "M-101", "name": "pyrazolylazo aminopyridine magenta",
              "smiles": "CC(C)(C)c1nn(-c2nc3ccccc3s2)c(/N=N/c2c(C)c(C#N)c(Nc3c(C)cc(C)cc3C)nc2Nc2c(C)cc(C)cc2C)c1C#N",
              "water_solubility_g_per_100g": {"value": 0.01, "source": "measured"} }
            """),
        ["TCP"] = Parse("""
            { "kind": "solvent", "id": "TCP", "name": "tricresyl phosphate", "smiles": "Cc1ccc(OP(=O)(Oc2ccc(C)cc2)Oc2ccc(C)cc2)cc1",
              "boiling_point_c": {"value": 420, "source": "literature"},
              "water_solubility_g_per_100g": {"value": 0.00004, "source": "literature"} }
            """),
        ["P-1"] = Parse("""{ "kind": "polymer", "id": "P-1", "name": "poly(n-butyl methacrylate)", "hydrophobic": true }"""),
        ["INK-M1"] = Parse("""
            { "kind": "ink", "id": "INK-M1", "form": "colored_fine_particle_dispersion",
              "components": [ {"ref": "M-101", "role": "dye", "mass_percent": 3.0},
                              {"ref": "P-1", "role": "polymer", "mass_percent": 3.0},
                              {"ref": "TCP", "role": "solvent", "mass_percent": 1.5} ] }
            """),
        ["MED-1"] = Parse("""
            { "kind": "medium", "id": "MED-1",
              "support": {"type": "resin-coated paper", "absorptive": false},
              "ink_receiving_layer": {
                "porous": true,
                "polymer_particles": {"polymer_class": "vinyl", "average_diameter_nm": 50, "mass_percent_of_solids": 80, "secondary_particles_form_pores": true},
                "water_soluble_resin": {"type": "polyvinyl_alcohol", "partially_saponified": true, "saponification_percent": 88, "mass_percent_of_solids": 10},
                "crosslinking_agent": "boric acid", "mordant": "cationic polymer",
                "dry_thickness_um": 30,
                "pore_volume_at_particle_diameter_ml_per_cm2": 7.0e-4,
                "peak_pore_diameter_nm": 40 } }
            """),
        ["SHEET-1"] = Parse("""
            { "kind": "medium", "id": "SHEET-1",
              "support": {"type": "polyethylene-coated paper", "absorptive": false},
              "layers": [
                {"position": "first", "microparticles": {"material": "silica", "secondary_diameter_nm": 250},
                 "binder": {"type": "polyvinyl_alcohol", "polymerization_degree": 2400, "crosslinked_by_ionizing_radiation": true, "crosslinking_conversion_mol_percent": 1.5},
                 "void_volume_ml_per_m2": 20},
                {"position": "second", "microparticles": {"material": "alumina", "secondary_diameter_nm": 150},
                 "binder": {"type": "polyvinyl_alcohol", "polymerization_degree": 2400, "crosslinked_by_ionizing_radiation": true, "crosslinking_conversion_mol_percent": 1.5},
                 "void_volume_ml_per_m2": 18} ],
              "production": {"simultaneous_multilayer_coating": true, "irradiation": "electron beam", "solids_percent_at_irradiation": 30, "dried_after_irradiation": true} }
            """),
    };

    /// <summary>Evaluates <paramref name="medium"/> (with INK-M1 when <paramref name="withInk"/>) after applying the edits.</summary>
    public ClaimChart Evaluate(string medium, bool withInk, IEnumerable<Edit> edits, ClaimEvaluator? evaluator = null, IReadOnlyList<ComputedQuantity>? computed = null)
    {
        var docs = Examples();
        foreach (var e in edits)
        {
            e.Apply(docs);
        }

        var components = docs.Where(d => d.Key is not ("INK-M1" or "MED-1" or "SHEET-1"))
            .ToDictionary(d => d.Key, d => Record(d.Value, []));
        var subject = new ScopeSubject(Record(docs[medium], computed ?? []), withInk ? Record(docs["INK-M1"], []) : null, components);
        return (evaluator ?? Default).Evaluate(subject);
    }

    public static ScopeRecord Record(JsonObject doc, IReadOnlyList<ComputedQuantity> computed)
    {
        var errors = RecordValidator.Validate(doc);
        Assert.True(errors.Count == 0, "test record invalid: " + string.Join("; ", errors));
        return new ScopeRecord(doc["id"]!.GetValue<string>(), RecordSchema.ParseKind(doc["kind"]!.GetValue<string>())!.Value, doc, 1, "test", computed);
    }

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;
}

/// <summary>One change to an example record: set a field (a JSON value) or remove it (null);
/// <c>layers[second].x</c> addresses a layer by position; <c>*</c> as record id removes the record.</summary>
public sealed record Edit(string Record, string Path, string? Json)
{
    public static Edit Set(string record, string path, string json) => new(record, path, json);

    public static Edit Remove(string record, string path) => new(record, path, null);

    public void Apply(Dictionary<string, JsonObject> docs)
    {
        if (Path == "*")
        {
            docs.Remove(Record);
            return;
        }

        JsonNode node = docs[Record];
        var parts = Path.Split('.');
        foreach (var part in parts[..^1])
        {
            node = Step(node, part)!;
        }

        var obj = (JsonObject)node;
        if (Json is null)
        {
            obj.Remove(parts[^1]);
        }
        else
        {
            obj[parts[^1]] = JsonNode.Parse(Json);
        }
    }

    public override string ToString() => Json is null ? $"{Record}: remove {Path}" : $"{Record}: {Path} = {Json}";

    private static JsonNode? Step(JsonNode node, string part)
    {
        var open = part.IndexOf('[');
        if (open < 0)
        {
            return node[part];
        }

        var position = part[(open + 1)..^1];
        return ((JsonArray)node[part[..open]]!).OfType<JsonObject>().First(l => l["position"]!.GetValue<string>() == position);
    }
}
