using System.Globalization;
using System.Text;

namespace DyeRegistry.Cli.Hosting;

/// <summary>
/// The one place an unexpected exception ends: the user gets one line naming the command, what
/// went wrong and where the details are, and exit code 2 (the command could not run); the stack
/// trace goes to a log file, or to standard error with <c>--debug</c>. Expected failures (bad
/// input, a missing file) are handled by each command with its own message; this is for the rest.
/// </summary>
internal static class UnexpectedErrors
{
    /// <summary>The option that prints the details instead of only logging them.</summary>
    public const string DebugOption = "--debug";

    /// <summary>Where crash logs go: <c>$DYEREG_LOG_DIR</c>, else <c>$XDG_STATE_HOME/dyeregistry/logs</c>
    /// (by default <c>~/.local/state/dyeregistry/logs</c>), else the temporary folder.</summary>
    public static string LogFolder()
    {
        var explicitFolder = Environment.GetEnvironmentVariable("DYEREG_LOG_DIR");
        if (!string.IsNullOrEmpty(explicitFolder))
        {
            return explicitFolder;
        }

        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(state))
        {
            state = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        }

        return Path.Combine(state, "dyeregistry", "logs");
    }

    /// <summary>Reports <paramref name="error"/> and returns the exit code to end with.</summary>
    public static int Report(Exception error, IReadOnlyList<string> args, TextWriter stderr, bool debug)
    {
        var command = args.FirstOrDefault(a => !a.StartsWith('-')) ?? string.Empty;
        var root = Innermost(error);
        var details = Details(error, args);
        var log = TryWriteLog(details);
        var where = debug ? string.Empty : log is null ? " (the details could not be logged; run again with --debug to see them)" : $"; details in {log}";
        stderr.WriteLine($"dyereg{(command.Length > 0 ? " " + command : string.Empty)}: unexpected error: {OneLine(root.Message)} ({root.GetType().Name}){where}");
        if (debug)
        {
            stderr.Write(details);
        }

        return ExitCodes.UsageOrInputError;
    }

    private static Exception Innermost(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } or System.Reflection.TargetInvocationException && e.InnerException is not null)
        {
            e = e.InnerException!;
        }

        return e;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static string Details(Exception error, IReadOnlyList<string> args)
    {
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"dyereg unexpected error at {DateTimeOffset.UtcNow:O}");
        b.AppendLine(CultureInfo.InvariantCulture, $"arguments: {string.Join(' ', args.Select(Quote))}");
        b.AppendLine(CultureInfo.InvariantCulture, $"working folder: {Environment.CurrentDirectory}");
        b.AppendLine(error.ToString());
        return b.ToString();
    }

    private static string Quote(string a) => a.Length > 0 && a.All(c => char.IsLetterOrDigit(c) || "-_./:=,+@".Contains(c)) ? a : "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string? TryWriteLog(string details)
    {
        foreach (var folder in new[] { LogFolder(), Path.GetTempPath() })
        {
            try
            {
                Directory.CreateDirectory(folder);
                var path = Path.Combine(folder, $"dyereg-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
                File.AppendAllText(path, details);
                return path;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // try the next folder
            }
        }

        return null;
    }
}
