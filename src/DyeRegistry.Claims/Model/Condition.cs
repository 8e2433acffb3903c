namespace DyeRegistry.Claims.Model;

/// <summary>
/// What decides a limitation, as written in a claim file (the grammar is in claims/README.md).
/// Every condition evaluates to met, not met or unknown with its evidence. A closed hierarchy.
/// </summary>
public abstract record Condition(int Line);

/// <summary>The field is recorded and not <c>false</c> (a crosslinking agent, a mordant, a support).
/// Absent is unknown, unless <paramref name="DecidedByAbsenceWhen"/> is recorded: then the record
/// describes the other kind of medium, and absence means not met (a two-layer inorganic sheet has
/// no polymer particles).</summary>
public sealed record PresentCondition(int Line, FieldPath Path, FieldPath? DecidedByAbsenceWhen) : Condition(Line);

/// <summary>A boolean field has the given value (true / false); absent is unknown.</summary>
public sealed record IsCondition(int Line, FieldPath Path, bool Value) : Condition(Line);

/// <summary>A vocabulary field holds one of the values.</summary>
public sealed record OneOfCondition(int Line, FieldPath Path, IReadOnlyList<string> Values) : Condition(Line);

/// <summary>
/// A number against a threshold in the claim's unit. The recorded value (in the unit of the
/// field name) times <paramref name="Scale"/> gives the claim's unit (A in ml/cm2 x 100000 = A in
/// x10^-5 ml/cm2). The threshold is stated, or comes from a reading
/// (<paramref name="Reading"/>: "hydrophobic dye" = water solubility &lt;= 1 g/100 g).
/// <paramref name="Operands"/> names the fields as the claim does (A, B; D2, D1); empty: by field name.
/// </summary>
public sealed record CompareCondition(
    int Line,
    QuantityExpression Quantity,
    string Label,
    Comparison Comparison,
    decimal? Threshold,
    decimal? Upper,
    string? Reading,
    string Unit,
    decimal Scale,
    IReadOnlyList<string> Operands) : Condition(Line);

/// <summary>A free-text field names one of the terms a reading accepts (irradiation: "electron
/// beam" is ionizing; UV only under the family-usage reading). With <paramref name="IfRecorded"/>
/// an absent field does not count against the claim.</summary>
public sealed record TermCondition(int Line, FieldPath Path, string Reading, bool IfRecorded) : Condition(Line);

/// <summary>The bound dye is within one of the general formulas (Markush engine).</summary>
public sealed record FormulaCondition(int Line, IReadOnlyList<string> Formulas) : Condition(Line);

/// <summary>Every part holds.</summary>
public sealed record AllCondition(int Line, IReadOnlyList<Condition> Parts) : Condition(Line);

/// <summary>At least one part holds.</summary>
public sealed record AnyCondition(int Line, IReadOnlyList<Condition> Parts) : Condition(Line);

/// <summary>
/// A quantifier over a collection (<c>ink.dyes</c>, <c>ink.polymers</c>, <c>ink.solvents</c>,
/// <c>medium.layers[first,second]</c>): the condition holds for every element
/// (<paramref name="Every"/>) or for at least one. The element is bound to <c>dye</c>,
/// <c>polymer</c>, <c>solvent</c> or <c>layer</c> inside.
/// </summary>
public sealed record QuantifiedCondition(int Line, bool Every, FieldPath Collection, Condition Inner) : Condition(Line)
{
    /// <summary>The name the element is bound to inside.</summary>
    public string Element => Collection.Steps[^1].Name switch
    {
        "dyes" => "dye",
        "polymers" => "polymer",
        "solvents" => "solvent",
        _ => "layer",
    };
}
