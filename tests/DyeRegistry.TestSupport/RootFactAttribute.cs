using Xunit;

namespace DyeRegistry.TestSupport;

/// <summary>
/// A test that needs root (it mounts a small tmpfs to fill a disk for real). CI and the scripts run
/// as root; elsewhere the test is reported as skipped with this reason, never passed.
/// </summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Skip = "needs root: it mounts a small tmpfs to fill a disk (CI runs as root)";
        }
    }
}
