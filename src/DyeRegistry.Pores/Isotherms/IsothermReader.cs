using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DyeRegistry.Pores.Isotherms;

/// <summary>
/// Reads nitrogen isotherms: pyGAPS JSON (file_version 3), pyGAPS CSV (key,value header then
/// <c>data:[pressure,loading,branch,(otherdata)]</c>), and a plain CSV whose header names the
/// units: <c>relative_pressure</c>, one of <c>amount_mmol_per_g</c>, <c>volume_cm3_stp_per_g</c>,
/// <c>volume_cm3_liquid_per_g</c>, and <c>branch</c> (ads or des); <c># temperature_k: T</c> and
/// <c># material: M</c> comment lines are read. Pressures become relative (absolute ones through
/// the saturation pressure at the isotherm's temperature); amounts become liquid volume per gram.
/// A point without branch is on the adsorption branch (pyGAPS's convention).
/// </summary>
public static class IsothermReader
{
    public static Isotherm Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new IsothermFormatException($"{path}: no such file");
        }

        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return ReadPygapsJson(path);
        }

        var lines = File.ReadAllLines(path);
        return lines.Any(l => l.StartsWith("data:[", StringComparison.Ordinal)) ? ReadPygapsCsv(path, lines) : ReadPlainCsv(path, lines);
    }

    private sealed record Units(string PressureMode, string? PressureUnit, string LoadingBasis, string LoadingUnit, string MaterialUnit, double TemperatureKelvin);

    private static Isotherm ReadPygapsJson(string path)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new IsothermFormatException($"{path}: empty");
        }
        catch (JsonException e)
        {
            throw new IsothermFormatException($"{path}: not valid JSON at line {e.LineNumber + 1}: {e.Message}");
        }

        return FromPygapsJson(root, path);
    }

    /// <summary>An isotherm in pyGAPS JSON form given inline (a medium record's <c>isotherm</c>);
    /// <paramref name="path"/> names it in messages.</summary>
    public static Isotherm FromPygapsJson(JsonObject root, string path)
    {
        string? Text(string key) => root[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var temperature = root["temperature"] is JsonValue t && t.TryGetValue<double>(out var k) ? k
            : throw new IsothermFormatException($"{path}: temperature: missing (kelvin)");
        var units = new Units(Text("pressure_mode") ?? "absolute", Text("pressure_unit"), Text("loading_basis") ?? "molar",
            Text("loading_unit") ?? "mmol", Text("material_unit") ?? "g", temperature);
        Adsorbate(Text("adsorbate"), path);
        var points = root["isotherm_data"] as JsonArray ?? throw new IsothermFormatException($"{path}: isotherm_data: missing (a list of points)");
        var raw = new List<(double P, double L, bool Des, string Where)>();
        for (var i = 0; i < points.Count; i++)
        {
            var where = $"{path}: point {i + 1}";
            var p = points[i] as JsonObject ?? throw new IsothermFormatException($"{where}: expected an object");
            var des = p["branch"] is JsonValue b && (b.GetValueKind() == JsonValueKind.True || (b.TryGetValue<string>(out var bs) && bs == "des"));
            raw.Add((Number(p["pressure"], where, "pressure"), Number(p["loading"], where, "loading"), des, where));
        }

        var mass = root["material_mass"] is JsonValue mv && mv.TryGetValue<double>(out var g) && g > 0 ? g : (double?)null;
        return Build(path, Text("material") ?? Path.GetFileNameWithoutExtension(path), units, raw) with { SampleMassGrams = mass };
    }

    private static Isotherm ReadPygapsCsv(string path, string[] lines)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        for (; i < lines.Length && !lines[i].StartsWith("data:[", StringComparison.Ordinal); i++)
        {
            var cut = lines[i].IndexOf(',');
            if (cut > 0)
            {
                meta[lines[i][..cut].Trim()] = lines[i][(cut + 1)..].Trim();
            }
        }

        if (i + 1 >= lines.Length)
        {
            throw new IsothermFormatException($"{path}: no column header after the data: line");
        }

        var header = lines[i + 1].Split(',').Select(h => h.Trim()).ToArray();
        var pc = Array.FindIndex(header, h => h.StartsWith("pressure", StringComparison.Ordinal));
        var lc = Array.FindIndex(header, h => h.StartsWith("loading", StringComparison.Ordinal));
        var bc = Array.FindIndex(header, h => h == "branch");
        if (pc < 0 || lc < 0)
        {
            throw new IsothermFormatException($"{path}: line {i + 2}: expected pressure and loading columns, got {lines[i + 1]}");
        }

        var temperature = meta.TryGetValue("temperature", out var ts) && double.TryParse(ts, NumberStyles.Float, CultureInfo.InvariantCulture, out var tk) ? tk
            : throw new IsothermFormatException($"{path}: temperature: missing (kelvin)");
        Adsorbate(meta.GetValueOrDefault("adsorbate"), path);
        var units = new Units(meta.GetValueOrDefault("pressure_mode", "absolute"), meta.GetValueOrDefault("pressure_unit"),
            meta.GetValueOrDefault("loading_basis", "molar"), meta.GetValueOrDefault("loading_unit", "mmol"), meta.GetValueOrDefault("material_unit", "g"), temperature);
        var raw = new List<(double, double, bool, string)>();
        for (var j = i + 2; j < lines.Length; j++)
        {
            if (string.IsNullOrWhiteSpace(lines[j]))
            {
                continue;
            }

            var cells = lines[j].Split(',');
            var where = $"{path}: line {j + 1}";
            raw.Add((Parse(cells.ElementAtOrDefault(pc), where, header[pc]), Parse(cells.ElementAtOrDefault(lc), where, header[lc]),
                bc >= 0 && cells.ElementAtOrDefault(bc)?.Trim() == "des", where));
        }

        return Build(path, meta.GetValueOrDefault("material") ?? Path.GetFileNameWithoutExtension(path), units, raw);
    }

    private static Isotherm ReadPlainCsv(string path, string[] lines)
    {
        var temperature = Nitrogen.NormalBoilingPointKelvin;
        string? material = null;
        string[]? header = null;
        var raw = new List<(double, double, bool, string)>();
        var amountColumn = -1;
        string basis = string.Empty;
        for (var j = 0; j < lines.Length; j++)
        {
            var line = lines[j].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                var kv = line.TrimStart('#').Split(':', 2);
                if (kv.Length == 2 && kv[0].Trim() == "temperature_k")
                {
                    temperature = Parse(kv[1], $"{path}: line {j + 1}", "temperature_k");
                }
                else if (kv.Length == 2 && kv[0].Trim() == "material")
                {
                    material = kv[1].Trim();
                }

                continue;
            }

            if (header is null)
            {
                header = line.Split(',').Select(h => h.Trim()).ToArray();
                if (Array.IndexOf(header, "relative_pressure") < 0)
                {
                    throw new IsothermFormatException($"{path}: line {j + 1}: expected a header with relative_pressure, an amount column with its unit (amount_mmol_per_g, volume_cm3_stp_per_g or volume_cm3_liquid_per_g) and branch");
                }

                amountColumn = Array.FindIndex(header, h => h is "amount_mmol_per_g" or "volume_cm3_stp_per_g" or "volume_cm3_liquid_per_g");
                if (amountColumn < 0)
                {
                    throw new IsothermFormatException($"{path}: line {j + 1}: no amount column with a stated unit (amount_mmol_per_g, volume_cm3_stp_per_g or volume_cm3_liquid_per_g)");
                }

                basis = header[amountColumn];
                continue;
            }

            var cells = line.Split(',');
            var where = $"{path}: line {j + 1}";
            var b = Array.IndexOf(header, "branch");
            raw.Add((Parse(cells.ElementAtOrDefault(Array.IndexOf(header, "relative_pressure")), where, "relative_pressure"),
                Parse(cells.ElementAtOrDefault(amountColumn), where, basis), b >= 0 && cells.ElementAtOrDefault(b)?.Trim() == "des", where));
        }

        if (header is null)
        {
            throw new IsothermFormatException($"{path}: no header line");
        }

        var units = basis switch
        {
            "amount_mmol_per_g" => new Units("relative", null, "molar", "mmol", "g", temperature),
            "volume_cm3_stp_per_g" => new Units("relative", null, "volume_gas", "cm3", "g", temperature),
            _ => new Units("relative", null, "volume_liquid", "cm3", "g", temperature),
        };
        return Build(path, material ?? Path.GetFileNameWithoutExtension(path), units, raw);
    }

    private static Isotherm Build(string path, string material, Units units, List<(double P, double L, bool Des, string Where)> raw)
    {
        var p0 = units.PressureMode switch
        {
            "relative" => 1.0,
            "absolute" => PressureInBar(1.0, units.PressureUnit, path) is var perUnit && perUnit > 0 ? Nitrogen.SaturationPressureBar(units.TemperatureKelvin) / perUnit : 0,
            _ => throw new IsothermFormatException($"{path}: pressure_mode: expected relative or absolute, not '{units.PressureMode}'"),
        };
        var perGram = units.MaterialUnit switch
        {
            "g" => 1.0,
            "kg" => 1e-3,
            _ => throw new IsothermFormatException($"{path}: material_unit: expected g or kg, not '{units.MaterialUnit}'"),
        };
        Func<double, double> toLiquid = (units.LoadingBasis, units.LoadingUnit) switch
        {
            ("molar", "mmol") => l => l * Nitrogen.LiquidVolumePerMillimole,
            ("molar", "mol") => l => l * 1000 * Nitrogen.LiquidVolumePerMillimole,
            ("volume_gas", "cm3") => l => l / Nitrogen.StpMolarVolumeCubicCentimetresPerMole * 1000 * Nitrogen.LiquidVolumePerMillimole,
            ("volume_liquid", "cm3") => l => l,
            ("mass", "g") => l => l / Nitrogen.MolarMassGramsPerMole * 1000 * Nitrogen.LiquidVolumePerMillimole,
            _ => throw new IsothermFormatException($"{path}: loading: unsupported basis '{units.LoadingBasis}' with unit '{units.LoadingUnit}' (molar mmol, volume_gas cm3 at STP, volume_liquid cm3, mass g)"),
        };
        var ads = new List<IsothermPoint>();
        var des = new List<IsothermPoint>();
        // Converted absolute pressures depend on the estimate of p0 (Clausius-Clapeyron, about 1 %):
        // up to 2 % above 1 is accepted as saturation and left out of distributions (p/p0 < 1 only).
        var ceiling = units.PressureMode == "absolute" ? 1.02 : 1.0 + 1e-6;
        foreach (var (p, l, isDes, where) in raw)
        {
            var relative = p / p0;
            if (!(relative > 0 && relative <= ceiling))
            {
                throw new IsothermFormatException($"{where}: relative pressure {relative.ToString("G6", CultureInfo.InvariantCulture)} is outside (0, 1]");
            }

            if (l < 0)
            {
                throw new IsothermFormatException($"{where}: amount adsorbed {l.ToString(CultureInfo.InvariantCulture)} is negative");
            }

            (isDes ? des : ads).Add(new IsothermPoint(relative, toLiquid(l) / perGram));
        }

        CheckMonotonic(ads, rising: true, path, "adsorption");
        CheckMonotonic(des, rising: false, path, "desorption");
        var unit = $"{units.LoadingBasis} {units.LoadingUnit} per {units.MaterialUnit}, pressure {units.PressureMode}{(units.PressureUnit is null ? string.Empty : " " + units.PressureUnit)}";
        return new Isotherm(material, units.TemperatureKelvin, ads, des, unit, path);
    }

    private static void CheckMonotonic(List<IsothermPoint> points, bool rising, string path, string branch)
    {
        for (var i = 1; i < points.Count; i++)
        {
            var ok = rising ? points[i].RelativePressure > points[i - 1].RelativePressure : points[i].RelativePressure < points[i - 1].RelativePressure;
            if (!ok)
            {
                throw new IsothermFormatException($"{path}: {branch} branch point {i + 1}: relative pressure {points[i].RelativePressure.ToString("G6", CultureInfo.InvariantCulture)} does not {(rising ? "rise" : "fall")} after {points[i - 1].RelativePressure.ToString("G6", CultureInfo.InvariantCulture)}");
            }
        }
    }

    private static double PressureInBar(double value, string? unit, string path) => unit switch
    {
        "bar" => value,
        "Pa" => value / 1e5,
        "kPa" => value / 100,
        "mbar" => value / 1000,
        "torr" or "Torr" or "mmHg" => value / 750.062,
        "atm" => value * 1.01325,
        _ => throw new IsothermFormatException($"{path}: pressure_unit: expected bar, Pa, kPa, mbar, torr or atm for absolute pressures, not '{unit}'"),
    };

    private static void Adsorbate(string? name, string path)
    {
        if (name is not null && !name.Equals("nitrogen", StringComparison.OrdinalIgnoreCase) && !name.Equals("N2", StringComparison.Ordinal))
        {
            throw new IsothermFormatException($"{path}: adsorbate: '{name}'; pore distributions here are computed for nitrogen at 77 K only");
        }
    }

    private static double Number(JsonNode? node, string where, string field) =>
        node is JsonValue v && v.TryGetValue<double>(out var d) ? d : throw new IsothermFormatException($"{where}: {field}: expected a number");

    private static double Parse(string? text, string where, string field) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw new IsothermFormatException($"{where}: {field}: expected a number, got '{text}'");
}
