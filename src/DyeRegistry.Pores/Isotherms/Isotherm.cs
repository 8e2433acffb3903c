namespace DyeRegistry.Pores.Isotherms;

/// <summary>
/// A nitrogen isotherm: its two branches in measurement order (adsorption rising, desorption
/// falling), amounts as liquid volume per gram (converted once on reading, with
/// <see cref="Nitrogen"/>'s constants; the original unit is recorded in <see cref="AmountUnit"/>).
/// </summary>
public sealed record Isotherm(
    string Material,
    double TemperatureKelvin,
    IReadOnlyList<IsothermPoint> Adsorption,
    IReadOnlyList<IsothermPoint> Desorption,
    string AmountUnit,
    string Source)
{
    /// <summary>Mass of the measured sample (pyGAPS <c>material_mass</c>), when the file states it.</summary>
    public double? SampleMassGrams { get; init; }

    public IReadOnlyList<IsothermPoint> Points(Branch branch) => branch == Branch.Adsorption ? Adsorption : Desorption;
}
