using System.CommandLine;
using DyeRegistry.Chemistry;
using DyeRegistry.Chemistry.IO;
using DyeRegistry.Cli.Processing;
using DyeRegistry.Cli.Rendering;
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
        format.AcceptOnlyFromAmong("text", "json", "jsonl", "csv");
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
                        Readings = ParseReadings(parse.GetValue(reading) ?? []),
                        ConsiderTautomers = !parse.GetValue(noTautomers),
                        Depict = parse.GetValue(svg) is not null,
                    };
                    foreach (var id in options.Formulas.Where(id => library.Find(id) is null))
                    {
                        throw new ArgumentException($"no formula '{id}' (known: {string.Join(", ", library.Formulas.Select(f => f.Formula.Id))})");
                    }
                }
                catch (ArgumentException e)
                {
                    stderr.WriteLine($"dyereg match: {e.Message}");
                    return ExitCodes.UsageOrInputError;
                }

                try
                {
                    var failed = Run(library, options, parse.GetValue(file)!, parse.GetValue(format)!, parse.GetValue(svg), parse.GetValue(threads), stdout, stderr, limits);
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

    /// <summary>One record's result. Smiles: the record's structure as SMILES (the text for SMILES
    /// input, RDKit's canonical SMILES for a molfile record; empty when unreadable).</summary>
    internal sealed record Outcome(StructureRecord Record, string Id, string Smiles, CompoundMatch? Match, string? Error);

    internal static long Run(FormulaLibrary library, MatchOptions options, string path, string format, string? svgFolder, int threads, TextWriter stdout, TextWriter stderr, StructureLimits? limits = null)
    {
        var matcher = new MarkushMatcher(library);
        var formulaIds = options.Formulas.Count > 0 ? options.Formulas : library.Formulas.Select(f => f.Formula.Id).ToList();
        if (svgFolder is not null)
        {
            Directory.CreateDirectory(svgFolder);
        }

        long records = 0, failed = 0;
        var within = formulaIds.ToDictionary(f => f, _ => 0L);
        if (format == "csv")
        {
            stdout.WriteLine(MatchCsv.Header(formulaIds));
        }
        else if (format == "json")
        {
            stdout.WriteLine("[");
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var outcome in OrderedParallel.Map(StructureFileReader.Read(path, limits ?? StructureLimits.Default), r => Evaluate(matcher, options, r), Math.Max(1, threads)))
        {
            records++;
            var r = outcome.Record;
            if (outcome.Match is null)
            {
                failed++;
            }
            else
            {
                foreach (var f in outcome.Match.Within.Where(within.ContainsKey))
                {
                    within[f]++;
                }

                if (svgFolder is not null)
                {
                    WriteSvgs(svgFolder, outcome);
                }
            }

            switch (format)
            {
                case "text":
                    stdout.Write(MatchText.Render(outcome.Id, r.Location, outcome.Smiles, outcome.Match, outcome.Error));
                    break;
                case "csv":
                    stdout.WriteLine(MatchCsv.Row(outcome.Id, r.Location, r.Format == StructureFormat.Smiles ? r.Text : outcome.Match?.MatchedSmiles ?? outcome.Smiles, outcome.Match, outcome.Error, formulaIds));
                    break;
                default:
                    if (format == "json" && records > 1)
                    {
                        stdout.WriteLine(",");
                    }

                    stdout.Write(Json(outcome));
                    if (format == "jsonl")
                    {
                        stdout.WriteLine();
                    }

                    break;
            }
        }

        if (format == "json")
        {
            stdout.WriteLine();
            stdout.WriteLine("]");
        }

        stdout.Flush();
        stderr.WriteLine($"{records} records: {records - failed} matched, {failed} could not be read; within: " +
            string.Join(", ", within.Select(kv => $"{kv.Key} {kv.Value}")) + $" ({clock.Elapsed.TotalSeconds:F1} s)");
        return failed;
    }

    internal static Outcome Evaluate(MarkushMatcher matcher, MatchOptions options, StructureRecord record)
    {
        var id = record.Id ?? record.Location;
        var parsed = record.Parse();
        if (!parsed.Success)
        {
            return new Outcome(record, id, record.Format == StructureFormat.Smiles ? record.Text : string.Empty, null, parsed.Error.Reason);
        }

        using var molecule = parsed.Value;
        var smiles = record.Format == StructureFormat.Smiles ? record.Text : molecule.ToSmiles();
        try
        {
            return new Outcome(record, id, smiles, matcher.Match(molecule, options), null);
        }
        catch (DyeRegistry.Chemistry.ChemistryException e)
        {
            return new Outcome(record, id, smiles, null, "RDKit failed while matching: " + e.Reason);
        }
    }

    private static string Json(Outcome o) =>
        MatchJson.Line(o.Id, o.Record.Location, o.Record.Format == StructureFormat.Smiles ? o.Record.Text : o.Smiles, o.Match, o.Error);

    private static void WriteSvgs(string folder, Outcome o)
    {
        foreach (var f in o.Match!.Formulas.Where(f => f.Svg is not null))
        {
            var name = string.Concat($"{o.Id}_{f.FormulaId}".Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
            Output.AtomicFile.WriteAllText(Path.Combine(folder, name + ".svg"), f.Svg!);
        }
    }

    private static Dictionary<string, string> ParseReadings(string[] values)
    {
        var readings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var v in values)
        {
            var cut = v.IndexOf('=');
            if (cut <= 0 || cut == v.Length - 1)
            {
                throw new ArgumentException($"--reading takes FORMULA=READING, not '{v}'");
            }

            readings[v[..cut]] = v[(cut + 1)..];
        }

        return readings;
    }
}
