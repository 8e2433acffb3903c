using System.CommandLine;
using DyeRegistry.Cli.Commands;
using DyeRegistry.Cli.Hosting;

namespace DyeRegistry.Cli;

/// <summary>Entry point of <c>dyereg</c>: builds the command tree and runs it.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        NativeAllocator.UsePreferred(args); // may replace this process by itself on jemalloc
        StartupLog.Mark("main");
        var exit = Run(args, new InvocationConfiguration());
        StartupLog.Mark("end");
        return exit;
    }

    /// <summary>Runs one command line; any exception a command did not handle becomes one line on
    /// standard error (details in a log file, or printed with --debug) and exit code 2.</summary>
    public static int Run(string[] args, InvocationConfiguration configuration) => Run(args, configuration, BuildRoot);

    /// <summary>As <see cref="Run(string[], InvocationConfiguration)"/> over another command tree (tests).</summary>
    internal static int Run(string[] args, InvocationConfiguration configuration, Func<RootCommand> build)
    {
        configuration.EnableDefaultExceptionHandler = false;
        try
        {
            var root = build();
            StartupLog.Mark("command tree built");
            var parsed = root.Parse(args);
            StartupLog.Mark("arguments parsed");
            return parsed.Invoke(configuration);
        }
        catch (Exception e)
        {
            return UnexpectedErrors.Report(e, args, configuration.Error, args.Contains(UnexpectedErrors.DebugOption));
        }
    }

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("DyeRegistry: ink-jet dye registration, Markush matching and claim scope.");
        root.Options.Add(new Option<bool>(UnexpectedErrors.DebugOption)
        {
            Description = "On an unexpected error, print its details (stack trace) instead of only writing them to a log file.",
            Recursive = true,
        });
        root.Options.Add(RegistryOptions.Global);
        Examples.Add(root,
            "dyereg init --registry dyes.db",
            "dyereg --registry dyes.db import dyes.sdf catalogue.csv",
            "dyereg --registry dyes.db show DR1",
            "dyereg --registry dyes.db search --similar 'CN(C)c1ccc(N=Nc2ccc(S(=O)(=O)O)cc2)cc1'",
            "dyereg screen catalogue.smi -o hits.csv",
            "dyereg match structures.smi --format csv");
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(MatchCommand.Create());
        root.Subcommands.Add(FormulasCommand.Create());
        root.Subcommands.Add(PoresCommand.Create());
        root.Subcommands.Add(ScreenCommand.Create());
        root.Subcommands.Add(ScopeCommand.Create());
        root.Subcommands.Add(SchemaCommand.Create());
        root.Subcommands.Add(CompletionCommand.Create(BuildRoot));
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(ModelCommand.Create());
        root.Subcommands.Add(EstimateCommand.Create());
        root.Subcommands.Add(ClusterCommand.Create());
        foreach (var command in RegistryCommands.Create())
        {
            root.Subcommands.Add(command);
        }

        // --registry is the root's recursive option: commands that also add it themselves drop
        // their copy, so help lists it once and it may come before or after the command.
        foreach (var command in Descendants(root))
        {
            command.Options.Remove(RegistryOptions.Global);
        }

        Examples.ShowInHelp(root);
        return root;
    }

    private static IEnumerable<Command> Descendants(Command command)
    {
        foreach (var sub in command.Subcommands)
        {
            yield return sub;
            foreach (var deeper in Descendants(sub))
            {
                yield return deeper;
            }
        }
    }
}
