namespace DyeRegistry.Markush.Loading;

/// <summary>One problem in a formula or vocabulary file: where, which field, what was expected.</summary>
public sealed record FormulaFileError(string File, int Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}
