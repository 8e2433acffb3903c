using System.CommandLine;

namespace DyeRegistry.Cli.Commands;

/// <summary>Examples in a command's help: appended to its description, which help prints first,
/// so <c>dyereg CMD --help</c> shows how the command is typed before the option list.</summary>
internal static class Examples
{
    public static void Add(Command command, params string[] lines)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Description += "\n\nExamples:\n" + string.Join("\n", lines.Select(l => "  " + l));
    }
}
