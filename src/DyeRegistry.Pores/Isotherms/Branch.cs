namespace DyeRegistry.Pores.Isotherms;

/// <summary>Adsorption (pressure rising) or desorption (pressure falling).</summary>
public enum Branch
{
    Adsorption,
    Desorption,
}
