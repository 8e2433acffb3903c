using System.CommandLine;
using DyeRegistry.Chemistry.IO;

namespace DyeRegistry.Cli.Commands;

/// <summary>Arguments and options several commands share, defined once.</summary>
internal static class CommonOptions
{
    public static Argument<string> InputFile() => new("FILE")
    {
        Description = "SMILES lines (\"SMILES [id]\") or SDF, plain or .gz; '-' or nothing for standard input.",
        DefaultValueFactory = _ => StructureFileReader.StandardInput,
    };

    public static Option<int> Threads() => new("--threads", "-j")
    {
        Description = "Worker threads (default: one per core). Output order is the input order whatever the count.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    public static Option<bool> KeepGoing() => new("--keep-going", "-k")
    {
        Description = "Exit with 0 even when some records could not be read (they are still reported).",
    };
}
