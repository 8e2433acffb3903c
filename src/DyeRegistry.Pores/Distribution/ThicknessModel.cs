namespace DyeRegistry.Pores.Distribution;

/// <summary>Statistical thickness of the adsorbed nitrogen film, t (nm), as a function of p/p0.</summary>
public enum ThicknessModel
{
    /// <summary>Harkins-Jura: t = sqrt(0.1399 / (0.034 - log10 p)) nm.</summary>
    HarkinsJura,

    /// <summary>Halsey: t = 0.354 (-5 / ln p)^(1/3) nm.</summary>
    Halsey,
}

public static class Thickness
{
    public static double Nanometres(ThicknessModel model, double relativePressure) => model switch
    {
        ThicknessModel.HarkinsJura => Math.Sqrt(0.1399 / (0.034 - Math.Log10(relativePressure))),
        _ => 0.354 * Math.Cbrt(-5.0 / Math.Log(relativePressure)),
    };
}
