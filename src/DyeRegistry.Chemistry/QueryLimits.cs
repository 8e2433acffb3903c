using System.Globalization;

namespace DyeRegistry.Chemistry;

/// <summary>
/// How large a user's substructure query may be, and how long a search over many molecules may
/// run. A SMARTS of 26 any-atoms in a chain that cannot match takes RDKit over two minutes on
/// one 70-atom dye (it tries every path): the size limits refuse such queries before they run,
/// and the time budget, checked between molecules, stops a search that still runs too long
/// with the results so far. Immutable.
/// </summary>
public sealed record QueryLimits
{
    /// <summary>The defaults: 40 atoms, recursion 4 deep, 4,000 characters, 60 seconds.</summary>
    public static QueryLimits Default { get; } = new();

    /// <summary>Query atoms, recursive SMARTS ($(...)) atoms included (--max-query-atoms). Default 40.</summary>
    public int MaxAtoms { get; init; } = 40;

    /// <summary>How deep recursive SMARTS may nest (--max-query-recursion). Default 4.</summary>
    public int MaxRecursionDepth { get; init; } = 4;

    /// <summary>Characters of SMARTS text (--max-query-length). Default 4,000.</summary>
    public int MaxLength { get; init; } = 4_000;

    /// <summary>Wall-clock budget of one search, checked between molecules (--time-limit). Default 60 s.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Throws when a limit is not positive.</summary>
    public QueryLimits Validated()
    {
        if (MaxAtoms < 1 || MaxRecursionDepth < 0 || MaxLength < 1 || TimeBudget <= TimeSpan.Zero)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"query limits must be positive (--max-query-atoms {MaxAtoms}, --max-query-recursion {MaxRecursionDepth}, --max-query-length {MaxLength}, --time-limit {TimeBudget.TotalSeconds})"));
        }

        return this;
    }
}
