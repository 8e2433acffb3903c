using System.Diagnostics;
using DyeRegistry.Chemistry;
using DyeRegistry.Chemistry.IO;
using DyeRegistry.Application.Processing;
using DyeRegistry.Markush.Matching;
using DyeRegistry.Registry;
using DyeRegistry.Storage;

namespace DyeRegistry.Application.Screening;

/// <summary>What a screening run is asked to do; Validation says which records are proven valid:
/// all (the default) or only those that could hold a core.</summary>
public sealed record ScreenRequest(string[] Files, string? Output, string? ErrorsFile, bool All, int Threads, bool Resume, StructureLimits? Limits = null, ScreenValidation Validation = ScreenValidation.All);

/// <summary>Counts as a run goes: for the progress display and the final summary. NotValidated:
/// records ruled out without being proven valid (<see cref="ScreenValidation.Hits"/>).</summary>
public sealed record ScreenProgress(long Records, long Errors, long Hits, IReadOnlyDictionary<string, long> HitsPerFormula, long BytesRead, long TotalBytes, TimeSpan Elapsed, long NotValidated = 0);

/// <summary>How a run ended: its counts, and for a stopped run where it stopped.</summary>
public sealed record ScreenSummary(ScreenProgress Progress, bool Stopped, string? StoppedAt);

/// <summary>
/// Screens catalogues: records stream from the files through a bounded, ordered, parallel map
/// (parse, core screens, Markush matching; at most 1,024 records in flight) to this thread, which
/// writes in input order. Unreadable records go to the errors file and the run goes on. The
/// output is flushed and a checkpoint written every 512 records and when stopped, so an
/// interrupted or killed run resumes to the same output as an uninterrupted one. Output and errors
/// are written as OUT.partial and ERRORS.partial and take their names only when the run is complete.
/// </summary>
public sealed class ScreenRunner(MarkushMatcher matcher, MatchOptions options, IRegistryStore? registry)
{
    private const int CheckpointEvery = 512;

    // What a compound must contain to be a hit; null when prescreens are off (DYEREG_NO_SCREEN=1):
    // then every record is parsed and matched in full, as with --all.
    private readonly IReadOnlyList<QueryMolecule>? coreQueries = MarkushMatcher.PrescreensEnabled ? matcher.CoreQueries(options) : null;

    public ScreenSummary Run(ScreenRequest request, TextWriter standardOutput, CancellationToken cancel, Action<ScreenProgress>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var totalBytes = request.Files.Sum(f => f == StructureFileReader.StandardInput ? 0 : new FileInfo(f).Length);
        var checkpoint = request.Resume && request.Output is not null ? ScreenCheckpoint.Load(request.Output) : null;
        if (request.Resume && checkpoint is null)
        {
            throw new IOException(request.Output is null
                ? "nothing to resume: --resume continues a run that wrote to a file (--out FILE); this one writes to standard output"
                : File.Exists(request.Output)
                    ? $"nothing to resume: the run writing {request.Output} finished ({request.Output} is complete and there is no checkpoint {ScreenCheckpoint.PathFor(request.Output)}); run without --resume to screen again"
                    : $"nothing to resume: no checkpoint {ScreenCheckpoint.PathFor(request.Output)} (no run writing {request.Output} was interrupted); run without --resume");
        }

        checkpoint?.RequireSameCatalogues(request.Files);
        var identities = checkpoint?.Identities ?? request.Files.Select(CatalogueIdentity.Of).ToArray();
        var outputPartial = request.Output is null ? null : ScreenCheckpoint.PartialPath(request.Output);
        var errorsPartial = request.ErrorsFile is null ? null : ScreenCheckpoint.PartialPath(request.ErrorsFile);
        var ownedOutput = Open(outputPartial, checkpoint?.OutputBytes);
        var errors = Open(errorsPartial, checkpoint?.ErrorBytes);
        ScreenSummary summary;
        try
        {
            var files = new RunFiles(request, identities, ownedOutput ?? standardOutput, errors, outputPartial, errorsPartial);
            summary = Screen(files, checkpoint, totalBytes, clock, cancel, progress);
        }
        finally
        {
            ownedOutput?.Dispose(); // standard output is not ours to close
            errors?.Dispose();
        }

        if (!summary.Stopped)
        {
            // Complete: the partial files take their names, and there is nothing to resume.
            if (request.Output is not null)
            {
                File.Move(outputPartial!, request.Output, overwrite: true);
            }

            if (request.ErrorsFile is not null)
            {
                File.Move(errorsPartial!, request.ErrorsFile, overwrite: true);
            }

            if (request.Output is not null)
            {
                File.Delete(ScreenCheckpoint.PathFor(request.Output));
            }
        }

        return summary;
    }

    // The files of one run: what the checkpoint records and where output and errors go meanwhile.
    private sealed record RunFiles(ScreenRequest Request, CatalogueIdentity?[] Identities, TextWriter Output, StreamWriter? Errors, string? OutputPartial, string? ErrorsPartial);

    private ScreenSummary Screen(RunFiles run, ScreenCheckpoint? checkpoint, long totalBytes, Stopwatch clock, CancellationToken cancel, Action<ScreenProgress>? progress)
    {
        var (request, output, errors) = (run.Request, run.Output, run.Errors);
        var format = ScreenWriter.FormatOf(request.Output);
        var writesMolBlocks = format == "sdf"; // a mol block per hit costs a write-out: only where it is used
        var writer = new ScreenWriter(output, format, writeHeader: checkpoint is null)
        {
            Formulas = options.Formulas.Count > 0 ? [.. options.Formulas] : [.. matcher.Library.Formulas.Select(f => f.Formula.Id)],
        };
        writer.Start();

        // A resumed run counts on from the checkpoint: its summary covers the whole output (the
        // count of records not validated covers this run's part only).
        long records = checkpoint?.Records ?? 0, errorCount = checkpoint?.Errors ?? 0, hits = checkpoint?.Hits ?? 0, bytesBefore = 0, bytesNow = 0, notValidated = 0;
        var perFormula = new Dictionary<string, long>(checkpoint?.HitsPerFormula ?? [], StringComparer.Ordinal);
        var earlier = TimeSpan.FromSeconds(checkpoint?.Seconds ?? 0);
        for (var i = 0; i < (checkpoint?.FileIndex ?? 0); i++)
        {
            bytesBefore += request.Files[i] == StructureFileReader.StandardInput ? 0 : new FileInfo(request.Files[i]).Length;
        }

        var validate = request.Validation == ScreenValidation.All;
        ScreenProgress Progress() => new(records, errorCount, hits, perFormula, bytesBefore + bytesNow, totalBytes, earlier + clock.Elapsed, notValidated);

        for (var fileIndex = checkpoint?.FileIndex ?? 0; fileIndex < request.Files.Length; fileIndex++)
        {
            var file = request.Files[fileIndex];
            var skip = fileIndex == checkpoint?.FileIndex ? checkpoint.RecordsDoneInFile : 0;
            long done = skip;
            var source = StructureFileReader.Read(file, request.Limits ?? StructureLimits.Default, n => bytesNow = n).Skip((int)Math.Min(skip, int.MaxValue));
            foreach (var result in OrderedParallel.Map(source, r => Screen(file, r, request.All, writesMolBlocks, validate), Math.Max(1, request.Threads)))
            {
                records++;
                done++;
                if (result.NotValidated)
                {
                    notValidated++;
                }
                if (result.Error is not null)
                {
                    errorCount++;
                    errors?.WriteLine(ErrorLine(file, result));
                }

                if (result.IsHit)
                {
                    hits++;
                    foreach (var f in result.Match!.Within)
                    {
                        perFormula[f] = perFormula.GetValueOrDefault(f) + 1;
                    }
                }

                if (result.IsHit || request.All)
                {
                    writer.Write(result with { Known = Known(result) });
                }

                if (cancel.IsCancellationRequested)
                {
                    Save(run, fileIndex, done, Progress());
                    return new ScreenSummary(Progress(), true, $"{file}: {result.Record.Location} ({done} records of this file done)");
                }

                if (done % CheckpointEvery == 0)
                {
                    Save(run, fileIndex, done, Progress());
                    progress?.Invoke(Progress());
                }
            }

            bytesBefore += file == StructureFileReader.StandardInput ? 0 : new FileInfo(file).Length;
            bytesNow = 0;
            Save(run, fileIndex + 1, 0, Progress());
        }

        output.Flush();
        errors?.Flush();
        progress?.Invoke(Progress());
        return new ScreenSummary(Progress(), false, null);
    }

    private ScreenResult Screen(string file, StructureRecord record, bool all, bool writesMolBlocks, bool validate)
    {
        var id = record.Id ?? record.Location;
        var text = record.Format == StructureFormat.Smiles ? record.Text : string.Empty;
        // Hits only: a record that can contain no formula core is valid and not a hit, and
        // nothing of it is written, so it is not parsed in full. Every record is with --all.
        var parsed = all || coreQueries is null ? ScreenedParse.FromParse(record.Parse()) : record.ParseIfMightContain(coreQueries, validate);
        if (parsed.Error is { } error)
        {
            return new ScreenResult(file, record, id, text, null, null, record.ReadError is null && string.IsNullOrWhiteSpace(record.Text) ? "empty record" : error.Reason, null);
        }

        if (parsed.RuledOut)
        {
            return new ScreenResult(file, record, id, text, null, null, null, null) { NotValidated = parsed.NotValidated };
        }

        using var molecule = parsed.Molecule!;
        try
        {
            // Hits only: most compounds that reach this point are still not within; their verdict
            // is reached without writing its explanation, and only a hit is matched in full (on
            // the forms and tautomers the verdict was reached on).
            var match = all || coreQueries is null ? matcher.Match(molecule, options) : matcher.MatchIfWithinAny(molecule, options);
            if (match is null)
            {
                return new ScreenResult(file, record, id, text, null, null, null, null);
            }
            var hit = match.Within.Count > 0 || match.Undetermined.Count > 0;
            var smiles = text.Length > 0 ? text : molecule.ToSmiles();
            var molBlock = writesMolBlocks && (hit || all) ? molecule.ToMolBlock() : null;
            var key = hit && registry is not null ? ParentKey(molecule) : null;
            return new ScreenResult(file, record, id, smiles, molBlock, match, null, key);
        }
        catch (ChemistryException e)
        {
            return new ScreenResult(file, record, id, text, null, null, "RDKit failed while matching: " + e.Reason, null);
        }
    }

    private static string ErrorLine(string file, ScreenResult result) => $"{file}: {result.Record.Location} ({result.Id}): {result.Error}";

    /// <summary>Counts of one slice of a catalogue (a shard).</summary>
    public sealed record SliceCounts(long Records, long Hits, long Errors, long NotValidated);

    /// <summary>
    /// Screens a slice of <paramref name="file"/>'s records (a shard) exactly as <see cref="Run"/>
    /// screens them, writing hits with the same writer and errors in the same words, so that the
    /// slices of a file, written one after another, are byte for byte a whole run's output; the
    /// header (CSV) only where <paramref name="writeHeader"/>. No checkpoint: a slice is redone whole.
    /// </summary>
    public SliceCounts ScreenSlice(string file, IEnumerable<StructureRecord> records, TextWriter output, TextWriter errors, string format, bool writeHeader, ScreenValidation validation, int threads, CancellationToken cancel)
    {
        var writer = new ScreenWriter(output, format, writeHeader);
        writer.Start();
        long count = 0, hits = 0, errorCount = 0, notValidated = 0;
        foreach (var result in OrderedParallel.Map(records, r => Screen(file, r, false, format == "sdf", validation == ScreenValidation.All), Math.Max(1, threads)))
        {
            cancel.ThrowIfCancellationRequested();
            count++;
            notValidated += result.NotValidated ? 1 : 0;
            if (result.Error is not null)
            {
                errorCount++;
                errors.WriteLine(ErrorLine(file, result));
            }

            if (result.IsHit)
            {
                hits++;
                writer.Write(result with { Known = Known(result) });
            }
        }

        output.Flush();
        errors.Flush();
        return new SliceCounts(count, hits, errorCount, notValidated);
    }

    // The duplicate key the registry uses; the lookup itself runs on the writer thread.
    private static string ParentKey(Molecule molecule) => DyeChemistry.DuplicateKey(molecule);

    private string? Known(ScreenResult r) => registry is not null && r.Known is { } key ? registry.DyeWithParentKey(key) : null;

    private static void Save(RunFiles run, int fileIndex, long done, ScreenProgress counted)
    {
        run.Output.Flush();
        run.Errors?.Flush();
        if (run.Request.Output is null)
        {
            return;
        }

        var outBytes = new FileInfo(run.OutputPartial!).Length;
        var errBytes = run.ErrorsPartial is null ? 0 : new FileInfo(run.ErrorsPartial).Length;
        new ScreenCheckpoint(run.Request.Files, run.Identities, fileIndex, done, outBytes, errBytes)
        {
            Records = counted.Records,
            Errors = counted.Errors,
            Hits = counted.Hits,
            HitsPerFormula = new Dictionary<string, long>(counted.HitsPerFormula, StringComparer.Ordinal),
            Seconds = counted.Elapsed.TotalSeconds,
        }.Save(run.Request.Output);
    }

    private static StreamWriter? Open(string? path, long? truncateTo)
    {
        if (path is null)
        {
            return null;
        }

        var stream = new FileStream(path, truncateTo is null ? FileMode.Create : FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        if (truncateTo is { } length)
        {
            stream.SetLength(length); // drop a record half-written by a killed run
            stream.Seek(length, SeekOrigin.Begin);
        }

        return new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
    }
}
