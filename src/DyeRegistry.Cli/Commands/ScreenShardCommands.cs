using System.CommandLine;
using DyeRegistry.Application.Matching;
using DyeRegistry.Application.Screening;
using DyeRegistry.Application.Screening.Shards;
using DyeRegistry.Markush;
using DyeRegistry.Markush.Loading;
using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Cli.Commands;

/// <summary>
/// <c>dyereg screen plan|shard|merge</c>: one screen cut into shards that any scheduler can run
/// (a Slurm or Kubernetes array job runs <c>screen shard --job J --shard $INDEX</c>), then merged
/// into the single-machine output. The job directory must be on storage every worker sees.
/// </summary>
internal static class ScreenShardCommands
{
    public static IEnumerable<Command> Create() => [Plan(), ShardCommand(), Merge()];

    private static Option<string> Job() => new("--job") { Description = "The job directory (on storage every worker shares).", Required = true };

    private static Command Plan()
    {
        var files = new Argument<string[]>("CATALOG") { Arity = ArgumentArity.OneOrMore, Description = "SMILES or SDF files (plain files are cut at record boundaries; .gz files are whole shards)." };
        var job = Job();
        var perShard = new Option<long>("--shard-records") { Description = "Records per shard (default 20000).", DefaultValueFactory = _ => 20000 };
        var format = new Option<string>("--format") { Description = "Output format of the merged result: jsonl, csv or sdf (default jsonl).", DefaultValueFactory = _ => "jsonl" };
        var formula = new Option<string[]>("--formula", "-f") { Description = "Formula id to screen for (repeatable; default: all)." };
        var validate = ScreenScaleOptions.Validate();
        var folder = FormulaOptions.Folder();
        var command = new Command("plan", "Cut catalogues into shards for a screening job (prints the number of shards).") { files, job, perShard, format, formula, validate, folder };
        command.SetAction(parse => Guarded(parse, "screen plan", () =>
        {
            var fmt = (parse.GetValue(format) ?? "jsonl").ToLowerInvariant();
            if (fmt is not ("jsonl" or "csv" or "sdf"))
            {
                throw new ArgumentException($"--format: expected jsonl, csv or sdf, not '{fmt}'");
            }

            using (var library = FormulaLibrary.Load(parse.GetValue(folder)!))
            {
                StructureMatching.RequireKnown(library, parse.GetValue(formula) ?? []);
            }

            var plan = ShardPlanner.Plan(parse.GetValue(job)!, parse.GetValue(files)!, parse.GetValue(folder)!, parse.GetValue(formula) ?? [],
                ScreenScaleOptions.ReadValidation(parse, validate, all: false), fmt, parse.GetValue(perShard));
            plan.Save();
            parse.InvocationConfiguration.Output.WriteLine(plan.Shards.Length);
            parse.InvocationConfiguration.Error.WriteLine($"{plan.Job}: {plan.Shards.Length} shards of up to {plan.RecordsPerShard} records; run each with: dyereg screen shard --job {plan.Job} --shard K (K = 0..{plan.Shards.Length - 1})");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command ShardCommand()
    {
        var job = Job();
        var shard = new Option<int>("--shard") { Description = "The shard's index (0-based; an array job's index).", Required = true };
        var threads = CommonOptions.Threads();
        var command = new Command("shard", "Run one shard of a planned job: writes part-K files and a completion entry; running it again changes nothing.") { job, shard, threads };
        command.SetAction(parse => Guarded(parse, "screen shard", () =>
        {
            var plan = ShardPlan.Load(parse.GetValue(job)!);
            using var library = FormulaLibrary.Load(plan.FormulaFolder);
            var runner = new ScreenRunner(new MarkushMatcher(library), new MatchOptions { Formulas = plan.Formulas }, null);
            var outcome = ShardRun.Run(plan, parse.GetValue(shard), runner, parse.GetValue(threads), CancellationToken.None);
            var c = outcome.Completion;
            parse.InvocationConfiguration.Error.WriteLine($"shard {c.Shard}: {c.Records} records, {c.Hits} hits, {c.Errors} errors" + (outcome.AlreadyComplete ? " (already complete: nothing done)" : string.Empty));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Merge()
    {
        var job = Job();
        var output = new Option<string>("--out", "-o") { Description = "The merged output file (its extension must be the job's format).", Required = true };
        var errors = new Option<string?>("--errors") { Description = "The merged errors file." };
        var command = new Command("merge", "Join a complete job's parts in shard order: the output of a single-machine screen.") { job, output, errors };
        command.SetAction(parse => Guarded(parse, "screen merge", () =>
        {
            var plan = ShardPlan.Load(parse.GetValue(job)!);
            var outPath = parse.GetValue(output)!;
            if (ScreenWriter.FormatOf(outPath) != plan.OutputFormat)
            {
                throw new ArgumentException($"--out {outPath}: the job was planned for {plan.OutputFormat} output; name the file .{plan.OutputFormat}");
            }

            var missing = ShardMerge.Missing(plan);
            if (missing.Count > 0)
            {
                parse.InvocationConfiguration.Error.WriteLine($"dyereg screen merge: {missing.Count} of {plan.Shards.Length} shards are not complete (first: {missing[0]})");
                return ExitCodes.Incomplete;
            }

            var t = ShardMerge.Merge(plan, outPath, parse.GetValue(errors));
            parse.InvocationConfiguration.Error.WriteLine($"{t.Records} records: {t.Hits} hits, {t.Errors} errors ({t.Shards} shards)");
            if (t.NotValidated > 0)
            {
                parse.InvocationConfiguration.Error.WriteLine($"{t.NotValidated} records could hold no formula core and were not validated (--validate hits): invalid ones among them are not in the errors");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static int Guarded(ParseResult parse, string name, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or ArgumentException or FormulaFileException or UnauthorizedAccessException)
        {
            parse.InvocationConfiguration.Error.WriteLine($"dyereg {name}: {e.Message}");
            return ExitCodes.UsageOrInputError;
        }
    }
}
