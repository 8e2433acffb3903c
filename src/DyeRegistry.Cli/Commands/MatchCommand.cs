using System.CommandLine;
using DyeRegistry.Chemistry;
using DyeRegistry.Chemistry.IO;
using DyeRegistry.Application.Matching;
using DyeRegistry.Markush;
using DyeRegistry.Markush.Loading;
using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Cli.Commands;

/// <summary>
/// <c>dyereg match [FILE] [--formula ID]... [--format text|json|jsonl|csv] [--svg DIR]</c>:
/// matches every record against the formulas and explains each verdict. Records that cannot be
/// read are reported in the output (error field) and the run goes on; exit code 1 when any
/// failed unless --keep-going. Output order is input order whatever --threads.
/// </summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var file = CommonOptions.InputFile();
        var formula = new Option<string[]>("--formula", "-f") { Description = "Formula id to evaluate (repeatable; default: all).", AllowMultipleArgumentsPerToken = false };
        var format = new Option<string>("--format") { Description = "text, json, jsonl or csv.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(StructureMatching.Formats);
        var svg = new Option<string?>("--svg") { Description = "Write an SVG per match (core and each slot highlighted and labelled) into this folder." };
        var reading = new Option<string[]>("--reading") { Description = "Reading of a formula's ambiguous slots, FORMULA=READING (e.g. I=literal)." };
        var folder = FormulaOptions.Folder();
        var threads = CommonOptions.Threads();
        var keepGoing = CommonOptions.KeepGoing();
        var noTautomers = new Option<bool>("--no-tautomers") { Description = "Judge the drawn form only." };
        var command = new Command("match", "Match structures against the general formulas of claim 2 and explain every verdict.")
        {
            file, formula, format, svg, reading, folder, threads, keepGoing, noTautomers,
        };
        Examples.Add(command, "dyereg match dyes.smi", "dyereg match catalogue.sdf --format csv > verdicts.csv", "echo 'CCN(CC)c1ccc(N=Nc2ncc(s2)[N+](=O)[O-])cc1 D1' | dyereg match -f Y-I");
        var limitOptions = new LimitOptions().AddTo(command);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            FormulaLibrary library;
            try
            {
                library = FormulaLibrary.Load(parse.GetValue(folder)!);
            }
            catch (FormulaFileException e)
            {
                stderr.WriteLine($"dyereg match: the formula files are invalid:\n{e.Message}");
                return ExitCodes.UsageOrInputError;
            }

            using (library)
            {
                MatchOptions options;
                StructureLimits limits;
                try
                {
                    limits = limitOptions.Read(parse);
                    options = new MatchOptions
                    {
                        Formulas = parse.GetValue(formula) ?? [],
                        Readings = StructureMatching.ParseReadings(parse.GetValue(reading) ?? []),
                        ConsiderTautomers = !parse.GetValue(noTautomers),
                        Depict = parse.GetValue(svg) is not null,
                    };
                    StructureMatching.RequireKnown(library, options.Formulas);
                }
                catch (ArgumentException e)
                {
                    stderr.WriteLine($"dyereg match: {e.Message}");
                    return ExitCodes.UsageOrInputError;
                }

                try
                {
                    var interactive = Output.TerminalInput.Announce(parse.GetValue(file)!, stderr);
                    var failed = Run(library, options, parse.GetValue(file)!, parse.GetValue(format)!, parse.GetValue(svg), interactive ? 1 : parse.GetValue(threads), stdout, stderr, limits);
                    return failed > 0 && !parse.GetValue(keepGoing) ? ExitCodes.RecordsFailed : ExitCodes.Success;
                }
                catch (IOException e)
                {
                    stderr.WriteLine($"dyereg match: {e.Message}");
                    return ExitCodes.UsageOrInputError;
                }
            }
        });
        return command;
    }

    internal static long Run(FormulaLibrary library, MatchOptions options, string path, string format, string? svgFolder, int threads, TextWriter stdout, TextWriter stderr, StructureLimits? limits = null)
    {
        if (svgFolder is not null)
        {
            Directory.CreateDirectory(svgFolder);
        }

        return StructureMatching.Run(library, options, path, format, threads, stdout, stderr, limits, svgFolder is null ? null : o => WriteSvgs(svgFolder, o));
    }

    private static void WriteSvgs(string folder, MatchOutcome o)
    {
        foreach (var f in o.Match!.Formulas.Where(f => f.Svg is not null))
        {
            var name = string.Concat($"{o.Id}_{f.FormulaId}".Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
            Output.AtomicFile.WriteAllText(Path.Combine(folder, name + ".svg"), f.Svg!);
        }
    }
}
