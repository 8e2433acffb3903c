namespace DyeRegistry.Markush.Loading;

/// <summary>One problem in a data file (formula, vocabulary, claim set, readings): where, which field, what was expected.</summary>
public sealed record DataFileError(string File, int Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}
