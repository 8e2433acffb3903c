using System.Globalization;

namespace DyeRegistry.Chemistry;

/// <summary>
/// How large a structure record may be before it is refused, checked before anything costly:
/// RDKit's stereo perception takes time growing with the cube of the atom count (a 1,000-atom
/// chain about 2 s, a 4,000-atom one over two minutes), so one hostile record could stall a run.
/// Immutable; the defaults admit every real dye with room to spare (see <see cref="Default"/>).
/// </summary>
/// <remarks>
/// Each limit has a name (the command-line option that raises it) and is checked in this order:
/// line length while the file is read (a record is never held whole when over it); then on the
/// text, branch depth and upper bounds of atoms, bonds and rings (a SMILES: letters, bracket
/// atoms and ring-closure digits; a molfile: its counts line); only when a bound is over a limit
/// is the structure read by RDKit without sanitizing to count exactly, before sanitization and
/// stereo perception. Atoms are counted as written (explicit hydrogens included); rings are the
/// ring closures a structure needs (bonds - atoms + fragments, the size of RDKit's SSSR).
/// </remarks>
public sealed record StructureLimits
{
    /// <summary>
    /// The defaults. The largest records of the real catalogue (28,725 structures, the shared data folder)
    /// have 427 atoms, 465 bonds, 49 rings, branches nested 51 deep and 1,085 characters; a
    /// copper phthalocyanine has 57 atoms, a sulfonated 1:2 chromium complex about 110, a large
    /// reactive dye about 150. Each default is about twice the catalogue's largest or more (a
    /// molfile with explicit hydrogens roughly doubles the atom count) while a structure at the
    /// atom limit still reads in about two seconds.
    /// </summary>
    public static StructureLimits Default { get; } = new();

    /// <summary>No limits at all (for trusted input only).</summary>
    public static StructureLimits None { get; } = new()
    {
        MaxAtoms = int.MaxValue, MaxBonds = int.MaxValue, MaxRings = int.MaxValue, MaxBranchDepth = int.MaxValue, MaxLineLength = int.MaxValue,
    };

    /// <summary>Atoms as written, explicit hydrogens included (--max-atoms). Default 1,000.</summary>
    public int MaxAtoms { get; init; } = 1_000;

    /// <summary>Bonds (--max-bonds). Default 1,500.</summary>
    public int MaxBonds { get; init; } = 1_500;

    /// <summary>Rings: bonds - atoms + fragments (--max-rings). Default 200.</summary>
    public int MaxRings { get; init; } = 200;

    /// <summary>How deep SMILES branches (parentheses) may nest (--max-branch-depth). Default 250.</summary>
    public int MaxBranchDepth { get; init; } = 250;

    /// <summary>Characters in one line of a structure file, and in one SMILES (--max-line-length). Default 65,536.</summary>
    public int MaxLineLength { get; init; } = 65_536;

    /// <summary>The limits as "name=value" pairs, for messages and logs.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"--max-atoms {MaxAtoms}, --max-bonds {MaxBonds}, --max-rings {MaxRings}, --max-branch-depth {MaxBranchDepth}, --max-line-length {MaxLineLength}");

    /// <summary>Throws when a limit is not a positive number.</summary>
    public StructureLimits Validated()
    {
        Positive(MaxAtoms, "--max-atoms");
        Positive(MaxBonds, "--max-bonds");
        Positive(MaxRings, "--max-rings");
        Positive(MaxBranchDepth, "--max-branch-depth");
        Positive(MaxLineLength, "--max-line-length");
        return this;
    }

    internal static string Over(string what, long count, int limit, string option) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} has {count:N0} {Noun(option, count)}, over the limit of {limit:N0} ({option})");

    internal static ChemistryException Exceeded(string what, long count, int limit, string option) =>
        new(ChemistryErrorCode.LimitExceeded, Over(what, count, limit, option));

    private static string Noun(string option, long count) => option switch
    {
        "--max-atoms" or "--max-query-atoms" => count == 1 ? "atom" : "atoms",
        "--max-bonds" => count == 1 ? "bond" : "bonds",
        "--max-rings" => count == 1 ? "ring" : "rings",
        "--max-branch-depth" => "levels of nested branches",
        "--max-query-recursion" => "levels of nested recursive SMARTS",
        _ => count == 1 ? "character" : "characters",
    };

    private static void Positive(int value, string option)
    {
        if (value < 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{option} must be a positive number, not {value}"));
        }
    }
}
