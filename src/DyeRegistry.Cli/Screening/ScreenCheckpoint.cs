using System.Text.Json;

namespace DyeRegistry.Cli.Screening;

/// <summary>
/// Where a screening run stands, written beside the output (<c>OUT.checkpoint</c>) after every
/// block whose records are all written and flushed: the files, how many records of the current
/// file are done, and the output's length at that moment. <c>--resume</c> truncates the output to
/// that length (dropping any record half-written when the run was killed) and goes on from there.
/// </summary>
internal sealed record ScreenCheckpoint(string[] Files, int FileIndex, long RecordsDoneInFile, long OutputBytes, long ErrorBytes)
{
    public static string PathFor(string output) => output + ".checkpoint";

    public void Save(string output)
    {
        var tmp = PathFor(output) + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(this));
        File.Move(tmp, PathFor(output), overwrite: true); // atomic replace: never a half checkpoint
    }

    public static ScreenCheckpoint? Load(string output) =>
        File.Exists(PathFor(output)) ? JsonSerializer.Deserialize<ScreenCheckpoint>(File.ReadAllText(PathFor(output))) : null;
}
