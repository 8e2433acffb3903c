using System.Globalization;
using System.Text.Json.Nodes;
using DyeRegistry.Pores;
using DyeRegistry.Pores.Distribution;
using DyeRegistry.Pores.Isotherms;

namespace DyeRegistry.Application.Media;

/// <summary>What a nitrogen isotherm gives a medium: the pore distribution plotted (SVG, X and Y
/// marked), Y, and A per gram and per cm2 of medium, each with the method.</summary>
/// <param name="Material">The sample the isotherm file names.</param>
/// <param name="PeakDiameterNanometres">Y: the pore diameter at the curve's maximum.</param>
/// <param name="ValueAtXPerGram">A per gram (cm3/g, the curve at D = X), when X is given and inside the curve.</param>
/// <param name="ValueAtXPerSquareCentimetre">A per cm2 of medium (with the coat weight).</param>
/// <param name="Convention">The curve: dV/dlogD.</param>
/// <param name="Method">How Y and A were computed.</param>
/// <param name="Svg">The distribution plotted, X and Y marked.</param>
/// <param name="Note">Why A is missing, when it is.</param>
public sealed record IsothermAnalysis(string Material, double PeakDiameterNanometres, double? ValueAtXPerGram, double? ValueAtXPerSquareCentimetre,
    string Convention, string Method, string Svg, string? Note);

/// <summary>
/// A medium's isotherm analysed as <c>dyereg pores</c> and import analyse it: BJH (or
/// Dollimore-Heal) on the chosen branch, p/p0 up to 0.95, curve dV/dlogD (the convention import
/// stores A in), A at D = X per gram and, with the coat weight, per cm2.
/// </summary>
public static class MediumIsotherm
{
    /// <summary>An isotherm file as <c>dyereg pores</c> reads it (pyGAPS JSON or CSV, or a plain CSV);
    /// throws <see cref="InvalidDataException"/> naming the file and field when it cannot be read or analysed.</summary>
    public static IsothermAnalysis Analyse(string path, double? xNanometres, double? coatWeightGramsPerSquareMetre, bool adsorption = false, bool dollimoreHeal = false) =>
        Plainly(() => Analyse(IsothermReader.Read(path), xNanometres, coatWeightGramsPerSquareMetre, adsorption, dollimoreHeal));

    // The pore code's errors as InvalidDataException (what callers above this layer catch), message kept.
    private static T Plainly<T>(Func<T> run)
    {
        try
        {
            return run();
        }
        catch (IsothermFormatException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException("no pore distribution could be computed from the isotherm: " + e.Message, e);
        }
    }

    /// <summary>The isotherm a medium record carries (<c>ink_receiving_layer.isotherm</c>), or null when it has none.</summary>
    public static IsothermAnalysis? OfRecord(JsonObject medium, string where)
    {
        ArgumentNullException.ThrowIfNull(medium);
        if (medium["ink_receiving_layer"] is not JsonObject layer || layer["isotherm"] is not JsonObject raw)
        {
            return null;
        }

        return Plainly(() => Analyse(IsothermReader.FromPygapsJson(raw, $"{where}: ink_receiving_layer.isotherm"), ParticleDiameter(medium), CoatWeight(medium), false, false));
    }

    /// <summary>An isotherm file read and turned into the pyGAPS JSON form a medium record carries
    /// (relative pressure, liquid cm3/g); throws <see cref="InvalidDataException"/> as <see cref="Analyse(string, double?, double?, bool, bool)"/>.</summary>
    public static JsonObject RecordForm(string path) => Plainly(() => IsothermWriter.ToPygapsJson(IsothermReader.Read(path)));

    /// <summary>The claim quantities a medium may state itself; an isotherm saved into the record
    /// replaces them (the importer never replaces stated values with computed ones).</summary>
    public static IReadOnlyList<(string Field, string Label, string Unit)> StatedQuantities { get; } =
    [
        (Registry.MediumQuantities.PeakName, "Y", "nm"),
        (Registry.MediumQuantities.AName, "A", "mL/cm²"),
    ];

    /// <summary>
    /// The medium's next document with <paramref name="isotherm"/> (pyGAPS JSON, checked here) as
    /// its <c>ink_receiving_layer.isotherm</c>, X and the coat weight when given, and without the
    /// stated A and Y, so that import computes them from the isotherm. Throws
    /// <see cref="InvalidDataException"/> when the isotherm cannot be read.
    /// </summary>
    public static JsonObject WithIsotherm(JsonObject medium, JsonObject isotherm, double? xNanometres, double? coatWeightGramsPerSquareMetre)
    {
        ArgumentNullException.ThrowIfNull(medium);
        ArgumentNullException.ThrowIfNull(isotherm);
        Plainly(() => IsothermReader.FromPygapsJson(isotherm, "isotherm"));
        var doc = (JsonObject)medium.DeepClone();
        if (doc["ink_receiving_layer"] is not JsonObject layer)
        {
            doc["ink_receiving_layer"] = layer = new JsonObject();
        }

        layer["isotherm"] = isotherm.DeepClone();
        foreach (var (field, _, _) in StatedQuantities)
        {
            layer.Remove(field);
        }

        if (xNanometres is { } x)
        {
            if (layer["polymer_particles"] is not JsonObject particles)
            {
                layer["polymer_particles"] = particles = new JsonObject();
            }

            particles["average_diameter_nm"] = x;
        }

        if (coatWeightGramsPerSquareMetre is { } coat)
        {
            layer["coat_weight_g_per_m2"] = coat;
        }

        return doc;
    }

    /// <summary>X: the medium's polymer particles' average diameter (nm), when recorded.</summary>
    public static double? ParticleDiameter(JsonObject medium) => Storage.Records.RecordRules.QuantityValue(medium["ink_receiving_layer"]?["polymer_particles"]?["average_diameter_nm"]);

    /// <summary>The ink-receiving layer's coat weight (g/m2), when recorded.</summary>
    public static double? CoatWeight(JsonObject medium) => Storage.Records.RecordRules.QuantityValue(medium["ink_receiving_layer"]?["coat_weight_g_per_m2"]);

    private static IsothermAnalysis Analyse(Isotherm isotherm, double? x, double? coat, bool adsorption, bool dollimoreHeal)
    {
        var options = new PsdOptions
        {
            Branch = adsorption ? Branch.Adsorption : Branch.Desorption,
            Method = dollimoreHeal ? PsdMethod.DollimoreHeal : PsdMethod.Bjh,
        };
        var distribution = PsdCalculator.Compute(isotherm, options);
        const DistributionConvention convention = DistributionConvention.DvDlogD;
        var q = ClaimQuantities.From(distribution, convention, x, coat);
        string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
        var note = x is null ? "A not computed: X (the polymer particles' average diameter) is not given"
            : q.ValueAtXPerGram is { } a && double.IsNaN(a) ? $"A not computed: X = {F(x.Value)} nm is outside the computed distribution"
            : coat is null ? "A per cm2 not computed: the coat weight (g/m2) is not given"
            : null;
        var describe = options.Describe().Split(',');
        var svg = PsdPlot.Svg(distribution, convention, x, $"{isotherm.Material}: {describe[0]}, {(describe.Length > 1 ? describe[1].Trim() : string.Empty)}");
        return new IsothermAnalysis(isotherm.Material, q.PeakDiameterNanometres,
            q.ValueAtXPerGram is { } g && !double.IsNaN(g) ? g : null,
            q.ValueAtXPerSquareCentimetre is { } c && !double.IsNaN(c) ? c : null,
            "dV/dlogD", q.Method, svg, note);
    }
}
