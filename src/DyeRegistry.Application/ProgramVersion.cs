using System.Reflection;

namespace DyeRegistry.Application;

/// <summary>This program's version (every project of the solution carries the same one), as
/// charts print it.</summary>
public static class ProgramVersion
{
    public static string Text()
    {
        var info = typeof(ProgramVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return info?.Split('+')[0] ?? "unknown";
    }
}
