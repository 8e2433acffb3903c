using System.Text.Json.Nodes;
using DyeRegistry.Pores;
using DyeRegistry.Pores.Distribution;
using DyeRegistry.Pores.Isotherms;
using DyeRegistry.Storage;

namespace DyeRegistry.Registry;

/// <summary>
/// A medium that carries its raw nitrogen isotherm (<c>ink_receiving_layer.isotherm</c>, pyGAPS
/// JSON form) or its pore distribution curve (<c>ink_receiving_layer.pore_distribution</c>)
/// instead of the two claim quantities gets them computed at import: Y
/// (<c>peak_pore_diameter_nm</c>) and A (<c>pore_volume_at_particle_diameter_ml_per_cm2</c>, the
/// curve at D = the polymer particles' average diameter X), each with its method. Values the
/// document states are never replaced.
/// </summary>
/// <remarks>
/// From an isotherm: BJH, desorption branch, Harkins-Jura, Kelvin, p/p0 up to 0.95; the curve is
/// dV/dlogD (the convention of records.md's example); per gram, turned per cm2 with the layer's
/// <c>coat_weight_g_per_m2</c> (without it A cannot be given per cm2 and only Y is computed).
/// From a curve: its own convention and basis (<c>per</c>: cm2 directly; g with the coat weight).
/// </remarks>
public static class MediumQuantities
{
    /// <summary>Y and A as fields of the ink-receiving layer.</summary>
    public const string PeakName = "peak_pore_diameter_nm";
    public const string AName = "pore_volume_at_particle_diameter_ml_per_cm2";

    public const string PeakField = "ink_receiving_layer." + PeakName;
    public const string AField = "ink_receiving_layer." + AName;

    public static (IReadOnlyList<ComputedQuantity> Quantities, IReadOnlyList<string> Notes) Compute(JsonObject medium, string where)
    {
        var layer = medium["ink_receiving_layer"] as JsonObject;
        if (layer is null || (layer["isotherm"] is null && layer["pore_distribution"] is null))
        {
            return ([], []);
        }

        var quantities = new List<ComputedQuantity>();
        var notes = new List<string>();
        var x = Storage.Records.RecordRules.QuantityValue(layer["polymer_particles"]?["average_diameter_nm"]);
        var coat = Storage.Records.RecordRules.QuantityValue(layer["coat_weight_g_per_m2"]);
        var needY = layer["peak_pore_diameter_nm"] is null;
        var needA = layer["pore_volume_at_particle_diameter_ml_per_cm2"] is null;

        if (layer["isotherm"] is JsonObject raw)
        {
            var isotherm = IsothermReader.FromPygapsJson(raw, $"{where}: ink_receiving_layer.isotherm");
            var options = new PsdOptions();
            var distribution = PsdCalculator.Compute(isotherm, options);
            var q = ClaimQuantities.From(distribution, DistributionConvention.DvDlogD, x, coat);
            if (needY)
            {
                quantities.Add(new ComputedQuantity(PeakField, q.PeakDiameterNanometres, "nm", q.Method));
            }

            if (needA)
            {
                if (q.ValueAtXPerSquareCentimetre is { } a && !double.IsNaN(a))
                {
                    quantities.Add(new ComputedQuantity(AField, a, "ml/cm2 (dV/dlogD per cm2 of medium)", q.Method)); // the method names the coat weight it used
                }
                else
                {
                    notes.Add(x is null ? "A not computed: the polymer particles' average_diameter_nm (X) is unknown"
                        : coat is null ? "A not computed per cm2: ink_receiving_layer.coat_weight_g_per_m2 is unknown"
                        : $"A not computed: X = {x} nm is outside the computed distribution");
                }
            }
        }
        else if (layer["pore_distribution"] is JsonObject curve)
        {
            var diameters = (curve["diameters_nm"] as JsonArray ?? []).Select(Storage.Records.RecordRules.QuantityValue).Select(v => v ?? double.NaN).ToList();
            var values = (curve["values"] as JsonArray ?? []).Select(Storage.Records.RecordRules.QuantityValue).Select(v => v ?? double.NaN).ToList();
            var convention = curve["convention"]?.GetValue<string>() ?? "dV/dlogD";
            var per = curve["per"]?.GetValue<string>() ?? "cm2";
            var method = $"read from the recorded pore distribution curve ({convention} per {per}{(curve["method"] is { } m ? ", " + m.GetValue<string>() : string.Empty)}); Y at its maximum; A its value at D = X (linear in log D)";
            if (needY)
            {
                quantities.Add(new ComputedQuantity(PeakField, CurveQuantities.PeakDiameter(diameters, values), "nm", method));
            }

            if (needA && x is { } xv)
            {
                var value = CurveQuantities.ValueAt(diameters, values, xv);
                var perCm2 = per switch
                {
                    "cm2" => value,
                    "m2" => value * 1e-4,
                    "g" when coat is { } w => value * w * 1e-4,
                    _ => double.NaN,
                };
                if (!double.IsNaN(perCm2))
                {
                    quantities.Add(new ComputedQuantity(AField, perCm2, "ml/cm2", method));
                }
                else
                {
                    notes.Add(double.IsNaN(value) ? $"A not computed: X = {xv} nm is outside the recorded curve" : "A not computed per cm2: the curve is per g and the coat weight is unknown");
                }
            }
        }

        return (quantities, notes);
    }
}
