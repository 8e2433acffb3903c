using System.Text.Json;

namespace DyeRegistry.Application.Screening;

/// <summary>
/// Where a screening run stands, written beside the output (<c>OUT.checkpoint</c>) after every
/// block whose records are all written and flushed: the files with their identities, how many
/// records of the current file are done, and the lengths of the output and errors written so far
/// (both kept as <c>OUT.partial</c> and <c>ERRORS.partial</c> until the run completes).
/// <c>--resume</c> refuses catalogues that changed, truncates the partial files to those lengths
/// (dropping any record half-written when the run was killed) and goes on from there.
/// </summary>
public sealed record ScreenCheckpoint(string[] Files, CatalogueIdentity?[]? Identities, int FileIndex, long RecordsDoneInFile, long OutputBytes, long ErrorBytes)
{
    /// <summary>Records, errors and hits counted so far over the whole run (all its parts), so
    /// that a resumed run's summary covers the whole output, not only its own part.</summary>
    public long Records { get; init; }

    public long Errors { get; init; }

    public long Hits { get; init; }

    public Dictionary<string, long>? HitsPerFormula { get; init; }

    /// <summary>Seconds spent screening in earlier parts of the run.</summary>
    public double Seconds { get; init; }

    public static string PathFor(string output) => output + ".checkpoint";

    /// <summary>Where an output is written while the run is going on; renamed to its name when complete,
    /// so a run that fails or is stopped leaves an earlier file of that name as it was.</summary>
    public static string PartialPath(string output) => output + ".partial";

    public void Save(string output)
    {
        var tmp = PathFor(output) + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(this));
        File.Move(tmp, PathFor(output), overwrite: true); // atomic replace: never a half checkpoint
    }

    public static ScreenCheckpoint? Load(string output)
    {
        if (!File.Exists(PathFor(output)))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ScreenCheckpoint>(File.ReadAllText(PathFor(output)))
                ?? throw new IOException($"the checkpoint {PathFor(output)} is empty");
        }
        catch (JsonException e)
        {
            throw new IOException($"the checkpoint {PathFor(output)} cannot be read ({e.Message}); start the run again without --resume");
        }
    }

    /// <summary>Throws when the catalogues are not those the checkpoint was written for.</summary>
    public void RequireSameCatalogues(string[] files)
    {
        if (!Files.SequenceEqual(files))
        {
            throw new IOException($"the checkpoint is for {string.Join(", ", Files)}, not {string.Join(", ", files)}");
        }

        if (Identities is null || Identities.Length != Files.Length)
        {
            throw new IOException("the checkpoint does not record what the catalogues were (written by an older dyereg); start the run again without --resume");
        }

        for (var i = 0; i < files.Length; i++)
        {
            var then = Identities[i] ?? throw new IOException($"{files[i]}: a run that read standard input cannot be resumed (what it read cannot be checked); start it again without --resume");
            var now = CatalogueIdentity.Of(files[i])!;
            if (then.Difference(now) is { } difference)
            {
                throw new IOException($"cannot resume: {difference}; resuming would mix two catalogues in one output (start the run again without --resume)");
            }
        }
    }
}
