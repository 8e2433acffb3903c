namespace DyeRegistry.Cli;

/// <summary>Process exit codes shared by every command.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>Some records failed (and --keep-going was not given).</summary>
    public const int RecordsFailed = 1;

    /// <summary>The command could not run: a file is missing, an argument is wrong.</summary>
    public const int UsageOrInputError = 2;

    /// <summary>Stopped by a limit before the end (a search out of time): the output so far is correct but not complete.</summary>
    public const int Incomplete = 3;
}
