namespace DyeRegistry.Storage.Records;

/// <summary>
/// The record documents of ../shared/spec/records.md as field tables, one per kind. Every field a
/// document may carry is listed; anything else is an error (a typo must not drop a value). Units
/// are in the field names; quantities are checked for range, never converted.
/// </summary>
public static class RecordSchema
{
    public static readonly IReadOnlyList<string> Sources = ["measured", "literature", "computed", "estimated", "asserted"];

    private static FieldSpec Text(string name, bool required = false) => new(name, FieldType.Text, required);

    private static FieldSpec Bool(string name) => new(name, FieldType.Boolean);

    /// <summary>A quantity of zero or more, up to <paramref name="maximum"/> (its unit's plausible ceiling).</summary>
    private static FieldSpec Q(string name, string unit, double maximum) => new(name, FieldType.Quantity, Range: QuantityRange.NonNegative, Unit: unit, Minimum: 0, Maximum: maximum);

    private static FieldSpec Pct(string name) => new(name, FieldType.Quantity, Range: QuantityRange.Percent, Unit: "%", Minimum: 0, Maximum: 100);

    // The ceilings, in the field's unit, chosen well above anything a real ink-jet medium, dye or
    // solvent has, so only typing errors and hostile values are refused (docs/records.md, "Ranges").
    private const double MaxThicknessUm = 10_000;          // 1 cm of coating
    private const double MaxDiameterNm = 1_000_000;       // 1 mm
    private const double MaxPoreVolumeMlPerCm2 = 1;       // a 1 cm layer that is all void
    private const double MaxVoidVolumeMlPerM2 = 10_000;   // the same per m2
    private const double MaxCoatWeightGPerM2 = 10_000;
    private const double MaxSolubilityGPer100G = 1_000_000; // miscible liquids may be given as a large value
    private const double MaxPolymerizationDegree = 1e9;
    private const double MaxDistributionValue = 1e6;      // ml per g or per cm2 or per m2, per nm or per log unit

    /// <summary>A non-zero recorded magnitude smaller than this is refused: it is below what the
    /// claim engine keeps exactly (decimal, 28 places) once divided and scaled.</summary>
    public const double SmallestMagnitude = 1e-15;

    private static FieldSpec Choice(string name, params string[] choices) => new(name, FieldType.Choice, Choices: choices);

    private static FieldSpec Obj(string name, params FieldSpec[] fields) => new(name, FieldType.Object, Fields: fields);

    private static FieldSpec ListOf(string name, FieldSpec item, bool required = false) => new(name, FieldType.List, required, Items: item);

    private static readonly FieldSpec[] Common = [Text("kind", true), Text("id", true), Text("name"), Text("notes")];

    private static readonly FieldSpec Binder = Obj("binder",
        Text("type"), Text("name"), Bool("hydrophilic"), Q("polymerization_degree", "dimensionless", MaxPolymerizationDegree),
        Bool("crosslinked_by_ionizing_radiation"), Pct("crosslinking_conversion_mol_percent"));

    private static readonly FieldSpec Microparticles = Obj("microparticles",
        Choice("material", "silica", "alumina", "titania", "calcium_carbonate", "other"), Text("name"),
        Q("secondary_diameter_nm", "nm", MaxDiameterNm), Q("primary_diameter_nm", "nm", MaxDiameterNm));

    private static readonly FieldSpec PoreDistribution = Obj("pore_distribution",
        Choice("convention", "dV/dD", "dV/dlogD"), ListOf("diameters_nm", Q("diameter_nm", "nm", MaxDiameterNm)),
        ListOf("values", Q("value", "ml per unit", MaxDistributionValue)), Choice("per", "g", "cm2", "m2"), Text("method"));

    /// <summary>The fields of each kind of record.</summary>
    public static readonly IReadOnlyDictionary<RecordKind, IReadOnlyList<FieldSpec>> Fields = new Dictionary<RecordKind, IReadOnlyList<FieldSpec>>
    {
        [RecordKind.Dye] = [.. Common, Text("smiles"), Text("molfile"), Q("water_solubility_g_per_100g", "g/100 g water", MaxSolubilityGPer100G),
            Text("supplier"), Text("catalog_number"), Text("cas_number"), Text("parent"), new FieldSpec("properties", FieldType.FreeTextMap)],
        [RecordKind.Solvent] = [.. Common, Text("smiles"), new FieldSpec("boiling_point_c", FieldType.Quantity, Range: QuantityRange.Any, Unit: "degC", Minimum: -273.15, Maximum: 10_000),
            Q("water_solubility_g_per_100g", "g/100 g water", MaxSolubilityGPer100G), Text("supplier"), Text("cas_number")],
        [RecordKind.Polymer] = [.. Common, Bool("hydrophobic"), Choice("polymer_class", "vinyl", "ester", "urethane", "amide", "epoxy", "other"), Text("supplier")],
        [RecordKind.Ink] = [.. Common, Choice("form", "colored_fine_particle_dispersion", "dye_solution", "pigment_dispersion", "other"),
            ListOf("components", Obj("component", Text("ref", true), Choice("role", "dye", "polymer", "solvent", "water", "other"), Pct("mass_percent")), required: true)],
        [RecordKind.Medium] = [.. Common,
            Obj("support", Text("type"), Bool("absorptive")),
            Obj("ink_receiving_layer",
                Bool("porous"),
                Obj("polymer_particles", Choice("polymer_class", "vinyl", "ester", "urethane", "amide", "epoxy", "other"), Text("name"),
                    Q("average_diameter_nm", "nm", MaxDiameterNm), Pct("mass_percent_of_solids"), Bool("secondary_particles_form_pores")),
                Obj("water_soluble_resin", Choice("type", "polyvinyl_alcohol", "cellulosic", "ether_bond", "carbamoyl", "carboxyl", "gelatin", "other"),
                    Text("name"), Bool("partially_saponified"), Pct("saponification_percent"), Pct("mass_percent_of_solids")),
                new FieldSpec("crosslinking_agent", FieldType.NameOrFalse), new FieldSpec("mordant", FieldType.NameOrFalse),
                Q("dry_thickness_um", "um", MaxThicknessUm), Q("coat_weight_g_per_m2", "g/m2", MaxCoatWeightGPerM2),
                Q("pore_volume_at_particle_diameter_ml_per_cm2", "ml/cm2", MaxPoreVolumeMlPerCm2), Q("peak_pore_diameter_nm", "nm", MaxDiameterNm),
                PoreDistribution, new FieldSpec("isotherm", FieldType.Raw)),
            ListOf("layers", Obj("layer", Choice("position", "first", "second", "third", "top", "bottom"), Bool("porous"),
                Microparticles, Binder, Q("void_volume_ml_per_m2", "ml/m2", MaxVoidVolumeMlPerM2), Q("dry_thickness_um", "um", MaxThicknessUm))),
            Obj("production", Bool("simultaneous_multilayer_coating"), Text("irradiation"), Pct("solids_percent_at_irradiation"),
                Bool("dried_after_irradiation"))],
    };

    public static RecordKind? ParseKind(string? text) => text switch
    {
        "dye" => RecordKind.Dye,
        "solvent" => RecordKind.Solvent,
        "polymer" => RecordKind.Polymer,
        "ink" => RecordKind.Ink,
        "medium" => RecordKind.Medium,
        _ => null,
    };

    public static string KindText(RecordKind kind) => kind.ToString().ToLowerInvariant();
}
