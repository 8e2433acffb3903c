using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Markush;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Application.Scope;

/// <summary>What a <c>dyereg scope --matrix</c> run asks for beyond the format.</summary>
public sealed record MatrixRunOptions(int Threads, bool Sensitivity, bool Margins, string ChartLink, string? State, int? Since);

/// <summary>
/// One portfolio matrix run over the registry: every ink and medium (their sides evaluated on
/// every core, or, incrementally, only those that changed since a registry change count with the
/// rest taken from the stored state), classified, with the reading sensitivity when asked for.
/// </summary>
public static class MatrixRun
{
    public static MatrixView Evaluate(MatrixEngine engine, FormulaLibrary formulas, ScopeSources sources, Func<ClaimResult, bool> shown, MatrixRunOptions options, Action<string>? progress = null)
    {
        var mediaRecords = sources.AllInRegistry(RecordKind.Medium);
        var inkRecords = sources.AllInRegistry(RecordKind.Ink);
        if (mediaRecords.Count == 0)
        {
            throw new ArgumentException($"the registry {sources.Store.Location} holds no medium records");
        }

        var change = checked((int)sources.Store.HistoryCount());
        List<MatrixMedium> media;
        List<MatrixInk> inks;
        (int Inks, int Media)? again = null;
        if (options.Since is { } since)
        {
            (inks, media, again) = Incremental(engine, sources, inkRecords, mediaRecords, since, options, progress);
        }
        else
        {
            media = engine.EvaluateMedia(sources, mediaRecords, options.Threads, n => progress?.Invoke($"media {n}/{mediaRecords.Count}"));
            inks = engine.EvaluateInks(sources, inkRecords, mediaRecords[0], options.Threads, n => progress?.Invoke($"inks {n}/{inkRecords.Count}"));
        }

        engine.Classify(inks, media);
        if (options.State is { } state)
        {
            MatrixState.Write(state, engine, change, inks, media);
        }

        var sensitivity = options.Sensitivity
            ? MatrixSensitivity.Evaluate(engine, formulas, sources, inks, media, options.Threads, alt => progress?.Invoke($"sensitivity: {alt}"))
            : null;
        return new MatrixView(engine, inks, media, shown) { Margins = options.Margins, Sensitivity = sensitivity, RegistryChange = change, ChartLink = options.ChartLink, EvaluatedAgain = again };
    }

    // Records changed after registry change `since` (from the history), or whose version differs
    // from the state's, or that the state lacks, are evaluated again; an ink also when one of its
    // components changed. Everything else comes from the state.
    private static (List<MatrixInk>, List<MatrixMedium>, (int, int)) Incremental(MatrixEngine engine, ScopeSources sources, IReadOnlyList<ScopeRecord> inkRecords, IReadOnlyList<ScopeRecord> mediaRecords, int since, MatrixRunOptions options, Action<string>? progress)
    {
        var stored = MatrixState.Read(options.State ?? throw new ArgumentException("--since needs --state FILE (the stored matrix it updates)"), engine);
        if (since > stored.RegistryChange)
        {
            throw new ArgumentException($"--since {since}: the stored matrix was made at registry change {stored.RegistryChange}; changes {stored.RegistryChange + 1}-{since} would be missed");
        }

        var changed = sources.Store.AllHistory().Skip(since).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var media = new List<MatrixMedium>(mediaRecords.Count);
        var again = 0;
        foreach (var m in mediaRecords)
        {
            if (!changed.Contains(m.Id) && stored.Media.TryGetValue(m.Id, out var o) && MatrixState.Version(o) == m.Version)
            {
                media.Add(MatrixState.Medium(o, m, engine.Library));
            }
            else
            {
                media.Add(engine.Medium(sources.Subject(m, null)));
                again++;
            }
        }

        var inks = new List<MatrixInk>(inkRecords.Count);
        var inkAgain = 0;
        foreach (var i in inkRecords)
        {
            var components = sources.Subject(mediaRecords[0], i).Components;
            var versions = components.Values.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => $"{c.Id}@{c.Version}").ToList();
            if (!changed.Contains(i.Id) && !components.Keys.Any(changed.Contains) && stored.Inks.TryGetValue(i.Id, out var o) && MatrixState.Version(o) == i.Version
                && o["components"]!.AsArray().Select(v => v!.GetValue<string>()).SequenceEqual(versions))
            {
                inks.Add(MatrixState.Ink(o, i));
            }
            else
            {
                inks.Add(engine.Ink(i, components));
                inkAgain++;
            }
        }

        progress?.Invoke($"incremental since registry change {since}: evaluated again {inkAgain} of {inkRecords.Count} inks and {again} of {mediaRecords.Count} media; the other sides come from the stored matrix");
        return (inks, media, (inkAgain, again));
    }
}
