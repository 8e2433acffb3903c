using System.CommandLine;
using DyeRegistry.Chemistry;

namespace DyeRegistry.Cli.Commands;

/// <summary><c>dyereg version</c>: this program's version, the RDKit it runs on, the allocator, and
/// the formula, claim and model folders in use.</summary>
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
            output.WriteLine($"formulas: {Shown(Markush.FormulaLibrary.DefaultFolder(), "substituent-classes.yaml")}");
            output.WriteLine($"claims: {Shown(Claims.ClaimLibrary.DefaultFolder(), "readings.yaml")}");
            output.WriteLine($"models: {Shown(Path.GetDirectoryName(Estimating.ModelFolder.DefaultSolubilityModel())!, Estimating.ModelFolder.SolubilityFile)}");
            return ExitCodes.Success;
        });
        return command;
    }

    // The data folders in use (the default rule; --formulas / --claims / --model override them per command).
    private static string Shown(string folder, string marker) =>
        File.Exists(Path.Combine(folder, marker)) ? Path.GetFullPath(folder) : $"not found ({folder})";

    internal static string ProgramVersion() => Application.ProgramVersion.Text();
}
