using DyeRegistry.Application.Processing;
using DyeRegistry.Application.Rendering;
using DyeRegistry.Chemistry;
using DyeRegistry.Chemistry.IO;
using DyeRegistry.Markush;
using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Application.Matching;

/// <summary>
/// The match use case: every record of a structure file against the formulas, each verdict
/// explained, written as text, json, jsonl or csv in input order whatever the thread count.
/// Records that cannot be read are reported in the output (error field) and counted.
/// </summary>
public static class StructureMatching
{
    /// <summary>The output formats, as <c>dyereg match --format</c> names them.</summary>
    public static readonly string[] Formats = ["text", "json", "jsonl", "csv"];

    /// <summary>Matches every record of <paramref name="path"/>; returns how many could not be read.
    /// <paramref name="matched"/> sees each matched outcome (the CLI writes its SVGs there),
    /// <paramref name="failed"/> each one that could not be read or matched.</summary>
    public static long Run(FormulaLibrary library, MatchOptions options, string path, string format, int threads, TextWriter stdout, TextWriter stderr, StructureLimits? limits = null, Action<MatchOutcome>? matched = null, Action<MatchOutcome>? failed = null)
    {
        var matcher = new MarkushMatcher(library);
        var formulaIds = options.Formulas.Count > 0 ? options.Formulas : library.Formulas.Select(f => f.Formula.Id).ToList();
        long records = 0, failures = 0;
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
                failures++;
                failed?.Invoke(outcome);
            }
            else
            {
                foreach (var f in outcome.Match.Within.Where(within.ContainsKey))
                {
                    within[f]++;
                }

                matched?.Invoke(outcome);
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
        stderr.WriteLine($"{records} records: {records - failures} matched, {failures} could not be read; within: " +
            string.Join(", ", within.Select(kv => $"{kv.Key} {kv.Value}")) + $" ({clock.Elapsed.TotalSeconds:F1} s)");
        return failures;
    }

    public static MatchOutcome Evaluate(MarkushMatcher matcher, MatchOptions options, StructureRecord record)
    {
        var id = record.Id ?? record.Location;
        var parsed = record.Parse();
        if (!parsed.Success)
        {
            return new MatchOutcome(record, id, record.Format == StructureFormat.Smiles ? record.Text : string.Empty, null, parsed.Error.Reason);
        }

        using var molecule = parsed.Value;
        var smiles = record.Format == StructureFormat.Smiles ? record.Text : molecule.ToSmiles();
        try
        {
            return new MatchOutcome(record, id, smiles, matcher.Match(molecule, options), null);
        }
        catch (ChemistryException e)
        {
            return new MatchOutcome(record, id, smiles, null, "RDKit failed while matching: " + e.Reason);
        }
    }

    /// <summary>Checks the formula ids asked for; throws naming the unknown one and the known ones.</summary>
    public static void RequireKnown(FormulaLibrary library, IEnumerable<string> formulaIds)
    {
        foreach (var id in formulaIds.Where(id => library.Find(id) is null))
        {
            throw new ArgumentException($"no formula '{id}' (known: {string.Join(", ", library.Formulas.Select(f => f.Formula.Id))})");
        }
    }

    /// <summary>FORMULA=READING pairs (--reading) as a map; throws on a malformed one.</summary>
    public static Dictionary<string, string> ParseReadings(IEnumerable<string> values)
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

    private static string Json(MatchOutcome o) =>
        MatchJson.Line(o.Id, o.Record.Location, o.Record.Format == StructureFormat.Smiles ? o.Record.Text : o.Smiles, o.Match, o.Error);
}
