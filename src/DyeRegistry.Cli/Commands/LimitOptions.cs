using System.CommandLine;
using DyeRegistry.Chemistry;

namespace DyeRegistry.Cli.Commands;

/// <summary>
/// --max-atoms, --max-bonds, --max-rings, --max-branch-depth, --max-line-length: the per-record
/// size limits (<see cref="StructureLimits"/>) every command that reads structures takes.
/// </summary>
internal sealed class LimitOptions
{
    private readonly Option<int> atoms = Limit("--max-atoms", "Refuse a record with more atoms (as written, explicit H included)", StructureLimits.Default.MaxAtoms);
    private readonly Option<int> bonds = Limit("--max-bonds", "Refuse a record with more bonds", StructureLimits.Default.MaxBonds);
    private readonly Option<int> rings = Limit("--max-rings", "Refuse a record with more rings (bonds - atoms + fragments)", StructureLimits.Default.MaxRings);
    private readonly Option<int> depth = Limit("--max-branch-depth", "Refuse a SMILES whose branches nest deeper", StructureLimits.Default.MaxBranchDepth);
    private readonly Option<int> line = Limit("--max-line-length", "Refuse a longer line (characters) of a structure file", StructureLimits.Default.MaxLineLength);

    /// <summary>Adds the options to <paramref name="command"/> and returns this, to read them back.</summary>
    public LimitOptions AddTo(Command command)
    {
        foreach (var option in new[] { atoms, bonds, rings, depth, line })
        {
            command.Options.Add(option);
        }

        return this;
    }

    /// <summary>The limits given; an ArgumentException when one is not positive.</summary>
    public StructureLimits Read(ParseResult parse)
    {
        var limits = new StructureLimits
        {
            MaxAtoms = parse.GetValue(atoms),
            MaxBonds = parse.GetValue(bonds),
            MaxRings = parse.GetValue(rings),
            MaxBranchDepth = parse.GetValue(depth),
            MaxLineLength = parse.GetValue(line),
        }.Validated();
        return limits == StructureLimits.Default ? StructureLimits.Default : limits;
    }

    private static Option<int> Limit(string name, string what, int defaultValue) => new(name)
    {
        Description = $"{what} (default {defaultValue:N0}; every real dye is well under it: see README).",
        DefaultValueFactory = _ => defaultValue,
    };
}
