using System.CommandLine;
using DyeRegistry.Cli.Commands;
using DyeRegistry.Cli.Hosting;

namespace DyeRegistry.Cli;

/// <summary>Entry point of <c>dyereg</c>: builds the command tree and runs it.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        NativeAllocator.UsePreferred(); // may replace this process by itself on jemalloc
        return BuildRoot().Parse(args).Invoke();
    }

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("DyeRegistry: ink-jet dye registration, Markush matching and claim scope.");
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(MatchCommand.Create());
        root.Subcommands.Add(FormulasCommand.Create());
        root.Subcommands.Add(PoresCommand.Create());
        root.Subcommands.Add(ScreenCommand.Create());
        root.Subcommands.Add(ScopeCommand.Create());
        foreach (var command in RegistryCommands.Create())
        {
            root.Subcommands.Add(command);
        }
        return root;
    }
}
