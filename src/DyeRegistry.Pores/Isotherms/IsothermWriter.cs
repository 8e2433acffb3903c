using System.Text.Json.Nodes;

namespace DyeRegistry.Pores.Isotherms;

/// <summary>
/// An isotherm in the pyGAPS JSON form a medium record carries (<c>ink_receiving_layer.isotherm</c>),
/// as <see cref="IsothermReader.FromPygapsJson"/> reads it back: relative pressures and liquid
/// nitrogen volume per gram (the units the isotherm holds after reading, whatever the uploaded
/// file used), both branches in measurement order.
/// </summary>
public static class IsothermWriter
{
    public static JsonObject ToPygapsJson(Isotherm isotherm)
    {
        ArgumentNullException.ThrowIfNull(isotherm);
        var points = new JsonArray();
        foreach (var (branch, name) in new[] { (Branch.Adsorption, "ads"), (Branch.Desorption, "des") })
        {
            foreach (var p in isotherm.Points(branch))
            {
                points.Add(new JsonObject { ["pressure"] = p.RelativePressure, ["loading"] = p.LiquidVolumeCubicCentimetresPerGram, ["branch"] = name });
            }
        }

        var json = new JsonObject
        {
            ["material"] = isotherm.Material,
            ["adsorbate"] = "nitrogen",
            ["temperature"] = isotherm.TemperatureKelvin,
            ["pressure_mode"] = "relative",
            ["loading_basis"] = "volume_liquid",
            ["loading_unit"] = "cm3",
            ["material_unit"] = "g",
            ["isotherm_data"] = points,
        };
        if (isotherm.SampleMassGrams is { } mass)
        {
            json["material_mass"] = mass;
        }

        return json;
    }
}
