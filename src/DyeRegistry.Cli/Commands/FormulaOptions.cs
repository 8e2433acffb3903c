using System.CommandLine;
using DyeRegistry.Markush;

namespace DyeRegistry.Cli.Commands;

/// <summary>The formulas folder option, shared by every command that matches.</summary>
internal static class FormulaOptions
{
    public static Option<string> Folder() => new("--formulas")
    {
        Description = "Folder of formula and vocabulary files (default: $DYEREG_FORMULAS, else formulas/ beside the program or in /usr/share/dyeregistry, else the formulas/ folder of a checkout).",
        DefaultValueFactory = _ => FormulaLibrary.DefaultFolder(),
    };
}
