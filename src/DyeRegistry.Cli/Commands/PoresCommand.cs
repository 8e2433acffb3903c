using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using DyeRegistry.Pores;
using DyeRegistry.Pores.Distribution;
using DyeRegistry.Pores.Isotherms;

namespace DyeRegistry.Cli.Commands;

/// <summary>
/// <c>dyereg pores ISOTHERM [--branch ads|des] [--method bjh|dh] [--thickness hj|halsey]
/// [--x-nm X] [--coat-weight G] [--convention dvdlogd|dvdd] [--format text|json] [--svg FILE]</c>.
/// </summary>
internal static class PoresCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("ISOTHERM") { Description = "pyGAPS JSON or CSV, or a plain CSV (relative_pressure, amount with unit, branch)." };
        var branch = new Option<string>("--branch") { DefaultValueFactory = _ => "des", Description = "ads or des (default des)." };
        branch.AcceptOnlyFromAmong("ads", "des");
        var method = new Option<string>("--method") { DefaultValueFactory = _ => "bjh", Description = "bjh or dh (Dollimore-Heal)." };
        method.AcceptOnlyFromAmong("bjh", "dh");
        var thickness = new Option<string>("--thickness") { DefaultValueFactory = _ => "hj", Description = "hj (Harkins-Jura) or halsey." };
        thickness.AcceptOnlyFromAmong("hj", "halsey");
        var x = new Option<double?>("--x-nm") { Description = "X, the polymer particles' average diameter (nm): A is the curve's value there." };
        var coat = new Option<double?>("--coat-weight") { Description = "Coat weight of the layer (g/m2): gives A per cm2 of medium." };
        var sampleArea = new Option<double?>("--sample-area-cm2") { Description = "Area of the measured piece of medium (cm2): with the sample mass gives A per cm2." };
        var sampleMass = new Option<double?>("--sample-mass-g") { Description = "Mass of the measured sample (g), when the isotherm file does not state it (pyGAPS material_mass)." };
        var convention = new Option<string>("--convention") { DefaultValueFactory = _ => "dvdd", Description = "The curve: dvdd (dV/dD, default, as pyGAPS reports the peak) or dvdlogd." };
        convention.AcceptOnlyFromAmong("dvdd", "dvdlogd");
        var pMax = new Option<double?>("--p-max") { Description = "Highest relative pressure used (default 0.95)." };
        var pMin = new Option<double?>("--p-min") { Description = "Lowest relative pressure used (default: none)." };
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var svg = new Option<string?>("--svg") { Description = "Write an SVG plot of the distribution with X and Y marked." };
        var command = new Command("pores", "Pore size distribution (BJH or Dollimore-Heal) from a nitrogen isotherm, with the claims' A and Y.")
        {
            file, branch, method, thickness, x, coat, sampleArea, sampleMass, convention, pMax, pMin, format, svg,
        };
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            try
            {
                Output.OutputTargets.Check([("--svg", parse.GetValue(svg))], [("isotherm", parse.GetValue(file))]);
                var isotherm = IsothermReader.Read(parse.GetValue(file)!);
                var options = new PsdOptions
                {
                    Branch = parse.GetValue(branch) == "ads" ? Branch.Adsorption : Branch.Desorption,
                    Method = parse.GetValue(method) == "dh" ? PsdMethod.DollimoreHeal : PsdMethod.Bjh,
                    Thickness = parse.GetValue(thickness) == "halsey" ? ThicknessModel.Halsey : ThicknessModel.HarkinsJura,
                    MaximumRelativePressure = parse.GetValue(pMax) ?? 0.95,
                    MinimumRelativePressure = parse.GetValue(pMin),
                };
                var conv = parse.GetValue(convention) == "dvdlogd" ? DistributionConvention.DvDlogD : DistributionConvention.DvDd;
                var d = PsdCalculator.Compute(isotherm, options);
                double? gramsPerCm2 = null;
                string? basis = null;
                if (parse.GetValue(coat) is { } w)
                {
                    (gramsPerCm2, basis) = (w * 1e-4, $"from the coat weight {F(w)} g/m2");
                }
                else if (parse.GetValue(sampleArea) is { } area)
                {
                    var mass = parse.GetValue(sampleMass) ?? isotherm.SampleMassGrams
                        ?? throw new IsothermFormatException($"{isotherm.Source}: --sample-area-cm2 needs the sample mass: the file states none (material_mass); give --sample-mass-g");
                    (gramsPerCm2, basis) = (mass / area, $"from the sample: {F(mass)} g on {F(area)} cm2");
                }

                var q = ClaimQuantities.FromLayerMass(d, conv, parse.GetValue(x), gramsPerCm2, basis);
                if (parse.GetValue(svg) is { } svgPath)
                {
                    Output.AtomicFile.WriteAllText(svgPath, PsdPlot.Svg(d, conv, parse.GetValue(x), $"{isotherm.Material}: {options.Describe().Split(',')[0]}, {options.Describe().Split(',')[1].Trim()}"));
                }

                if (parse.GetValue(format) == "json")
                {
                    o.WriteLine(Json(isotherm, d, q).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
                }
                else
                {
                    Text(o, isotherm, d, q);
                }

                return ExitCodes.Success;
            }
            catch (Exception e) when (e is IsothermFormatException or ArgumentException or IOException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"dyereg pores: {e.Message}");
                return ExitCodes.UsageOrInputError;
            }
        });
        return command;
    }

    private static string F(double v, string format = "G5") => v.ToString(format, CultureInfo.InvariantCulture);

    private static void Text(TextWriter o, Isotherm iso, PoreDistribution d, ClaimQuantities q)
    {
        o.WriteLine($"# {iso.Material} ({iso.Source}), {F(iso.TemperatureKelvin)} K, amounts {iso.AmountUnit}");
        o.WriteLine($"# {d.Options.Describe()}");
        o.WriteLine("# D_nm\tmean_D_nm\tdV_cm3_per_g\tV_cum_cm3_per_g\tdA_m2_per_g\tA_cum_m2_per_g\tdV/dD_cm3_per_g_nm\tdV/dlogD_cm3_per_g");
        foreach (var s in d.Steps)
        {
            o.WriteLine(string.Join('\t', F(s.DiameterNanometres, "0.###"), F(s.AverageDiameterNanometres, "0.###"), F(s.IncrementalVolumeCubicCentimetresPerGram),
                F(s.CumulativeVolumeCubicCentimetresPerGram), F(s.IncrementalAreaSquareMetresPerGram), F(s.CumulativeAreaSquareMetresPerGram),
                F(s.DvDdCubicCentimetresPerGramNanometre), F(s.DvDlogDCubicCentimetresPerGram)));
        }

        o.WriteLine($"total pore volume {F(d.TotalPoreVolumeCubicCentimetresPerGram, "0.####")} cm3/g, total pore area {F(d.TotalPoreAreaSquareMetresPerGram, "0.#")} m2/g");
        o.WriteLine($"Y (peak pore diameter) = {F(q.PeakDiameterNanometres, "0.00")} nm ({(q.Convention == DistributionConvention.DvDd ? "dV/dD" : "dV/dlogD")} maximum)");
        if (q.ValueAtXPerGram is { } a)
        {
            o.WriteLine($"A (curve at D = X) = {F(a)} per g{(q.ValueAtXPerSquareCentimetre is { } ac ? $" = {F(ac)} per cm2 of medium" : " (give --coat-weight, or --sample-area-cm2, for per cm2)")}");
        }

        o.WriteLine($"# method: {q.Method}");
    }

    private static JsonObject Json(Isotherm iso, PoreDistribution d, ClaimQuantities q) => new()
    {
        ["material"] = iso.Material,
        ["source"] = iso.Source,
        ["temperature_k"] = iso.TemperatureKelvin,
        ["method"] = q.Method,
        ["peak_diameter_nm"] = q.PeakDiameterNanometres,
        ["total_pore_volume_cm3_per_g"] = d.TotalPoreVolumeCubicCentimetresPerGram,
        ["total_pore_area_m2_per_g"] = d.TotalPoreAreaSquareMetresPerGram,
        ["convention"] = q.Convention == DistributionConvention.DvDd ? "dV/dD" : "dV/dlogD",
        ["value_at_x_per_g"] = q.ValueAtXPerGram is { } a && !double.IsNaN(a) ? a : null,
        ["value_at_x_per_cm2"] = q.ValueAtXPerSquareCentimetre is { } c && !double.IsNaN(c) ? c : null,
        ["distribution"] = new JsonArray(d.Steps.Select(s => (JsonNode)new JsonObject
        {
            ["diameter_nm"] = s.DiameterNanometres,
            ["mean_diameter_nm"] = s.AverageDiameterNanometres,
            ["incremental_volume_cm3_per_g"] = s.IncrementalVolumeCubicCentimetresPerGram,
            ["cumulative_volume_cm3_per_g"] = s.CumulativeVolumeCubicCentimetresPerGram,
            ["incremental_area_m2_per_g"] = s.IncrementalAreaSquareMetresPerGram,
            ["cumulative_area_m2_per_g"] = s.CumulativeAreaSquareMetresPerGram,
            ["dv_dd_cm3_per_g_nm"] = s.DvDdCubicCentimetresPerGramNanometre,
            ["dv_dlogd_cm3_per_g"] = s.DvDlogDCubicCentimetresPerGram,
        }).ToArray()),
    };
}
