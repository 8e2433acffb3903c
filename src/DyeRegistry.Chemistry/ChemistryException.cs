namespace DyeRegistry.Chemistry;

/// <summary>
/// A chemistry operation failed: the structure could not be read, or RDKit failed on it.
/// </summary>
/// <remarks>
/// Covers every failure reported by the native bridge. It never signals a crash: the bridge
/// catches every native exception and reports it here. Expected failures on user data (a
/// SMILES that does not parse) are also available without exceptions through the
/// <c>Parse...</c> methods returning <see cref="ParseResult{T}"/>.
/// </remarks>
public sealed class ChemistryException : Exception
{
    public ChemistryException(ChemistryErrorCode code, string reason, string? input = null)
        : base(input is null ? reason : $"{reason} (input: '{Abbreviate(input)}')")
    {
        Code = code;
        Reason = reason;
        Input = input;
    }

    /// <summary>The kind of failure.</summary>
    public ChemistryErrorCode Code { get; }

    /// <summary>RDKit's reason (or the bridge's), without the input.</summary>
    public string Reason { get; }

    /// <summary>The text that failed to parse, when the failure is about an input text.</summary>
    public string? Input { get; }

    internal static string Abbreviate(string input) =>
        input.Length <= 120 ? input.ReplaceLineEndings(" ") : input[..117].ReplaceLineEndings(" ") + "...";
}
