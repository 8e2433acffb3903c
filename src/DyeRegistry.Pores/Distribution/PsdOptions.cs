using DyeRegistry.Pores.Isotherms;

namespace DyeRegistry.Pores.Distribution;

/// <summary>
/// How a pore size distribution is computed. Immutable; defaults: BJH on the desorption branch,
/// Harkins-Jura thickness, the Kelvin meniscus of the branch, relative pressures up to 0.95 (the
/// pyGAPS defaults).
/// </summary>
public sealed record PsdOptions
{
    public PsdMethod Method { get; init; } = PsdMethod.Bjh;

    public Branch Branch { get; init; } = Branch.Desorption;

    public ThicknessModel Thickness { get; init; } = ThicknessModel.HarkinsJura;

    /// <summary>Lowest relative pressure used (none by default).</summary>
    public double? MinimumRelativePressure { get; init; }

    /// <summary>Highest relative pressure used. Default 0.95.</summary>
    public double? MaximumRelativePressure { get; init; } = 0.95;

    public string Describe() =>
        $"{(Method == PsdMethod.Bjh ? "BJH" : "Dollimore-Heal")}, {(Branch == Branch.Desorption ? "desorption" : "adsorption")} branch, " +
        $"{(Thickness == ThicknessModel.HarkinsJura ? "Harkins-Jura" : "Halsey")} thickness, Kelvin equation with a " +
        $"{(Branch == Branch.Desorption ? "hemispherical" : "cylindrical")} meniscus, cylindrical pores, " +
        $"p/p0 {(MinimumRelativePressure is { } lo ? lo.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : "lowest")} to " +
        $"{(MaximumRelativePressure is { } hi ? hi.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : "highest")}";
}
