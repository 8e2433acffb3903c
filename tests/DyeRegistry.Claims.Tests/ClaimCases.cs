using DyeRegistry.Claims.Evaluation;
using static DyeRegistry.Claims.Evaluation.ClaimVerdict;

namespace DyeRegistry.Claims.Tests;

/// <summary>One row of the claim table: a claim, the condition tested (inside, outside,
/// boundary, missing), the subject (a medium, with INK-M1 or not), the edits to the records.md
/// examples, and the verdict claims.md's rules give. Expectations are written from the claim
/// texts and claims.md, not from the engine.</summary>
public sealed record ClaimCase(string Claim, string Condition, string Medium, bool WithInk, Edit[] Edits, ClaimVerdict Expected)
{
    public string Key => $"{Claim} {Condition}";
}

/// <summary>Every claim of the three patents at inside, outside, exact-boundary and missing-data
/// conditions. Claims with a yes/no limitation have no numeric boundary: their "boundary" rows
/// test the edge the claim does draw (the other allowed value, the other kind of record).</summary>
public static class ClaimCases
{
    private const string Med = "MED-1";
    private const string Sheet = "SHEET-1";
    private const string L = "ink_receiving_layer.";
    private const string A = L + "pore_volume_at_particle_diameter_ml_per_cm2";
    private const string B = L + "dry_thickness_um";
    private const string X = L + "polymer_particles.average_diameter_nm";
    private const string Y = L + "peak_pore_diameter_nm";
    private const string Secondary = L + "polymer_particles.secondary_particles_form_pores";
    private const string Resin = L + "water_soluble_resin.";
    private const string First = "layers[first].";
    private const string Second = "layers[second].";
    private const string Prod = "production.";

    public static readonly IReadOnlyList<ClaimCase> All = Build();

    public static IEnumerable<object[]> Keys() => All.Select(c => new object[] { c.Key });

    private static Edit S(string record, string path, string json) => Edit.Set(record, path, json);

    private static Edit R(string record, string path) => Edit.Remove(record, path);

    private static List<ClaimCase> Build()
    {
        var cases = new List<ClaimCase>();
        void Add(string claim, string condition, ClaimVerdict expected, params Edit[] edits) =>
            cases.Add(new ClaimCase(claim, condition, claim.StartsWith("002") ? Sheet : Med, claim.StartsWith("001") || claim is "000:17" or "000:18" or "000:19", edits, expected));

        // Seed 000, medium claims.
        Add("000:1", "inside", Within);
        Add("000:1", "boundary A/B = 2.0 exactly (A 1.4e-4 ml/cm2, B 7 um)", Within, S(Med, A, "1.4e-4"), S(Med, B, "7"));
        Add("000:1", "outside A/B = 1.9857", Outside, S(Med, A, "1.39e-4"), S(Med, B, "7"));
        Add("000:1", "outside: not porous", Outside, S(Med, L + "porous", "false"));
        Add("000:1", "outside: a two-layer sheet has no polymer particles", Outside);
        Add("000:1", "missing B", Undetermined, R(Med, B));
        Add("000:2", "inside", Within);
        Add("000:2", "boundary A = 50x10^-5", Within, S(Med, A, "5.0e-4"), S(Med, B, "25"));
        Add("000:2", "outside A = 49x10^-5", Outside, S(Med, A, "4.9e-4"));
        Add("000:2", "missing A", Undetermined, R(Med, A));
        Add("000:3", "inside", Within);
        Add("000:3", "outside", Outside, S(Med, Secondary, "false"));
        Add("000:3", "boundary: parent at its exact bound (A/B = 2.0)", Within, S(Med, A, "1.4e-4"), S(Med, B, "7"));
        Add("000:3", "outside: parent just below its bound", Outside, S(Med, A, "1.39e-4"), S(Med, B, "7"));
        Add("000:3", "missing", Undetermined, R(Med, Secondary));
        Add("000:4", "inside", Within);
        Add("000:4", "boundary Y/X = 65 %", Within, S(Med, Y, "32.5"));
        Add("000:4", "outside Y/X = 64 %", Outside, S(Med, Y, "32"));
        Add("000:4", "missing X", Undetermined, R(Med, X));
        Add("000:5", "inside", Within);
        Add("000:5", "boundary Y = 33", Within, S(Med, Y, "33"));
        Add("000:5", "outside Y = 32.9", Outside, S(Med, Y, "32.9"));
        Add("000:5", "missing Y", Undetermined, R(Med, Y));
        Add("000:6", "inside", Within);
        Add("000:6", "boundary 50 %", Within, S(Med, L + "polymer_particles.mass_percent_of_solids", "50"), S(Med, Resin + "mass_percent_of_solids", "10"));
        Add("000:6", "outside 49.9 %", Outside, S(Med, L + "polymer_particles.mass_percent_of_solids", "49.9"));
        Add("000:6", "missing", Undetermined, R(Med, L + "polymer_particles.mass_percent_of_solids"));
        Add("000:7", "inside", Within);
        Add("000:7", "boundary X = 10", Within, S(Med, X, "10"));
        Add("000:7", "boundary X = 100", Within, S(Med, X, "100"), S(Med, Y, "70"));
        Add("000:7", "outside X = 100.1", Outside, S(Med, X, "100.1"));
        Add("000:7", "outside X = 9.9", Outside, S(Med, X, "9.9"));
        Add("000:7", "missing X", Undetermined, R(Med, X));
        Add("000:8", "inside", Within);
        Add("000:8", "boundary: parent at its exact bound (A/B = 2.0)", Within, S(Med, A, "1.4e-4"), S(Med, B, "7"));
        Add("000:8", "outside: parent not porous", Outside, S(Med, L + "porous", "false"));
        Add("000:8", "outside: parent outside (sheet)", Outside);
        Add("000:8", "missing resin", Undetermined, R(Med, L + "water_soluble_resin"));
        Add("000:9", "inside", Within);
        Add("000:9", "boundary: gelatin", Within, S(Med, Resin + "type", "\"gelatin\""));
        Add("000:9", "outside: other resin", Outside, S(Med, Resin + "type", "\"other\""));
        Add("000:9", "missing type", Undetermined, R(Med, Resin + "type"));
        Add("000:10", "inside", Within);
        Add("000:10", "boundary: partially saponified at 95 % (claim 11's range does not bind claim 10)", Within, S(Med, Resin + "saponification_percent", "95"));
        Add("000:10", "outside: cellulosic resin, no PVA", Outside, S(Med, Resin + "type", "\"cellulosic\""));
        Add("000:10", "outside: fully saponified", Outside, S(Med, Resin + "partially_saponified", "false"));
        Add("000:10", "missing", Undetermined, R(Med, Resin + "partially_saponified"));
        Add("000:11", "inside", Within);
        Add("000:11", "boundary 65 %", Within, S(Med, Resin + "saponification_percent", "65"));
        Add("000:11", "boundary 90 %", Within, S(Med, Resin + "saponification_percent", "90"));
        Add("000:11", "outside 90.5 %", Outside, S(Med, Resin + "saponification_percent", "90.5"));
        Add("000:11", "outside 64.9 %", Outside, S(Med, Resin + "saponification_percent", "64.9"));
        Add("000:11", "missing", Undetermined, R(Med, Resin + "saponification_percent"));
        Add("000:12", "inside 8:1", Within);
        Add("000:12", "boundary 4:1", Within, S(Med, Resin + "mass_percent_of_solids", "20"));
        Add("000:12", "boundary 20:1", Within, S(Med, Resin + "mass_percent_of_solids", "4"));
        Add("000:12", "outside 20.25:1", Outside, S(Med, L + "polymer_particles.mass_percent_of_solids", "81"), S(Med, Resin + "mass_percent_of_solids", "4"));
        Add("000:12", "outside 3.9:1", Outside, S(Med, L + "polymer_particles.mass_percent_of_solids", "78"), S(Med, Resin + "mass_percent_of_solids", "20"));
        Add("000:12", "missing resin content", Undetermined, R(Med, Resin + "mass_percent_of_solids"));
        Add("000:13", "inside", Within);
        Add("000:13", "boundary 4 %", Within, S(Med, Resin + "mass_percent_of_solids", "4"));
        Add("000:13", "boundary 25 %", Within, S(Med, Resin + "mass_percent_of_solids", "25"));
        Add("000:13", "outside 25.1 %", Outside, S(Med, Resin + "mass_percent_of_solids", "25.1"));
        Add("000:13", "missing", Undetermined, R(Med, Resin + "mass_percent_of_solids"));
        Add("000:14", "inside", Within);
        Add("000:14", "boundary: parent at its exact bound (A/B = 2.0)", Within, S(Med, A, "1.4e-4"), S(Med, B, "7"));
        Add("000:14", "outside: none", Outside, S(Med, L + "crosslinking_agent", "false"));
        Add("000:14", "missing", Undetermined, R(Med, L + "crosslinking_agent"));
        Add("000:15", "inside", Within);
        Add("000:15", "boundary: parent at its exact bound (A/B = 2.0)", Within, S(Med, A, "1.4e-4"), S(Med, B, "7"));
        Add("000:15", "outside: none", Outside, S(Med, L + "mordant", "false"));
        Add("000:15", "missing", Undetermined, R(Med, L + "mordant"));
        Add("000:16", "inside", Within);
        Add("000:16", "boundary B = 10", Within, S(Med, B, "10"));
        Add("000:16", "boundary B = 100", Within, S(Med, B, "100"), S(Med, A, "2.0e-3"));
        Add("000:16", "outside B = 100.5", Outside, S(Med, B, "100.5"), S(Med, A, "2.1e-3"));
        Add("000:16", "missing B", Undetermined, R(Med, B));

        // Seed 000, image forming method (an ink applied to the medium).
        Add("000:17", "inside", Within);
        Add("000:17", "boundary A/B = 2.0", Within, S(Med, A, "1.4e-4"), S(Med, B, "7"));
        Add("000:17", "outside A/B", Outside, S(Med, A, "1.39e-4"), S(Med, B, "7"));
        Add("000:17", "missing A", Undetermined, R(Med, A));
        Add("000:18", "inside", Within);
        Add("000:18", "boundary 65 %", Within, S(Med, Y, "32.5"));
        Add("000:18", "outside 64 %", Outside, S(Med, Y, "32"));
        Add("000:18", "missing Y", Undetermined, R(Med, Y));
        Add("000:19", "inside", Within);
        Add("000:19", "boundary 33 nm", Within, S(Med, Y, "33"));
        Add("000:19", "outside 32.9 nm", Outside, S(Med, Y, "32.9"));
        Add("000:19", "missing Y", Undetermined, R(Med, Y));

        // Seed 001, recording method.
        Add("001:1", "inside", Within);
        Add("001:1", "boundary A/B = 2.0", Within, S(Med, A, "1.4e-4"), S(Med, B, "7"));
        Add("001:1", "boundary dye solubility = 1 g", Within, S("M-101", "water_solubility_g_per_100g", "1"));
        Add("001:1", "boundary solvent bp = 150 degC", Within, S("TCP", "boiling_point_c", "150"));
        Add("001:1", "outside: a dye solution", Outside, S("INK-M1", "form", "\"dye_solution\""));
        Add("001:1", "outside: dye solubility 1.01 g", Outside, S("M-101", "water_solubility_g_per_100g", "1.01"));
        Add("001:1", "outside: solvent bp 149 degC", Outside, S("TCP", "boiling_point_c", "149"));
        Add("001:1", "outside: polymer not hydrophobic", Outside, S("P-1", "hydrophobic", "false"));
        Add("001:1", "outside: A/B", Outside, S(Med, A, "1.39e-4"), S(Med, B, "7"));
        Add("001:1", "missing dye solubility", Undetermined, R("M-101", "water_solubility_g_per_100g"));
        Add("001:1", "missing: dye record not available", Undetermined, R("M-101", "*"));
        Add("001:2", "inside: M-101 within (M-I) and (Y-I)", Within);
        Add("001:2", "boundary: dye solubility = 1 g", Within, S("M-101", "water_solubility_g_per_100g", "1"));
        Add("001:2", "outside: naphthalene (no formula, excluded from (II))", Outside, S("M-101", "smiles", "\"c1ccc2ccccc2c1\""));
        Add("001:2", "missing: N,N-dimethylaniline not excluded from the unencoded (II)", Undetermined, S("M-101", "smiles", "\"CN(C)c1ccccc1\""));
        Add("001:2", "missing: dye solubility", Undetermined, R("M-101", "water_solubility_g_per_100g"));
        Add("001:3", "inside", Within);
        Add("001:3", "boundary 4 g", Within, S("TCP", "water_solubility_g_per_100g", "4"));
        Add("001:3", "outside 4.01 g", Outside, S("TCP", "water_solubility_g_per_100g", "4.01"));
        Add("001:3", "missing", Undetermined, R("TCP", "water_solubility_g_per_100g"));
        Add("001:4", "inside", Within);
        Add("001:4", "boundary A = 50", Within, S(Med, A, "5.0e-4"), S(Med, B, "25"));
        Add("001:4", "outside A = 49.9", Outside, S(Med, A, "4.99e-4"));
        Add("001:4", "missing A", Undetermined, R(Med, A));
        Add("001:5", "inside", Within);
        Add("001:5", "boundary 65 %", Within, S(Med, Y, "32.5"));
        Add("001:5", "outside 64.8 %", Outside, S(Med, Y, "32.4"));
        Add("001:5", "missing X", Undetermined, R(Med, X));
        foreach (var n in new[] { 6, 7, 8, 9, 10 })
        {
            Add($"001:{n}", "inside", Within);
            Add($"001:{n}", "outside: no secondary particles", Outside, S(Med, Secondary, "false"));
            Add($"001:{n}", "boundary: parent's limitation at its bound", Within, S(Med, A, "5.0e-4"), S(Med, B, "25"), S(Med, Y, "32.5"), S("TCP", "water_solubility_g_per_100g", "4"));
            Add($"001:{n}", "missing", Undetermined, R(Med, Secondary));
        }

        foreach (var n in new[] { 11, 12, 13, 14, 15 })
        {
            Add($"001:{n}", "inside", Within);
            Add($"001:{n}", "boundary Y = 33", Within, S(Med, Y, "33"));
            Add($"001:{n}", "outside Y = 32.9", Outside, S(Med, Y, "32.9"));
            Add($"001:{n}", "missing Y", Undetermined, R(Med, Y));
        }

        // Seed 002, two-layer sheet.
        Add("002:1", "inside", Within);
        Add("002:1", "boundary: D2 = D1 is not smaller (strict)", Outside, S(Sheet, Second + "microparticles.secondary_diameter_nm", "250"));
        Add("002:1", "boundary: D2 just below D1", Within, S(Sheet, Second + "microparticles.secondary_diameter_nm", "249.9"));
        Add("002:1", "outside: binder not radiation cross-linked", Outside, S(Sheet, First + "binder.crosslinked_by_ionizing_radiation", "false"));
        Add("002:1", "outside: a polymer-particle medium", Outside);
        Add("002:1", "missing D2", Undetermined, R(Sheet, Second + "microparticles.secondary_diameter_nm"));
        foreach (var n in new[] { 2, 12 })
        {
            Add($"002:{n}", "inside", Within);
            Add($"002:{n}", "boundary: degree 500, conversion 4 mol %", Within, S(Sheet, First + "binder.polymerization_degree", "500"), S(Sheet, Second + "binder.crosslinking_conversion_mol_percent", "4"));
            Add($"002:{n}", "outside: degree 499", Outside, S(Sheet, Second + "binder.polymerization_degree", "499"));
            Add($"002:{n}", "outside: conversion 4.1 mol %", Outside, S(Sheet, First + "binder.crosslinking_conversion_mol_percent", "4.1"));
            Add($"002:{n}", "missing degree", Undetermined, R(Sheet, First + "binder.polymerization_degree"));
        }

        Add("002:3", "inside", Within);
        Add("002:3", "outside: successive coating", Outside, S(Sheet, Prod + "simultaneous_multilayer_coating", "false"));
        Add("002:3", "boundary: parent at its strict bound (D2 = D1 - 0.1 nm)", Within, S(Sheet, Second + "microparticles.secondary_diameter_nm", "249.9"));
        Add("002:3", "outside: parent at D2 = D1", Outside, S(Sheet, Second + "microparticles.secondary_diameter_nm", "250"));
        Add("002:3", "missing", Undetermined, R(Sheet, Prod + "simultaneous_multilayer_coating"));
        foreach (var n in new[] { 4, 14, 18 })
        {
            Add($"002:{n}", "inside", Within);
            Add($"002:{n}", "boundary: silica", Within, S(Sheet, Second + "microparticles.material", "\"silica\""));
            Add($"002:{n}", "outside: titania", Outside, S(Sheet, Second + "microparticles.material", "\"titania\""));
            Add($"002:{n}", "missing", Undetermined, R(Sheet, Second + "microparticles.material"));
        }

        foreach (var n in new[] { 5, 9, 15, 19 })
        {
            Add($"002:{n}", "inside", Within);
            Add($"002:{n}", "boundary 15 and 40 ml/m2", Within, S(Sheet, First + "void_volume_ml_per_m2", "40"), S(Sheet, Second + "void_volume_ml_per_m2", "15"));
            Add($"002:{n}", "outside 14.9 ml/m2", Outside, S(Sheet, Second + "void_volume_ml_per_m2", "14.9"));
            Add($"002:{n}", "outside 40.5 ml/m2", Outside, S(Sheet, First + "void_volume_ml_per_m2", "40.5"));
            Add($"002:{n}", "missing", Undetermined, R(Sheet, Second + "void_volume_ml_per_m2"));
        }

        foreach (var n in new[] { 6, 10, 16, 20 })
        {
            Add($"002:{n}", "inside", Within);
            Add($"002:{n}", "outside: absorptive support", Outside, S(Sheet, "support.absorptive", "true"));
            Add($"002:{n}", "boundary: parent at its strict bound (D2 = D1 - 0.1 nm)", Within, S(Sheet, Second + "microparticles.secondary_diameter_nm", "249.9"));
            Add($"002:{n}", "outside: parent with D2 > D1", Outside, S(Sheet, Second + "microparticles.secondary_diameter_nm", "260"));
            Add($"002:{n}", "missing", Undetermined, R(Sheet, "support.absorptive"));
        }

        Add("002:7", "inside", Within);
        Add("002:7", "boundary: degree 500", Within, S(Sheet, First + "binder.polymerization_degree", "500"));
        Add("002:7", "outside: successive coating", Outside, S(Sheet, Prod + "simultaneous_multilayer_coating", "false"));
        Add("002:7", "missing conversion", Undetermined, R(Sheet, Second + "binder.crosslinking_conversion_mol_percent"));
        Add("002:8", "inside", Within);
        Add("002:8", "boundary: alumina", Within, S(Sheet, First + "microparticles.material", "\"alumina\""));
        Add("002:8", "outside: calcium carbonate", Outside, S(Sheet, First + "microparticles.material", "\"calcium_carbonate\""));
        Add("002:8", "missing", Undetermined, R(Sheet, First + "microparticles.material"));
        Add("002:11", "inside", Within);
        Add("002:11", "boundary: UV counts under the default reading", Within, S(Sheet, Prod + "irradiation", "\"ultraviolet\""));
        Add("002:11", "outside: infrared is not ionizing", Outside, S(Sheet, Prod + "irradiation", "\"infrared\""));
        Add("002:11", "outside: not dried", Outside, S(Sheet, Prod + "dried_after_irradiation", "false"));
        Add("002:11", "missing: no production record", Undetermined, R(Sheet, "production"));
        foreach (var n in new[] { 13, 17 })
        {
            Add($"002:{n}", "inside", Within);
            Add($"002:{n}", "boundary 5 %", Within, S(Sheet, Prod + "solids_percent_at_irradiation", "5"));
            Add($"002:{n}", "boundary 90 %", Within, S(Sheet, Prod + "solids_percent_at_irradiation", "90"));
            Add($"002:{n}", "outside 4.9 %", Outside, S(Sheet, Prod + "solids_percent_at_irradiation", "4.9"));
            Add($"002:{n}", "missing", Undetermined, R(Sheet, Prod + "solids_percent_at_irradiation"));
        }

        // "the other kind of medium" rows use the other example record.
        return cases.Select(c => c.Condition switch
        {
            "outside: a two-layer sheet has no polymer particles" or "outside: parent outside (sheet)" => c with { Medium = Sheet },
            "outside: a polymer-particle medium" => c with { Medium = Med },
            _ => c,
        }).ToList();
    }
}
