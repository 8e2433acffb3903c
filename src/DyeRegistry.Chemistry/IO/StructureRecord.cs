namespace DyeRegistry.Chemistry.IO;

/// <summary>
/// One record read from a structure file, not yet parsed: its place in the file, its id, the
/// structure text and (for SDF) its data fields. Parsing is separate so that workers can parse
/// records in parallel while a reader streams the file.
/// </summary>
/// <param name="RecordNumber">1-based position among the file's records.</param>
/// <param name="LineNumber">1-based line where the record starts.</param>
/// <param name="Format">SMILES or molfile block.</param>
/// <param name="Text">The SMILES, or the molfile block up to and including "M  END".</param>
/// <param name="Id">The id after the SMILES, or the SDF title line; null when absent.</param>
/// <param name="Fields">SD data fields in file order (empty for SMILES records).</param>
/// <param name="ReadError">Why the record is malformed as text (before any chemistry), or null.</param>
public sealed record StructureRecord(
    long RecordNumber,
    long LineNumber,
    StructureFormat Format,
    string Text,
    string? Id,
    IReadOnlyDictionary<string, string> Fields,
    string? ReadError = null)
{
    internal static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>();

    /// <summary>The size limits the record was read under; <see cref="Parse"/> applies them.</summary>
    public StructureLimits Limits { get; init; } = StructureLimits.Default;

    /// <summary>Where the record is, for messages: "line 12" or "record 5 (line 120)".</summary>
    public string Location => Format == StructureFormat.Smiles ? $"line {LineNumber}" : $"record {RecordNumber} (line {LineNumber})";

    /// <summary>
    /// Parses the structure with RDKit; a malformed record fails with its read error, one over
    /// <see cref="Limits"/> (or the limits of <paramref name="options"/>, when given) with the limit named.
    /// </summary>
    public ParseResult<Molecule> Parse(MoleculeParseOptions? options = null)
    {
        if (ReadError is not null)
        {
            return ParseResult<Molecule>.Fail(new ChemistryException(
                ReadError.Contains("over the limit", StringComparison.Ordinal) ? ChemistryErrorCode.LimitExceeded : ChemistryErrorCode.InvalidStructure, ReadError));
        }

        options ??= ReferenceEquals(Limits, StructureLimits.Default) ? null : new MoleculeParseOptions { Limits = Limits };
        return Format == StructureFormat.Smiles ? Molecule.ParseSmiles(Text, options) : Molecule.ParseMolBlock(Text, options);
    }

    /// <summary>
    /// Parses the structure only where one of the queries could match (see
    /// <see cref="Molecule.ParseSmilesIfMightContain"/>); molfile records are always parsed.
    /// </summary>
    /// <remarks>With <paramref name="validate"/> false a SMILES ruled out by connectivity is not proven valid.</remarks>
    public ScreenedParse ParseIfMightContain(IReadOnlyList<QueryMolecule> queries, bool validate = true)
    {
        if (Format == StructureFormat.Smiles && ReadError is null)
        {
            return Molecule.ParseSmilesIfMightContain(Text, queries, Limits, validate);
        }

        return ScreenedParse.FromParse(Parse());
    }
}
