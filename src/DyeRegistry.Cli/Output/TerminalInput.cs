using DyeRegistry.Chemistry.IO;

namespace DyeRegistry.Cli.Output;

/// <summary>
/// Standard input typed at a terminal: a command reading it says so (it would otherwise wait in
/// silence), and reads it one line at a time on one thread so each result prints as its line is
/// entered (the parallel map reads ahead a window of records before answering the first).
/// </summary>
internal static class TerminalInput
{
    public const string Notice = "reading structures from standard input, one SMILES per line (Ctrl-D to end)";

    /// <summary>Whether standard input is a terminal (replaced by tests).</summary>
    internal static Func<bool> IsTerminal { get; set; } = () => !Console.IsInputRedirected;

    /// <summary>True, after saying so on <paramref name="stderr"/>, when <paramref name="path"/> is a terminal's standard input.</summary>
    public static bool Announce(string path, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        if (path != StructureFileReader.StandardInput || !IsTerminal())
        {
            return false;
        }

        stderr.WriteLine(Notice);
        stderr.Flush();
        return true;
    }
}
