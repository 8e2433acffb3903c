namespace DyeRegistry.Pores.Isotherms;

/// <summary>One measured point: relative pressure p/p0 (0 to 1) and the amount adsorbed as
/// liquid nitrogen volume per gram of material.</summary>
public readonly record struct IsothermPoint(double RelativePressure, double LiquidVolumeCubicCentimetresPerGram);
