using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace DyeRegistry.TestSupport;

/// <summary>What a generated record is: a real structure, or which kind of hostile input.</summary>
public enum HostileKind
{
    /// <summary>A real structure line or record, to be processed as in a clean run.</summary>
    Real,

    /// <summary>A carbon chain of 4,000 to 12,000 atoms (RDKit's stereo perception is cubic in it).</summary>
    HugeChain,

    /// <summary>Branches nested 300 to 10,000 deep.</summary>
    DeepBranches,

    /// <summary>A structure of 250 to 600 fused rings in about as many atoms.</summary>
    ManyRings,

    /// <summary>A line of 70,000 to 300,000 characters (one huge chain).</summary>
    LongLine,

    /// <summary>A NUL inside the structure (it would cut the SMILES short on its way to RDKit).</summary>
    Nul,

    /// <summary>Another control character (0x01-0x1f but tab, 0x7f, C1) inside the structure.</summary>
    ControlCharacter,

    /// <summary>Bytes that are not UTF-8 inside the line.</summary>
    InvalidUtf8,

    /// <summary>Unbalanced parentheses or brackets.</summary>
    Unbalanced,

    /// <summary>A ring opened and never closed.</summary>
    OpenRing,

    /// <summary>Huge ring-closure numbers left open (%(99999) ... %(99998)) or a ring label reused thousands of times.</summary>
    HugeRingClosure,

    /// <summary>An isotope past 999 or a charge past 15 (RDKit would wrap them silently).</summary>
    OutOfRangeNumbers,

    /// <summary>An empty structure or a line of whitespace around an id.</summary>
    Empty,

    /// <summary>SDF only: a counts line or V3000 COUNTS declaring more atoms than any limit.</summary>
    HugeCounts,

    /// <summary>SDF only: a molfile block without "M  END".</summary>
    MissingEnd,
}

/// <summary>One generated record: its bytes (a SMILES line with its newline, or an SD record ending in "$$$$\n") and its kind.</summary>
public sealed record HostileRecord(HostileKind Kind, string Id, byte[] Bytes)
{
    public bool IsReal => Kind == HostileKind.Real;

    public override string ToString() => $"{Kind} {Id} ({Bytes.Length} bytes)";
}

/// <summary>
/// A deterministic (seeded) generator of hostile structure input mixed with real records, for
/// tests and fuzzing of every reader: huge chains, deep branches, many rings, very long lines,
/// NUL and other control characters, invalid UTF-8, unbalanced brackets, open rings, huge
/// ring-closure numbers, isotopes and charges out of range, empty records; SD records of the same
/// kinds plus huge counts lines and missing "M  END"; and gzip files cut short or corrupt. Every
/// hostile record is one that dyereg must refuse on its own (a record error), quickly, without
/// disturbing the real records around it.
/// </summary>
public sealed class HostileInput(int seed)
{
    /// <summary>Real dyes and reference structures (with ids) used when no real lines are given.</summary>
    public static readonly string[] RealLines =
    [
        "CCN(CC)c1ccc(N=Nc2ccc([N+](=O)[O-])cc2)cc1 disperse-orange-like",
        "Oc1ccc2ccccc2c1N=Nc1ccccc1 sudan-I",
        "O=S(=O)([O-])c1ccc(N=Nc2ccc(O)cc2)cc1.[Na+] hydroxyazobenzene-sulfonate",
        "CC(C)(C)C(=O)C(=Nc1ccc(N(CC)CC)cc1C)C(=O)Nc1ccccc1Cl pivaloylacetanilide-azomethine",
        "c1ccc2c(c1)c1nc3[n-]c(nc4nc(nc5[n-]c(nc2n1)c1ccccc51)c1ccccc41)c1ccccc31.[Cu+2] copper-phthalocyanine",
        "O=C1C(C(=O)NCCCC)=CC(=Nc2ccc(N(CC)CC)cc2)c2ccccc12 indoaniline",
        "CC(C)(C)c1nn(-c2nc3ccccc3s2)c(/N=N/c2c(C)c(C#N)c(Nc3c(C)cc(C)cc3C)nc2Nc2c(C)cc(C)cc2C)c1C#N magenta-M-I",
        "C[C@@H](N)C(=O)O alanine",
    ];

    private static readonly HostileKind[] SmilesKinds =
    [
        HostileKind.HugeChain, HostileKind.DeepBranches, HostileKind.ManyRings, HostileKind.LongLine, HostileKind.Nul,
        HostileKind.ControlCharacter, HostileKind.InvalidUtf8, HostileKind.Unbalanced, HostileKind.OpenRing,
        HostileKind.HugeRingClosure, HostileKind.OutOfRangeNumbers, HostileKind.Empty,
    ];

    private static readonly HostileKind[] SdfKinds =
    [
        HostileKind.HugeCounts, HostileKind.MissingEnd, HostileKind.Nul, HostileKind.ControlCharacter,
        HostileKind.InvalidUtf8, HostileKind.LongLine, HostileKind.HugeChain,
    ];

    private readonly Random random = new(seed);

    /// <summary>All SMILES kinds, for tests that want each at least once.</summary>
    public static IReadOnlyList<HostileKind> SmilesLineKinds => SmilesKinds;

    /// <summary>All SD record kinds.</summary>
    public static IReadOnlyList<HostileKind> SdfRecordKinds => SdfKinds;

    /// <summary>
    /// <paramref name="count"/> SMILES lines: a share <paramref name="realFraction"/> of real lines
    /// ("SMILES id", from <paramref name="realLines"/> or <see cref="RealLines"/>), the rest hostile,
    /// every kind in turn at random.
    /// </summary>
    public IEnumerable<HostileRecord> SmilesLines(int count, IReadOnlyList<string>? realLines = null, double realFraction = 0.5)
    {
        var real = realLines ?? RealLines;
        for (var i = 0; i < count; i++)
        {
            if (random.NextDouble() < realFraction)
            {
                var line = real[random.Next(real.Count)];
                yield return new HostileRecord(HostileKind.Real, IdOf(line) ?? $"real-{i}", Encoding.UTF8.GetBytes(line + "\n"));
            }
            else
            {
                yield return SmilesLine(SmilesKinds[random.Next(SmilesKinds.Length)], i);
            }
        }
    }

    /// <summary>One hostile SMILES line of <paramref name="kind"/> (with its newline), id "hostile-N-kind".</summary>
    public HostileRecord SmilesLine(HostileKind kind, int n = 0)
    {
        var id = $"hostile-{n}-{kind.ToString().ToLowerInvariant()}";
        var bytes = kind switch
        {
            HostileKind.HugeChain => Line(Chain(random.Next(4_000, 12_001)), id),
            HostileKind.DeepBranches => Line(DeepBranches(random.Next(300, 10_001)), id),
            HostileKind.ManyRings => Line(Ladder(random.Next(250, 601)), id),
            HostileKind.LongLine => Line(Chain(random.Next(70_000, 300_001)), id),
            HostileKind.Nul => Spliced(Real(), "\0", id),
            HostileKind.ControlCharacter => Spliced(Real(), Pick("\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u001b", "\u001f", "\u007f", "\u0085", "\u009b"), id),
            HostileKind.InvalidUtf8 => InvalidUtf8(Real(), id),
            HostileKind.Unbalanced => Line(Pick("C(C(C", "CC)C", "C[C", "C]C", "[Cu+2", "c1ccccc1)", "((((((((((C"), id),
            HostileKind.OpenRing => Line(Pick("C1CC", "c1ccc2ccccc2", "C%12CC", "C%(123)CCC"), id),
            HostileKind.HugeRingClosure => Line(random.Next(2) == 0 ? "C%(99999)CCC%(99998)" : string.Concat(Enumerable.Repeat("C1CC1", random.Next(400, 4_000))), id),
            HostileKind.OutOfRangeNumbers => Line(Pick("[999999C]", "[65536CH4]", "C[C+999]C", "C[N-99999]", "[C++++++++++++++++++]", "[1000000000000000000000U]"), id),
            HostileKind.Empty => Encoding.UTF8.GetBytes(Pick(" \t " + id + "\n", "\t" + id + "\n")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a SMILES line kind"),
        };
        return new HostileRecord(kind, id, bytes);
    }

    /// <summary>
    /// <paramref name="count"/> SD records, real ones from <paramref name="realBlocks"/> (molfile
    /// blocks up to "M  END"; default: small V2000 blocks built here) at <paramref name="realFraction"/>.
    /// </summary>
    public IEnumerable<HostileRecord> SdfRecords(int count, IReadOnlyList<string>? realBlocks = null, double realFraction = 0.5)
    {
        var real = realBlocks ?? [ChainBlock("ethane-record", 2, 1), ChainBlock("hexane-record", 6, 1), RingBlock("cyclohexane-record", 6)];
        for (var i = 0; i < count; i++)
        {
            if (random.NextDouble() < realFraction)
            {
                var block = real[random.Next(real.Count)];
                yield return new HostileRecord(HostileKind.Real, block[..block.IndexOf('\n')].Trim(), Encoding.UTF8.GetBytes(block.TrimEnd('\n') + "\n$$$$\n"));
            }
            else
            {
                yield return SdfRecord(SdfKinds[random.Next(SdfKinds.Length)], i);
            }
        }
    }

    /// <summary>One hostile SD record of <paramref name="kind"/>, ending in "$$$$\n".</summary>
    public HostileRecord SdfRecord(HostileKind kind, int n = 0)
    {
        var id = $"hostile-{n}-{kind.ToString().ToLowerInvariant()}";
        var text = kind switch
        {
            HostileKind.HugeCounts => random.Next(2) == 0
                ? id + "\n  hostile\n\n999999999  0  0  0  0  0  0  0  0  0999 V2000\nM  END\n"
                : $"{id}\n  hostile\n\n  0  0  0     0  0            999 V3000\nM  V30 BEGIN CTAB\nM  V30 COUNTS {random.Next(5_000, 10_000_000)} 0 0 0 0\nM  V30 END CTAB\nM  END\n",
            HostileKind.MissingEnd => ChainBlock(id, 3, 0).Replace("M  END\n", string.Empty, StringComparison.Ordinal),
            HostileKind.Nul => ChainBlock(id, 3, 0).Replace(" C  ", " C\0 ", StringComparison.Ordinal),
            HostileKind.ControlCharacter => ChainBlock(id, 3, 0).Replace("  hostile", "  host\u001bile", StringComparison.Ordinal),
            HostileKind.InvalidUtf8 => null,
            HostileKind.LongLine => ChainBlock(id, 3, 0) + "> <NOTE>\n" + new string('x', random.Next(70_000, 300_001)) + "\n\n",
            HostileKind.HugeChain => V3000Chain(id, random.Next(1_200, 5_001)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an SD record kind"),
        };
        byte[] bytes;
        if (text is null)
        {
            var block = Encoding.UTF8.GetBytes(ChainBlock(id, 3, 0) + "> <NAME>\n");
            bytes = [.. block, 0x53, 0xe4, 0x75, 0x72, 0x65, 0xff, 0x0a, 0x0a, .. "$$$$\n"u8];
        }
        else
        {
            bytes = Encoding.UTF8.GetBytes(text.TrimEnd('\n') + "\n$$$$\n");
        }

        return new HostileRecord(kind, id, bytes);
    }

    /// <summary>The records' bytes one after the other: a whole file.</summary>
    public static byte[] Join(IEnumerable<HostileRecord> records) => records.SelectMany(r => r.Bytes).ToArray();

    /// <summary>Gzip of <paramref name="data"/> (one member).</summary>
    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>A gzip file cut short at a random point (at least one byte missing, the header kept).</summary>
    public byte[] CutShort(byte[] gzip) => gzip[..random.Next(10, gzip.Length)];

    /// <summary>A gzip file with a few bytes of its compressed data overwritten (header and trailer kept).</summary>
    public byte[] Corrupt(byte[] gzip)
    {
        var copy = (byte[])gzip.Clone();
        for (var k = 0; k < 4 && copy.Length > 30; k++)
        {
            copy[random.Next(10, copy.Length - 8)] ^= (byte)random.Next(1, 256);
        }

        return copy;
    }

    /// <summary>A V2000 block of a carbon chain of <paramref name="atoms"/> atoms (bonds of <paramref name="bondOrder"/>, at least single).</summary>
    public static string ChainBlock(string title, int atoms, int bondOrder)
    {
        var b = new StringBuilder();
        var bonds = atoms - 1;
        b.Append(title).Append("\n  hostile\n\n");
        b.Append(CultureInfo.InvariantCulture, $"{atoms,3}{bonds,3}  0  0  0  0  0  0  0  0999 V2000\n");
        for (var i = 0; i < atoms; i++)
        {
            b.Append(CultureInfo.InvariantCulture, $"{i * 1.5,10:F4}    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n");
        }

        for (var i = 1; i < atoms; i++)
        {
            b.Append(CultureInfo.InvariantCulture, $"{i,3}{i + 1,3}{Math.Max(1, bondOrder),3}  0\n");
        }

        return b.Append("M  END\n").ToString();
    }

    /// <summary>A V2000 block of a ring of <paramref name="atoms"/> carbons.</summary>
    public static string RingBlock(string title, int atoms)
    {
        var chain = ChainBlock(title, atoms, 1);
        var lines = chain.Split('\n').ToList();
        lines[3] = string.Create(CultureInfo.InvariantCulture, $"{atoms,3}{atoms,3}") + lines[3][6..];
        lines.Insert(lines.IndexOf("M  END"), string.Create(CultureInfo.InvariantCulture, $"{atoms,3}{1,3}{1,3}  0"));
        return string.Join('\n', lines);
    }

    private static string V3000Chain(string title, int atoms)
    {
        var b = new StringBuilder();
        b.Append(title).Append("\n  hostile\n\n  0  0  0     0  0            999 V3000\nM  V30 BEGIN CTAB\n");
        b.Append(CultureInfo.InvariantCulture, $"M  V30 COUNTS {atoms} {atoms - 1} 0 0 0\nM  V30 BEGIN ATOM\n");
        for (var i = 1; i <= atoms; i++)
        {
            b.Append(CultureInfo.InvariantCulture, $"M  V30 {i} C {i * 1.5:F4} 0 0 0\n");
        }

        b.Append("M  V30 END ATOM\nM  V30 BEGIN BOND\n");
        for (var i = 1; i < atoms; i++)
        {
            b.Append(CultureInfo.InvariantCulture, $"M  V30 {i} 1 {i} {i + 1}\n");
        }

        return b.Append("M  V30 END BOND\nM  V30 END CTAB\nM  END\n").ToString();
    }

    private static string Chain(int atoms) => new('C', atoms);

    private static string DeepBranches(int depth) => "C" + string.Concat(Enumerable.Repeat("(C", depth)) + new string(')', depth);

    // Every atom bonded to the next and the one after: about one ring per atom, all valences
    // at most 4 (a valid, sanitizable structure), 2k + 4 atoms and 2k + 2 rings.
    private static string Ladder(int rings) => "C1C2" + string.Concat(Enumerable.Repeat("C11C22", Math.Max(1, (rings - 1) / 2))) + "C1C2";

    private static byte[] Line(string smiles, string id) => Encoding.UTF8.GetBytes(smiles + " " + id + "\n");

    private static string? IdOf(string line)
    {
        var cut = line.IndexOfAny([' ', '\t']);
        return cut < 0 ? null : line[(cut + 1)..].Trim();
    }

    private string Real()
    {
        var line = RealLines[random.Next(RealLines.Length)];
        return line[..line.IndexOf(' ')];
    }

    // The character inside the structure (never at its ends, where trimming could hide it).
    private byte[] Spliced(string smiles, string insert, string id)
    {
        var at = random.Next(1, smiles.Length);
        return Line(smiles[..at] + insert + smiles[at..], id);
    }

    private byte[] InvalidUtf8(string smiles, string id)
    {
        var at = random.Next(1, smiles.Length);
        byte[][] bad = [[0xff], [0xc3], [0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80]];
        return [.. Encoding.UTF8.GetBytes(smiles[..at]), .. bad[random.Next(bad.Length)], .. Encoding.UTF8.GetBytes(smiles[at..] + " " + id + "\n")];
    }

    private string Pick(params string[] options) => options[random.Next(options.Length)];
}
