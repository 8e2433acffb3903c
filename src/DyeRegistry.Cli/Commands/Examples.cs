using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace DyeRegistry.Cli.Commands;

/// <summary>Examples in a command's help: <c>dyereg CMD --help</c> prints them after the usage and
/// options (kept out of the description, which the parent's command list repeats).</summary>
internal static class Examples
{
    private static readonly ConditionalWeakTable<Command, string[]> Lines = new();

    public static void Add(Command command, params string[] lines)
    {
        ArgumentNullException.ThrowIfNull(command);
        Lines.AddOrUpdate(command, lines);
    }

    /// <summary>Makes the tree's help option print each command's examples after the help text.</summary>
    public static void ShowInHelp(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is { } original and not WithExamples)
            {
                help.Action = new WithExamples(original);
            }
        }
    }

    private sealed class WithExamples(CommandLineAction original) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var code = original is SynchronousCommandLineAction run ? run.Invoke(parseResult) : 0;
            if (Lines.TryGetValue(parseResult.CommandResult.Command, out var lines))
            {
                var o = parseResult.InvocationConfiguration.Output;
                o.WriteLine("Examples:");
                foreach (var line in lines)
                {
                    o.WriteLine("  " + line);
                }

                o.WriteLine();
            }

            return code;
        }
    }
}
