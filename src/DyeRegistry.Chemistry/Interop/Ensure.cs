using System.Diagnostics.CodeAnalysis;

namespace DyeRegistry.Chemistry.Interop;

/// <summary>The one place where a bridge status becomes an exception.</summary>
internal static unsafe class Ensure
{
    internal const int Ok = 0;
    private const int InputError = 1;
    private const int ArgumentError = 2;

    /// <summary>Throws unless <paramref name="status"/> is OK; always frees <paramref name="error"/>.</summary>
    internal static void Success(int status, byte* error, string? input = null)
    {
        var message = NativeText.Take(error);
        if (status != Ok)
        {
            Throw(status, message, input);
        }
    }

    /// <summary>The exception for a failed call, without throwing it.</summary>
    internal static ChemistryException ToException(int status, byte* error, string? input)
    {
        var message = NativeText.Take(error) ?? "failed without a reason";
        return new ChemistryException(ToCode(status), message, input);
    }

    [DoesNotReturn]
    private static void Throw(int status, string? message, string? input) =>
        throw new ChemistryException(ToCode(status), message ?? "failed without a reason", input);

    private static ChemistryErrorCode ToCode(int status) => status switch
    {
        InputError => ChemistryErrorCode.InvalidStructure,
        ArgumentError => ChemistryErrorCode.InvalidArgument,
        _ => ChemistryErrorCode.EngineFailure,
    };
}
