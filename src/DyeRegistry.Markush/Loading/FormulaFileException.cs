namespace DyeRegistry.Markush.Loading;

/// <summary>
/// Formula or vocabulary files are invalid. Carries every problem found (not just the first),
/// each naming file, line and field, so a chemist can correct them in one pass.
/// </summary>
public sealed class FormulaFileException : Exception
{
    public FormulaFileException(IReadOnlyList<DataFileError> errors)
        : base(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} problems in the formula files:\n  " + string.Join("\n  ", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<DataFileError> Errors { get; }
}
