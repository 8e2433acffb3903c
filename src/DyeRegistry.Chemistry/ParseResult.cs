using System.Diagnostics.CodeAnalysis;

namespace DyeRegistry.Chemistry;

/// <summary>
/// The outcome of reading user data: a value, or the reason it could not be read. Expected
/// failures (a bad SMILES in a catalogue) are values here, not exceptions.
/// </summary>
public readonly struct ParseResult<T>
    where T : class
{
    private ParseResult(T? value, ChemistryException? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value; null exactly when <see cref="Success"/> is false.</summary>
    public T? Value { get; }

    /// <summary>Why reading failed; null on success.</summary>
    public ChemistryException? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Value is not null;

    public static ParseResult<T> Ok(T value) => new(value, null);

    public static ParseResult<T> Fail(ChemistryException error) => new(null, error);

    /// <summary>The value, or the failure thrown.</summary>
    public T GetValueOrThrow() => Success ? Value : throw Error;
}
