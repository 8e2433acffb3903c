using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DyeRegistry.Chemistry;
using DyeRegistry.Chemistry.IO;
using DyeRegistry.Application.Processing;

namespace DyeRegistry.Cli.Commands;

/// <summary>
/// <c>dyereg inspect [FILE]</c>: reads every record with RDKit and prints, tab-separated, its id,
/// canonical SMILES, formula, average mass (g/mol) and Crippen logP. A record RDKit rejects gets
/// one line on standard error naming its line (or SDF record) and RDKit's reason; a summary
/// follows. Exit code 1 when any record failed, unless --keep-going.
/// </summary>
internal static class InspectCommand
{
    public const string Header = "# id\tcanonical_smiles\tformula\taverage_mass_g_per_mol\tcrippen_logp";

    public static Command Create()
    {
        var file = CommonOptions.InputFile();
        var threads = CommonOptions.Threads();
        var keepGoing = CommonOptions.KeepGoing();
        var command = new Command("inspect", "Read structures with RDKit and show id, canonical SMILES, formula, mass and logP.")
        {
            file, threads, keepGoing,
        };
        var limits = new LimitOptions().AddTo(command);
        Examples.Add(command, "dyereg inspect dyes.smi", "dyereg inspect catalogue.sdf.gz --threads 2", "dyereg inspect   (then type SMILES, Ctrl-D to end)");
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var interactive = Output.TerminalInput.Announce(parse.GetValue(file)!, stderr);
                var summary = Run(parse.GetValue(file)!, interactive ? 1 : parse.GetValue(threads), stdout, stderr, limits.Read(parse));
                return summary.Failed > 0 && !parse.GetValue(keepGoing) ? ExitCodes.RecordsFailed : ExitCodes.Success;
            }
            catch (Exception e) when (e is IOException or ArgumentException)
            {
                stderr.WriteLine($"dyereg inspect: {e.Message}");
                return ExitCodes.UsageOrInputError;
            }
        });
        return command;
    }

    internal sealed record Summary(long Records, long Failed, TimeSpan Elapsed);

    internal static Summary Run(string path, int threads, TextWriter stdout, TextWriter stderr, StructureLimits? limits = null)
    {
        var clock = Stopwatch.StartNew();
        long records = 0, failed = 0;
        stdout.WriteLine(Header);
        foreach (var line in OrderedParallel.Map(StructureFileReader.Read(path, limits ?? StructureLimits.Default), Describe, Math.Max(1, threads)))
        {
            records++;
            if (line.Error is null)
            {
                stdout.WriteLine(line.Text);
                if (threads == 1)
                {
                    stdout.Flush(); // one at a time (a terminal): each answer as its line arrives
                }
            }
            else
            {
                failed++;
                stderr.WriteLine(line.Error);
            }
        }

        stdout.Flush();
        var elapsed = clock.Elapsed;
        var rate = elapsed.TotalSeconds > 0 ? records / elapsed.TotalSeconds : 0;
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(records == 1 ? "1 record" : $"{records} records")}: {records - failed} read, {failed} failed ({elapsed.TotalSeconds:F1} s, {rate:F0} records/s)"));
        return new Summary(records, failed, elapsed);
    }

    /// <summary>One record's output line, or its error line. Pure: the same record gives the same text.</summary>
    internal static (string? Text, string? Error) Describe(StructureRecord record)
    {
        var id = record.Id ?? record.Location;
        var parsed = record.Parse();
        if (!parsed.Success)
        {
            return (null, $"{record.Location} ({id}): {parsed.Error.Reason}");
        }

        using var mol = parsed.Value;
        try
        {
            var d = mol.GetDescriptors(DescriptorGroups.MassAndLogP);
            return (string.Create(CultureInfo.InvariantCulture,
                $"{id}\t{mol.ToSmiles()}\t{d.Formula}\t{d.AverageMassGramsPerMole:F3}\t{d.CrippenLogP:F3}"), null);
        }
        catch (ChemistryException e)
        {
            return (null, $"{record.Location} ({id}): {e.Reason}");
        }
    }
}
