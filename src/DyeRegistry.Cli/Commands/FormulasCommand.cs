using System.CommandLine;
using DyeRegistry.Markush;
using DyeRegistry.Markush.Loading;

namespace DyeRegistry.Cli.Commands;

/// <summary>
/// <c>dyereg formulas</c> lists the formulas with provenance, version and source;
/// <c>dyereg formulas check</c> validates the files and lists every problem (file:line: field: what).
/// </summary>
internal static class FormulasCommand
{
    public static Command Create()
    {
        var folder = FormulaOptions.Folder();
        var command = new Command("formulas", "List the general formulas of claim 2 with provenance and version.") { folder };
        Examples.Add(command, "dyereg formulas", "dyereg formulas check --formulas my-formulas/");
        command.SetAction(parse => Run(parse, parse.GetValue(folder)!, list: true));
        var check = new Command("check", "Validate the formula and vocabulary files; every problem with file, line and field.") { folder };
        check.SetAction(parse => Run(parse, parse.GetValue(folder)!, list: false));
        command.Subcommands.Add(check);
        return command;
    }

    private static int Run(ParseResult parse, string folder, bool list)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        try
        {
            using var library = FormulaLibrary.Load(folder);
            if (!list)
            {
                stdout.WriteLine($"{folder}: {library.Formulas.Count} formulas and {library.Classes.Count} substituent classes are valid");
                return ExitCodes.Success;
            }

            stdout.WriteLine($"# formulas in {folder} (vocabulary '{library.Vocabulary.Id}' version {library.Vocabulary.Version}, {library.Classes.Count} classes)");
            foreach (var document in library.Formulas.Select(c => c.Formula.Document.Describe()).Distinct())
            {
                stdout.WriteLine($"# from the patent document {document}");
            }

            stdout.WriteLine("# id\tprovenance\tversion\tvariants\tslots\tname\tsource\tpatent document");
            foreach (var f in library.Formulas.Select(c => c.Formula))
            {
                stdout.WriteLine($"{f.Id}\t{ProvenanceText.ToText(f.Provenance)}\t{f.Version}\t{f.Variants.Count}\t{f.Slots.Count}\t{f.Name}\t{f.Source}\t{f.Document.DescribeWithClaim()}");
            }

            foreach (var f in library.Formulas.Select(c => c.Formula).Where(f => !f.HasStructure))
            {
                // Said plainly: such a formula never gives "within", only excluded / not excluded.
                stdout.WriteLine($"# ({f.Id}): its structure is not encoded (the claim text does not give it); a compound is only \"excluded\" (it lacks what every ({f.Id}) compound has) or \"not excluded\" (cannot be decided), never within");
            }

            return ExitCodes.Success;
        }
        catch (FormulaFileException e)
        {
            foreach (var error in e.Errors)
            {
                stderr.WriteLine(error.ToString());
            }

            stderr.WriteLine($"{e.Errors.Count} problem(s) in {folder}");
            return ExitCodes.UsageOrInputError;
        }
    }
}
