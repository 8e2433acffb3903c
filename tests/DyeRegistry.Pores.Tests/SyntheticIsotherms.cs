using DyeRegistry.Pores.Isotherms;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Pores.Tests;

/// <summary>Closed-form isotherms (<see cref="SyntheticIsotherm"/>) as <see cref="Isotherm"/> objects.</summary>
internal static class SyntheticIsotherms
{
    public static Isotherm Cylinders(Branch branch, params (double DiameterNm, double VolumeCm3PerG)[] populations)
    {
        var points = SyntheticIsotherm.Cylinders(branch, 400, populations);
        return branch == Branch.Adsorption
            ? new Isotherm("synthetic", Nitrogen.NormalBoilingPointKelvin, points, [], "volume_liquid cm3 per g", "synthetic")
            : new Isotherm("synthetic", Nitrogen.NormalBoilingPointKelvin, [], points, "volume_liquid cm3 per g", "synthetic");
    }
}
