using DyeRegistry.Markush.Loading;

namespace DyeRegistry.Claims.Loading;

/// <summary>Claim set or readings files are invalid; carries every problem found, each naming
/// file, line and field, so an attorney can correct them in one pass.</summary>
public sealed class ClaimFileException(IReadOnlyList<DataFileError> errors)
    : Exception(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} problems in the claim files:\n  " + string.Join("\n  ", errors))
{
    public IReadOnlyList<DataFileError> Errors { get; } = errors;
}
