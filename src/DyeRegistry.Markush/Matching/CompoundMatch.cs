namespace DyeRegistry.Markush.Matching;

/// <summary>Every requested formula's verdict on one compound.</summary>
/// <param name="MatchedSmiles">The structure matched when fragments were set aside (the record's
/// organic parent); null when the compound was matched as drawn.</param>
/// <param name="SetAside">Fragments set aside before matching (Na+, Cl-, water ...).</param>
/// <param name="Formulas">One result per formula, in library order.</param>
public sealed record CompoundMatch(string? MatchedSmiles, IReadOnlyList<string> SetAside, IReadOnlyList<FormulaMatch> Formulas)
{
    /// <summary>Ids of the formulas the compound is within, sorted.</summary>
    public IReadOnlyList<string> Within => Formulas.Where(f => f.IsWithin).Select(f => f.FormulaId).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Ids of the formulas whose search hit a limit before finding the compound within
    /// (<see cref="FormulaVerdict.Undetermined"/>), sorted.</summary>
    public IReadOnlyList<string> Undetermined => Formulas.Where(f => f.Verdict == FormulaVerdict.Undetermined).Select(f => f.FormulaId).Order(StringComparer.Ordinal).ToArray();
}
