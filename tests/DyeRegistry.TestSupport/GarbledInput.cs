namespace DyeRegistry.TestSupport;

/// <summary>Deterministic generator of random and garbled structure texts (seeded).</summary>
public sealed class GarbledInput(int seed)
{
    // Real dye and reference structures, mutated below.
    public static readonly string[] Seeds =
    [
        "CCN(CC)c1ccc(N=Nc2ccc([N+](=O)[O-])cc2)cc1",
        "Oc1ccc2ccccc2c1N=Nc1ccccc1",
        "O=S(=O)([O-])c1ccc(N=Nc2ccc(O)cc2)cc1.[Na+]",
        "CC(C)(C)C(=O)C(=Nc1ccc(N(CC)CC)cc1C)C(=O)Nc1ccccc1Cl",
        "CC1=NN2C(C)=NN=C2/C1=N/c1ccc(N(CC)CC)cc1C",
        "c1ccc2c(c1)c1nc3[n-]c(nc4nc(nc5[n-]c(nc2n1)c1ccccc51)c1ccccc41)c1ccccc31.[Cu+2]",
        "C[C@@H](N)C(=O)O",
        "O=C1C(C(=O)NCCCC)=CC(=Nc2ccc(N(CC)CC)cc2)c2ccccc12",
        "[2H]C([2H])([2H])c1ccccc1/C=C/C#N",
        "O=C1CN[Cu]2(NCC(=O)O2)O1",
    ];

    public static readonly string[] SmartsSeeds =
    [
        "[#6]-[#7]=[#7]-[#6]", "c1ccccc1", "[$(c-N=N-c),$(C=N-N)]", "[NX3;H2,H1;!$(NC=O)]",
        "[C;R0](=O)[OX2H1]", "*-N=N-* |$ARY_p;;;ARY_p$|", "[#6;a]@[#7;a]", "[!#1;D3;+0]~[#8]",
    ];

    private const string SmilesAlphabet = "CNOSPFIBrcnosp()[]=#@+-\\/%0123456789.*:HlaeZu ";
    private readonly Random random = new(seed);

    public string Smiles() => Garble(Seeds[random.Next(Seeds.Length)], SmilesAlphabet);

    public string Smarts() => Garble(SmartsSeeds[random.Next(SmartsSeeds.Length)], SmilesAlphabet + "$;&,!~XDHRrvx");

    public string MolBlock(IReadOnlyList<string> blocks)
    {
        var lines = blocks[random.Next(blocks.Count)].Split('\n').ToList();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && lines.Count > 1; e++)
        {
            var i = random.Next(lines.Count);
            switch (random.Next(5))
            {
                case 0: lines.RemoveAt(i); break;
                case 1: lines.Insert(i, RandomText(random.Next(0, 70), "0123456789. -CNOV")); break;
                case 2: lines[i] = Garble(lines[i], "0123456789 .-+CNOXYZV"); break;
                case 3: lines[i] = lines[i].Length > 3 ? lines[i][..random.Next(lines[i].Length)] : lines[i]; break;
                default: lines[i] = lines[i].Replace(' ', random.Next(2) == 0 ? '9' : '-'); break;
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>Mostly small edits of a real text (so many parse), sometimes pure noise.</summary>
    private string Garble(string text, string alphabet)
    {
        if (random.Next(10) == 0)
        {
            return RandomText(random.Next(0, 60), alphabet + "\u00e9\u4e2d\t");
        }

        var chars = text.ToList();
        var edits = random.Next(0, 4);
        for (var e = 0; e < edits; e++)
        {
            var i = random.Next(chars.Count + 1);
            switch (random.Next(3))
            {
                case 0 when chars.Count > 0 && i < chars.Count: chars.RemoveAt(i); break;
                case 1: chars.Insert(i, alphabet[random.Next(alphabet.Length)]); break;
                default:
                    if (i < chars.Count)
                    {
                        chars[i] = alphabet[random.Next(alphabet.Length)];
                    }

                    break;
            }
        }

        return new string(chars.ToArray());
    }

    private string RandomText(int length, string alphabet)
    {
        var c = new char[length];
        for (var i = 0; i < length; i++)
        {
            c[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(c);
    }
}
