namespace DyeRegistry.Chemistry;

/// <summary>
/// The outcome of <see cref="Molecule.ParseSmilesIfMightContain"/>: the molecule (one of the
/// queries could match it), the parse error, or neither: a valid SMILES that contains none of
/// the queries, established without building the sanitized molecule.
/// </summary>
public readonly struct ScreenedParse
{
    private ScreenedParse(Molecule? molecule, ChemistryException? error, bool notValidated = false)
    {
        Molecule = molecule;
        Error = error;
        NotValidated = notValidated;
    }

    /// <summary>The molecule, exactly as <see cref="Molecule.ParseSmiles"/> makes it; null when ruled out or failed.</summary>
    public Molecule? Molecule { get; }

    /// <summary>Why the SMILES could not be read: exactly <see cref="Molecule.ParseSmiles"/>'s error.</summary>
    public ChemistryException? Error { get; }

    /// <summary>Valid, and none of the queries can match it (or any tautomer or fragment of it).</summary>
    public bool RuledOut => Molecule is null && Error is null;

    /// <summary>Ruled out by connectivity alone, without proving the SMILES valid (hits-only screens).</summary>
    public bool NotValidated { get; }

    /// <summary>A full parse's result as a screened one (nothing ruled out).</summary>
    public static ScreenedParse FromParse(ParseResult<Molecule> result) =>
        result.Success ? Parsed(result.Value) : Failed(result.Error);

    internal static ScreenedParse Parsed(Molecule molecule) => new(molecule, null);

    internal static ScreenedParse Failed(ChemistryException error) => new(null, error);

    internal static ScreenedParse NoneOfTheQueries() => new(null, null);

    internal static ScreenedParse NoneOfTheQueriesUnvalidated() => new(null, null, notValidated: true);
}
