using System.Diagnostics;

namespace DyeRegistry.Cli.Hosting;

/// <summary>
/// Where a command's start-up goes, for measuring it: with <c>DYEREG_STARTUP_LOG=1</c> each mark
/// prints one line on standard error with the wall and CPU milliseconds since the process
/// started (the runtime's own start included). Off, a mark costs one static field read.
/// </summary>
internal static class StartupLog
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("DYEREG_STARTUP_LOG") is "1";

    public static void Mark(string what)
    {
        if (!Enabled)
        {
            return;
        }

        using var self = Process.GetCurrentProcess();
        var wall = DateTime.Now - self.StartTime;
        Console.Error.WriteLine(FormattableString.Invariant($"startup: {what}: {wall.TotalMilliseconds:F0} ms wall, {self.TotalProcessorTime.TotalMilliseconds:F0} ms CPU ({self.UserProcessorTime.TotalMilliseconds:F0} user)"));
    }
}
