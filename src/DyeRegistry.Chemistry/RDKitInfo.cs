using DyeRegistry.Chemistry.Interop;

namespace DyeRegistry.Chemistry;

/// <summary>Versions of the chemistry engine in use.</summary>
public static class RDKitInfo
{
    /// <summary>The version of DyeRegistry's native bridge (native/).</summary>
    public static string BridgeVersion => Proxy.BridgeVersion();

    /// <summary>The RDKit release the bridge is linked against, e.g. "2022.09.3".</summary>
    public static string RDKitVersion => Proxy.RDKitVersion();
}
