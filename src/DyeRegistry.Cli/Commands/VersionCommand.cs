using System.CommandLine;
using System.Reflection;
using DyeRegistry.Chemistry;

namespace DyeRegistry.Cli.Commands;

/// <summary><c>dyereg version</c>: this program's version and the RDKit it runs on.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Show the versions of dyereg, its RDKit bridge and RDKit.");
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"dyereg {ProgramVersion()}");
            output.WriteLine($"RDKit {RDKitInfo.RDKitVersion} (bridge {RDKitInfo.BridgeVersion})");
            output.WriteLine($"allocator: {Hosting.NativeAllocator.Current}");
            return ExitCodes.Success;
        });
        return command;
    }

    internal static string ProgramVersion()
    {
        var info = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return info?.Split('+')[0] ?? "unknown";
    }
}
