namespace DyeRegistry.Claims.Model;

/// <summary>
/// A numeric limitation's operator, as the claim words it (claims.md): "or more", "not smaller
/// than" are <see cref="AtLeast"/>; "or less", "not more than" <see cref="AtMost"/>; "a to b",
/// "from a to b", "a - b" <see cref="Between"/> (bounds included); "smaller than" is strict
/// (<see cref="LessThan"/>).
/// </summary>
public enum Comparison
{
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Between,
}

public static class ComparisonText
{
    public static Comparison? Parse(string? text) => text switch
    {
        ">=" => Comparison.AtLeast,
        ">" => Comparison.MoreThan,
        "<=" => Comparison.AtMost,
        "<" => Comparison.LessThan,
        "between" => Comparison.Between,
        _ => null,
    };

    public static string Symbol(Comparison c) => c switch
    {
        Comparison.AtLeast => ">=",
        Comparison.MoreThan => ">",
        Comparison.AtMost => "<=",
        Comparison.LessThan => "<",
        _ => "between",
    };
}
