using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DyeRegistry.Chemistry;
using DyeRegistry.Application.Estimating;
using DyeRegistry.Application.Records;
using DyeRegistry.Application.Rendering;
using DyeRegistry.Application.Searching;
using DyeRegistry.Cli.Output;
using DyeRegistry.Markush.Loading;
using DyeRegistry.Registry;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Cli.Commands;

/// <summary>The registry commands: init, import, export, show, list, delete, search.</summary>
internal static class RegistryCommands
{
    public static IEnumerable<Command> Create() => [Init(), Import(), Export(), Show(), List(), Delete(), Search(), Check(), Template()];

    private static Command Init()
    {
        var registry = RegistryOptions.Global;
        var command = new Command("init", "Create the registry file (or migrate an existing one to this version's schema).");
        Examples.Add(command, "dyereg init --registry dyes.db", "DYEREG_REGISTRY=postgresql://me@db/dyes dyereg init");
        command.SetAction(parse => Guard(parse, () =>
        {
            using var store = RegistryOptions.Open(parse.GetValue(registry)!, create: true);
            parse.InvocationConfiguration.Output.WriteLine($"registry {store.Location}: schema version {store.SchemaVersion}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Import()
    {
        var files = new Argument<string[]>("FILE") { Description = "JSON record files (the format: docs/records.md, dyereg schema, dyereg template KIND), or SMILES/SDF files of dyes (plain or .gz).", Arity = ArgumentArity.OneOrMore };
        var registry = RegistryOptions.Global;
        var folder = FormulaOptions.Folder();
        var update = new Option<bool>("--update") { Description = "Replace stored records that differ." };
        var asForm = new Option<bool>("--as-form") { Description = "Register a dye whose parent is already registered as a batch/salt form of it." };
        var atomic = new Option<bool>("--atomic") { Description = "All or nothing: any failure and nothing is imported." };
        var ifVersion = new Option<int?>("--if-version") { Description = "With --update: replace a record only while it is at this version (the one you read); another version is an error naming both, nothing written." };
        var threads = CommonOptions.Threads();
        var smilesColumn = new Option<string?>("--smiles-column") { Description = "SMILES/TSV/CSV files: the column holding the SMILES, by header name or 1-based number (default: a header column named smiles, else the first)." };
        var idColumn = new Option<string?>("--id-column") { Description = "SMILES/TSV/CSV files: the column holding the id, by header name or number (default: a header column named id, else the one after the SMILES)." };
        var nameColumn = new Option<string?>("--name-column") { Description = "SMILES/TSV/CSV files: the column holding the name, by header name or number (default: a header column named name, else the rest of the line after the id)." };
        var noEstimates = new Option<bool>("--no-estimates") { Description = "Store no water-solubility estimates (by default a dye or solvent that records none gets one from the solubility model, as evidence of source \"estimated\")." };
        var model = new Option<string?>("--model") { Description = "Solubility model for the estimates (default: the shipped models/solubility.zip; $DYEREG_MODELS)." };
        var command = new Command("import", "Import records; every failure is reported with file, record and field, the rest is imported. SMILES, TSV and CSV files are read by a header line naming their columns, or as RDKit's \"SMILES id [name]\"; which rule was used is said per file.")
        {
            files, folder, update, asForm, atomic, ifVersion, threads, smilesColumn, idColumn, nameColumn, noEstimates, model,
        };
        Examples.Add(command, "dyereg import dyes.sdf", "dyereg import catalogue.csv --smiles-column Structure --id-column 'Catalog No'", "dyereg import records.json --update", "dyereg import salts.smi --as-form");
        var limitOptions = new LimitOptions().AddTo(command);
        command.SetAction(parse => Guard(parse, () =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var limits = limitOptions.Read(parse);
            using var store = RegistryOptions.Open(parse.GetValue(registry)!, create: true);
            var chemistry = RegistryOptions.Chemistry(parse.GetValue(folder)!, limits);
            using var library = chemistry.Library;
            var options = new ImportOptions { Update = parse.GetValue(update), AsForm = parse.GetValue(asForm), Atomic = parse.GetValue(atomic), IfVersion = parse.GetValue(ifVersion) };
            if (options.IfVersion is { } v && (!options.Update || v < 1))
            {
                throw new ArgumentException($"--if-version {v}: give it with --update, as a version of 1 or more (dyereg show gives a record's version)");
            }

            var clock = Stopwatch.StartNew();
            var solubilityModel = parse.GetValue(noEstimates) ? null : EstimateCommand.LoadModel(parse.GetValue(model), stderr);
            using var estimates = solubilityModel is null ? null : new RecordEstimates(solubilityModel);
            var counts = new Dictionary<ImportStatus, int>();
            var columns = new DyeRegistry.Chemistry.IO.SmilesColumns(parse.GetValue(smilesColumn), parse.GetValue(idColumn), parse.GetValue(nameColumn));
            // Streamed: each outcome is reported and counted as its record is stored, none kept
            // (memory stays bounded whatever the files' size).
            var total = 0;
            ImportOutcome? last = null;
            foreach (var o in RecordImport.Each(store, chemistry, parse.GetValue(files)!, options, limits, parse.GetValue(threads), o =>
            {
                if (o.Status is ImportStatus.Failed or ImportStatus.Duplicate || (o.Message is not null && o.Status is ImportStatus.Created or ImportStatus.Updated))
                {
                    stderr.WriteLine($"{o.Input.Where}: {(o.Status == ImportStatus.Duplicate ? "duplicate: " : string.Empty)}{o.Message}");
                }
            }, columns, (file, rule) => stderr.WriteLine($"{file}: {rule}"), estimates))
            {
                counts[o.Status] = counts.GetValueOrDefault(o.Status) + 1;
                total++;
                last = o;
            }

            if (last is { StoppedBatch: true })
            {
                var stored = counts.GetValueOrDefault(ImportStatus.Created) + counts.GetValueOrDefault(ImportStatus.Updated);
                stderr.WriteLine($"import stopped at {last.Input.Where} by a storage error: " +
                    (options.Atomic ? "nothing was imported" : $"the {Counted.Of(stored, "record")} reported created or updated before it {(stored == 1 ? "is" : "are")} stored; it and every record after it are not (they were not read)"));
            }

            stderr.WriteLine($"{Counted.Of(total, "record")}: " + string.Join(", ", Enum.GetValues<ImportStatus>().Select(s => $"{counts.GetValueOrDefault(s)} {s.ToString().ToLowerInvariant()}")) +
                $" ({clock.Elapsed.TotalSeconds:F1} s){(options.Atomic && counts.ContainsKey(ImportStatus.Failed) ? "; atomic: nothing was imported" : string.Empty)}");
            return counts.ContainsKey(ImportStatus.Failed) ? ExitCodes.RecordsFailed : ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The formats <c>dyereg export</c> writes.</summary>
    internal static readonly FileFormat[] ExportFormats = [new("json", ".json"), new("sdf", ".sdf", ".sd"), new("csv", ".csv")];

    private static Command Export()
    {
        var registry = RegistryOptions.Global;
        var kind = new Option<string?>("--kind") { Description = "Only this kind: dye, solvent, polymer, ink, medium." };
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file (default: standard output); its extension must match the format." };
        var format = new Option<string?>("--format") { Description = "json (records that import again unchanged), sdf (dyes, each field an SD tag) or csv (one row per record, every field a column); default: by --out's extension, else json." };
        format.AcceptOnlyFromAmong([.. ExportFormats.Select(f => f.Name)]);
        var command = new Command("export", "Export records: JSON that imports again unchanged, SDF of the dyes with their fields as SD tags, or CSV.") { kind, output, format };
        Examples.Add(command, "dyereg export -o registry.json", "dyereg export --kind dye -o dyes.sdf", "dyereg export --format csv > records.csv");
        command.SetAction(parse => Guard(parse, () =>
        {
            OutputTargets.Check([("--out", parse.GetValue(output))], [("registry", parse.GetValue(registry))]);
            var chosen = OutputFormats.Choose("--out", parse.GetValue(output), parse.GetValue(format), ExportFormats, "json");
            using var store = RegistryOptions.OpenForReading(parse.GetValue(registry)!);
            // Streamed: one record in memory at a time, whatever the registry size (a damaged
            // record is reported where it is met, and left out).
            var editor = new RegistryEditor(store);
            var selected = RecordKinds.Parse(parse.GetValue(kind));
            var damaged = 0;
            var reported = false;
            IEnumerable<JsonNode?> Documents()
            {
                foreach (var scan in editor.ExportOrder(selected))
                {
                    if (scan.Record is not null)
                    {
                        yield return scan.Record.Document;
                    }
                    else if (!reported)
                    {
                        damaged++;
                        parse.InvocationConfiguration.Error.WriteLine($"dyereg export: not exported: {scan.Problem}");
                    }
                }

                // CSV reads the records twice: each damaged one is reported once.
                reported = true;
            }

            var skipped = 0;
            void Write(TextWriter w)
            {
                switch (chosen.Name)
                {
                    case "sdf":
                        skipped = RecordExport.WriteSdf(w, store, Documents());
                        break;
                    case "csv":
                        RecordExport.WriteCsv(w, store, Documents);
                        break;
                    default:
                        RecordExport.WriteJson(w, Documents());
                        break;
                }
            }

            if (parse.GetValue(output) is { } path)
            {
                AtomicFile.Write(path, stream =>
                {
                    using var text = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
                    Write(text);
                });
            }
            else
            {
                Write(parse.InvocationConfiguration.Output);
            }

            if (skipped > 0)
            {
                parse.InvocationConfiguration.Error.WriteLine($"dyereg export: SDF holds structures: {Counted.Of(skipped, "record")} that {(skipped == 1 ? "is not a dye was" : "are not dyes were")} left out (export them as json or csv)");
            }

            return damaged == 0 ? ExitCodes.Success : ExitCodes.RecordsFailed;
        }));
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("ID") { Description = "The record's id (dyereg list gives them)." };
        var json = new Option<bool>("--json") { Description = "Print the record's JSON document (as export writes it) instead." };
        var version = new Option<int?>("--version") { Description = "Show this earlier version (from the history)." };
        var svg = new Option<string?>("--svg") { Description = "Also write a depiction of the dye as drawn to this .svg file." };
        var command = new Command("show", "Show a record as a chemist reads it: id, name, structure as drawn and standardized parent with formula and mass, what was set aside (with stoichiometry), forms, formula membership, properties with their sources, history with who changed what.") { id, json, version, svg };
        Examples.Add(command, "dyereg show M-101", "dyereg show M-101 --svg m101.svg", "dyereg show M-101 --version 1 --json");
        command.SetAction(parse => Guard(parse, () =>
        {
            var o = parse.InvocationConfiguration.Output;
            if (parse.GetValue(svg) is { } svgPath)
            {
                OutputTargets.Check([("--svg", svgPath)], [("registry", parse.GetValue(RegistryOptions.Global))]);
                OutputFormats.Choose("--svg", svgPath, "svg", [new FileFormat("svg", ".svg")], "svg");
            }

            using var store = RegistryOptions.OpenForReading(parse.GetValue(RegistryOptions.Global)!);
            var view = RecordView.Of(store, parse.GetValue(id)!);
            if (parse.GetValue(version) is { } v)
            {
                view = view.AtVersion(v);
            }

            if (parse.GetValue(json))
            {
                o.WriteLine(RecordViewText.Json(view));
            }
            else
            {
                RecordViewText.Write(o, view);
            }

            if (parse.GetValue(svg) is { } path)
            {
                AtomicFile.WriteAllText(path, RecordViewText.Svg(view));
                parse.InvocationConfiguration.Error.WriteLine($"depiction written to {path}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List()
    {
        var kind = new Argument<string?>("KIND") { Description = "dye, solvent, polymer, ink or medium (default: all).", Arity = ArgumentArity.ZeroOrOne };
        var registry = RegistryOptions.Global;
        var command = new Command("list", "List records: id, kind, version, name.") { kind };
        Examples.Add(command, "dyereg list", "dyereg list dye --registry dyes.db");
        command.SetAction(parse => Guard(parse, () =>
        {
            using var store = RegistryOptions.OpenForReading(parse.GetValue(registry)!);
            foreach (var r in store.Records(RecordKinds.Parse(parse.GetValue(kind))))
            {
                parse.InvocationConfiguration.Output.WriteLine(RecordViewText.ListLine(r));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Delete()
    {
        var id = new Argument<string>("ID");
        var registry = RegistryOptions.Global;
        var command = new Command("delete", "Delete a record (refused while an ink or a dye form references it).") { id };
        Examples.Add(command, "dyereg delete MO-ACID");
        command.SetAction(parse => Guard(parse, () =>
        {
            using var store = RegistryOptions.Open(parse.GetValue(registry)!);
            if (store.Get(parse.GetValue(id)!) is null)
            {
                throw new RegistryException(RecordIdSuggestions.NoRecord(store, parse.GetValue(id)!));
            }

            new RegistryEditor(store).Delete(parse.GetValue(id)!);
            parse.InvocationConfiguration.Output.WriteLine($"deleted {parse.GetValue(id)}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Search()
    {
        var registry = RegistryOptions.Global;
        var folder = FormulaOptions.Folder();
        var smarts = new Option<string?>("--smarts") { Description = "Dyes containing this SMARTS pattern." };
        var formula = new Option<string?>("--formula") { Description = "Dyes within this general formula (I, Y-I, M-I, C-I ...)." };
        var similar = new Option<string?>("--similar") { Description = "Dyes whose parent is similar to this SMILES' parent (Morgan radius 2, Tanimoto)." };
        var exact = new Option<string?>("--exact") { Description = "Dyes with this SMILES' standardized parent: the dye, its salt and hydrate forms, other drawings of it." };
        var minimum = new Option<double>("--min-tanimoto") { Description = "Lowest similarity reported (0 to 1).", DefaultValueFactory = _ => 0.7 };
        var format = new Option<string>("--format") { Description = "text or jsonl.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "jsonl");
        var maxQueryAtoms = new Option<int>("--max-query-atoms") { Description = $"Refuse a SMARTS with more atoms, recursive SMARTS included (default {QueryLimits.Default.MaxAtoms}).", DefaultValueFactory = _ => QueryLimits.Default.MaxAtoms };
        var maxRecursion = new Option<int>("--max-query-recursion") { Description = $"Refuse a SMARTS whose recursive SMARTS nest deeper (default {QueryLimits.Default.MaxRecursionDepth}).", DefaultValueFactory = _ => QueryLimits.Default.MaxRecursionDepth };
        var maxLength = new Option<int>("--max-query-length") { Description = $"Refuse a longer SMARTS, in characters (default {QueryLimits.Default.MaxLength:N0}).", DefaultValueFactory = _ => QueryLimits.Default.MaxLength };
        var timeLimit = new Option<double>("--time-limit") { Description = $"Stop a --smarts search after this many seconds with the hits so far, exit code {ExitCodes.Incomplete} (default {QueryLimits.Default.TimeBudget.TotalSeconds:F0}).", DefaultValueFactory = _ => QueryLimits.Default.TimeBudget.TotalSeconds };
        var limit = new Option<int>("--limit") { Description = "Print at most this many hits (0: all), in the search's order (by id; similarity: best first), and say whether more exist. The search stops there, so on a large registry the first hits come without reading the rest.", DefaultValueFactory = _ => 0 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--limit: expected a whole number of hits, 0 or more (0: all)");
            }
        });
        var command = new Command("search", "Search registered dyes by substructure, formula membership, similarity or exact parent. SMARTS, similarity and exact searches compare standardized parents (salts and solvents set aside, neutralized, in the tautomer drawn), the query's too; each hit shows the record as drawn and its parent.")
        {
            folder, smarts, formula, similar, exact, minimum, format, maxQueryAtoms, maxRecursion, maxLength, timeLimit, limit,
        };
        Examples.Add(command,
            "dyereg search --similar 'CN(C)c1ccc(N=Nc2ccc(S(=O)(=O)[O-])cc2)cc1.[Na+]' --min-tanimoto 0.6",
            "dyereg search --exact 'CN(C)c1ccc(N=Nc2ccc(S(=O)(=O)O)cc2)cc1'",
            "dyereg search --smarts 'c/N=N/c' --format jsonl",
            "dyereg search --formula Y-I",
            "dyereg search --formula Y-I --limit 50");
        command.SetAction(parse => Guard(parse, () =>
        {
            var seconds = parse.GetValue(timeLimit);
            var most = parse.GetValue(limit);
            var request = new DyeSearchQuery(parse.GetValue(smarts), parse.GetValue(formula), parse.GetValue(similar))
            {
                Exact = parse.GetValue(exact),
                MinTanimoto = parse.GetValue(minimum),
                Limits = new QueryLimits
                {
                    MaxAtoms = parse.GetValue(maxQueryAtoms),
                    MaxRecursionDepth = parse.GetValue(maxRecursion),
                    MaxLength = parse.GetValue(maxLength),
                    TimeBudget = double.IsFinite(seconds) && seconds > 0 && seconds < 1e9 ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero,
                },
            }.Checked();
            using var store = RegistryOptions.OpenForReading(parse.GetValue(registry)!);
            Hosting.StartupLog.Mark("registry open");
            // The formula files are compiled only when the search needs them (not for a formula
            // search whose stored memberships are current): see DyeSearch.Stream.
            var formulaFolder = parse.GetValue(folder)!;
            var chemistry = new Lazy<DyeRegistry.Registry.DyeChemistry>(() => RegistryOptions.Chemistry(formulaFolder));
            using var release = new LazyLibrary(chemistry);
            var formulas = request.Formula is null ? null : DyeRegistry.Markush.FormulaIndex.Read(formulaFolder);
            Hosting.StartupLog.Mark("formulas read");
            // Streamed: each hit is printed as it is found, none is kept (memory stays bounded
            // whatever the number of hits).
            var outcome = formulas is null ? DyeSearch.Stream(store, chemistry.Value, request) : DyeSearch.Stream(store, formulas, chemistry, request);
            var budget = outcome.Budget;
            var o = parse.InvocationConfiguration.Output;
            var text = parse.GetValue(format) == "text";
            // Standard output holds only hits (pipes stay clean); what was searched and the columns go
            // to standard error. A formula search has the verdict column (filled for a dye whose
            // membership is undetermined), known before the first hit.
            parse.InvocationConfiguration.Error.WriteLine((request.Formula is null
                ? "searched standardized parents (salts and solvents set aside, neutralized, in the tautomer drawn), the query's parent too"
                : "searched formula membership, computed on each record as drawn") +
                (text ? "; columns: " + SearchHitText.Header(request.Similar is not null, request.Formula is not null).Replace("\t", ", ", StringComparison.Ordinal) : string.Empty));

            var count = 0;
            var more = false;
            foreach (var h in outcome.Hits)
            {
                if (most > 0 && count == most)
                {
                    // one hit past the limit says that more exist; leaving the loop ends the walk
                    more = true;
                    break;
                }

                if (count == 0)
                {
                    Hosting.StartupLog.Mark("first hit");
                }

                count++;
                // text: the verdict column of a formula search is empty for a plain hit, so every line has the header's columns
                o.WriteLine(SearchHitText.Line(text && request.Formula is not null && h.Verdict is null ? h with { Verdict = string.Empty } : h, parse.GetValue(format)!));
            }

            if (outcome.UnreadableNote is { } unreadable)
            {
                parse.InvocationConfiguration.Error.WriteLine("warning: " + unreadable);
            }

            if (more)
            {
                parse.InvocationConfiguration.Error.WriteLine(FormattableString.Invariant(
                    $"{Counted.Of(count, "hit")} shown (--limit {most}); more exist: the search stopped there"));
                return ExitCodes.Success;
            }

            if (!outcome.Complete)
            {
                parse.InvocationConfiguration.Error.WriteLine(FormattableString.Invariant(
                    $"search stopped: the time limit of {budget.TotalSeconds:G} s (--time-limit) ran out after {Counted.Of(outcome.Searched, "dye")}; the {Counted.Of(count, "hit")} above {(count == 1 ? "is" : "are")} those found so far, not all"));
                return ExitCodes.Incomplete;
            }

            parse.InvocationConfiguration.Error.WriteLine(Counted.Of(count, "hit"));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Check()
    {
        var registry = RegistryOptions.Global;
        var folder = FormulaOptions.Folder();
        var fix = new Option<bool>("--fix") { Description = "Rewrite the parents and duplicate keys stored under an older standardization rule with today's." };
        var command = new Command("check", "Check the registry: the store's integrity, then every record (checksum, schema, ranges, id, references), then every dye's stored parent and duplicate key against today's standardization. Exit 0 when sound, 1 when problems were found.") { folder, fix };
        Examples.Add(command, "dyereg check", "dyereg check --fix");
        command.SetAction(parse => Guard(parse, () =>
        {
            var fixing = parse.GetValue(fix);
            using var store = fixing ? RegistryOptions.Open(parse.GetValue(registry)!) : RegistryOptions.OpenForReading(parse.GetValue(registry)!);
            var o = parse.InvocationConfiguration.Output;
            var problems = 0;
            foreach (var p in new RegistryChecker(store).Check())
            {
                problems++;
                o.WriteLine(p.Id is null ? p.What : $"{RecordIds.Printable(p.Id)}: {p.What}");
            }

            var chemistry = RegistryOptions.Chemistry(parse.GetValue(folder)!);
            using var library = chemistry.Library;
            var keys = new StaleParentKeys(store, chemistry);
            var stale = keys.Find();
            foreach (var s in stale)
            {
                var same = s.SameParentAs is { } other ? $"; today's rule makes it the same parent as {RecordIds.Printable(other)} (merge them or delete one; --fix leaves it)" : string.Empty;
                var action = s.SameParentAs is not null ? string.Empty : fixing ? "; rewritten" : "; dyereg check --fix rewrites it";
                o.WriteLine($"{RecordIds.Printable(s.Id)}: parent stored under an older standardization rule (key {s.StoredKey}, today {s.Current.ParentKey}){action}{same}");
                problems += fixing && s.SameParentAs is null ? 0 : 1;
            }

            if (fixing && stale.Count > 0)
            {
                keys.Rewrite(stale);
            }

            parse.InvocationConfiguration.Error.WriteLine(problems == 0 ? $"registry {store.Location}: no problems found" : $"registry {store.Location}: {problems} problem{(problems == 1 ? string.Empty : "s")} found");
            return problems == 0 ? ExitCodes.Success : ExitCodes.RecordsFailed;
        }));
        return command;
    }

    private static Command Template()
    {
        var name = new Argument<string>("KIND") { Description = $"One of: {string.Join(", ", RecordTemplates.Names)}." };
        name.AcceptOnlyFromAmong([.. RecordTemplates.Names]);
        var command = new Command("template", "Print a complete example record of a kind (every field filled) that imports as it is; the ink comes with the records it references.") { name };
        Examples.Add(command, "dyereg template dye > my-dye.json", "dyereg template ink");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.Write(RecordTemplates.Text(parse.GetValue(name)!));
            return ExitCodes.Success;
        });
        return command;
    }

    // Disposes the formula library when the command compiled it.
    private sealed class LazyLibrary(Lazy<DyeRegistry.Registry.DyeChemistry> chemistry) : IDisposable
    {
        public void Dispose()
        {
            if (chemistry.IsValueCreated)
            {
                chemistry.Value.Library.Dispose();
            }
        }
    }

    // Expected failures become one line on standard error and exit code 2; never a stack trace.
    private static int Guard(ParseResult parse, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is RegistryException or ArgumentException or IOException or FormulaFileException or ChemistryException or Microsoft.Data.Sqlite.SqliteException)
        {
            parse.InvocationConfiguration.Error.WriteLine($"dyereg {parse.CommandResult.Command.Name}: {e.Message}");
            return ExitCodes.UsageOrInputError;
        }
    }
}
