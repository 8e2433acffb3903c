namespace DyeRegistry.Storage;

/// <summary>Who makes a change, as history records it: the operating-system user and the process
/// (program, id, host), so a shared registry's history says which writer did what.</summary>
public static class RegistryActor
{
    /// <summary>This process, e.g. <c>anna (dyereg pid 4242 on lab-3)</c>.</summary>
    public static string Current { get; } = Describe();

    private static string Describe()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return $"{Environment.UserName} ({process.ProcessName} pid {Environment.ProcessId} on {Environment.MachineName})";
    }
}
