namespace DyeRegistry.Estimates.Solubility;

/// <summary>A solubility data file that cannot be read: names the file, line and column.</summary>
public sealed class SolubilityDataException(string file, long line, string? column, string message)
    : Exception($"{file}: line {line}{(column is null ? "" : $", column '{column}'")}: {message}")
{
    public string File { get; } = file;

    public long Line { get; } = line;

    public string? Column { get; } = column;
}
