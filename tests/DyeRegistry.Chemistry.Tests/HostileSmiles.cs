using System.Text;

namespace DyeRegistry.Chemistry.Tests;

/// <summary>
/// A generated corpus of SMILES that RDKit's parse steps treat in every way: bad valences,
/// unkekulizable or non-ring aromatics, odd and contradictory stereo, ring-closure errors, large
/// and cage-like rings, charges, isotopes, explicit and bridging H, dummies, dative bonds,
/// radicals, metals, CXSMILES parts; each base string as written and in seeded random edits.
/// </summary>
public static class HostileSmiles
{
    private static readonly string[] Bases =
    [
        // dye-like structures
        "CCN(CC)c1ccc(/N=N/c2ccc([N+](=O)[O-])cc2)cc1", "O=C1C(=NNc2ccccc2)C(C)=NN1c1ccccc1",
        "Oc1ccc2ccccc2c1N=Nc1ccc(S(=O)(=O)[O-])cc1.[Na+]", "CN(C)c1ccc(C=Nc2ccccc2)cc1",
        "O=C1c2ccccc2C(=O)c2c(N)cccc12", "Cc1nnc2n1N=C(C)/C2=N/c1ccc2c(c1)ccn2C",
        "O=c1c2ccccc2[nH]c2ccccc12", "c1ccc2c(c1)[nH]c1ccccc12", "O=C(O)c1ccccc1N=Nc1ccc(N(C)C)cc1",
        // valence
        "C(C)(C)(C)(C)C", "[N](C)(C)(C)C", "O=O=O", "ClC(Cl)(Cl)(Cl)Cl", "F(C)C", "[B-](F)(F)(F)(F)F",
        "CS(=O)(=O)(=O)C", "N(=O)(=O)C", "CN(=O)=O", "[N+](C)(C)(C)(C)C", "[O+](C)(C)(C)C", "[CH5]",
        // kekulization and aromaticity
        "c1cccc1", "n1cccc1", "c1ccc[nH]c1", "c1ccccc1c", "cC", "c1ccc2ccccc2c1c", "o1cccc1", "c1ccncc1",
        "c1cc[nH]cc1", "O=n1ccccc1", "[O-][n+]1ccccc1", "c1ccc2cc3ccccc3cc2c1", "c1cc2ccc3cccc4ccc(c1)c2c34",
        "c1ccccccc1", "c1ccccccccccccc1", "C1=CC=CC=C1", "c1cc*cc1", "*c1ccccc1", "[se]1cccc1", "c1cs(=O)cc1",
        "C:C", "c1ccccc1:c1ccccc1", "c1cc2ccc1cc2",
        // stereo
        "C[C@H](O)CC", "C[C@@H](C)C", "F/C=C/F", "F/C=C(/F)/F", "C/C(F)=C/1.C1", "F/C(/F)=C/F",
        "[C@@](F)(Cl)(Br)I", "C[C@H]1CC[C@@H](C)CC1", "F[C@SP1](Cl)(Br)I", "F[C@TB1](Cl)(Br)(I)C",
        "F[C@OH1](Cl)(Br)(I)(C)N", "C=[C@]=C", "C1/C=C/CCCCC1", "C1/C=C\\CC1", "F/C=C/C=C/F", "[C@H]1CCCCC1",
        "N[C@@H](C)C(=O)O", "C/N=N/C", "C\\C=C\\1.F/1", "[C@]", "C[C@H]([2H])O", "F/C=C/c1ccccc1",
        "C(/F)=C/F", "F\\C=C/F", "F/C=C\\F", "F/C(Cl)=C(/Br)I", "C/C=C(/C)\\C", "CC/C=C/1\\CCCC1",
        "N#C/C(=C/c1ccccc1)C#N", "c1ccccc1/C=C/c1ccccc1", "C/C=C/C=C/C=C/C", "F/C=C/F.F/C=C\\F", "C/c1ccccc1/C",
        "C1CCC/C=C/CCC1", "C1CC/C=C/C1", "O/N=C/c1ccccc1", "C/C(=N/O)/C", "F/C=C=C/F", "F/C=C/C#C/F",
        // ring closures
        "C1CC", "C1CC1C1", "C%99CC%99", "C12CC1", "C1.C1", "C11", "C1CC11", "C%100CC%100", "C1CCC1C1CC1",
        "C(C", "C)C", "CC((C))C", "C=1CC-1", "C=1CC#1", "c1ccccc1.C%10", "C1CC2CCC1CC2",
        // large and cage rings
        "C12C3C4C1C5C2C3C45", "C1C2CC3CC1CC(C2)C3", "C1CC2CCC1C2",
        "C1CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC1",
        "c1ccc2c(c1)c1ccccc1c1ccccc21", "C1(C2)C3C4C1C2C34",
        // charges, isotopes, H, dummies, dative, radicals, metals
        "[Na+].[Cl-]", "[O-2]", "[C-]#[O+]", "[Fe+2].[Cl-].[Cl-]", "[NH4+]", "[13CH4]", "[2H]C", "[2H][2H]",
        "[H]1CC1", "[H][H]", "[H+]", "[H-]", "[H]OCC", "[H]C([H])([H])[H]", "[H]c1ccccc1", "[H]/C=C/F",
        "[H][C@@](F)(Cl)Br", "[13c]1ccccc1", "[*]C", "[1*]CC", "C->[Fe]", "[NH3]->[Cu+2]<-[NH3]", "C$C",
        "[CH3]", "[CH2]", "[C]", "[Xe]", "[U+6]", "[Og]", "[Cr+3].[O-]c1ccccc1N=Nc1ccc2ccccc2c1[O-]",
        "CC[Hg]CC", "[Si](C)(C)(C)(C)C", "c1ccc(cc1)[P+](c1ccccc1)(c1ccccc1)c1ccccc1", "[nH]1cccc1",
        // CXSMILES parts (whitespace: the full parse's own path)
        "CCO |$a;b;c$|", "C[C@H](O)F |(0,0,0;1,0,0;0,1,0;0,0,1)|", "CC |foo", "CCO x",
    ];

    private const string Inserted = "CNOcnos()=#123[]+-H@/\\.%*:";
    private static readonly Dictionary<char, string> Swaps = new()
    {
        ['c'] = "nosC", ['n'] = "cosN", ['C'] = "NOSc", ['N'] = "COSn", ['O'] = "NCSo", ['o'] = "cns",
        ['='] = "-#:", ['-'] = "=", ['1'] = "23", ['2'] = "13", ['@'] = "/", ['/'] = "\\@", ['+'] = "-",
        ['H'] = "2", ['['] = "(", [']'] = ")",
    };

    /// <summary>Every base string, then <paramref name="variantsPerBase"/> seeded edits of each (1-3 edits).</summary>
    public static IReadOnlyList<string> Corpus(int seed, int variantsPerBase)
    {
        var random = new Random(seed);
        var corpus = new List<string>(Bases);
        foreach (var b in Bases)
        {
            for (var v = 0; v < variantsPerBase; v++)
            {
                var text = new StringBuilder(b);
                for (var edit = random.Next(1, 4); edit > 0 && text.Length > 0; edit--)
                {
                    var at = random.Next(text.Length);
                    switch (random.Next(4))
                    {
                        case 0 when Swaps.TryGetValue(text[at], out var options):
                            text[at] = options[random.Next(options.Length)];
                            break;
                        case 1:
                            text.Remove(at, 1);
                            break;
                        case 2:
                            // Two fragments joined: each's problems, and fragments set aside.
                            text.Append('.').Append(Bases[random.Next(Bases.Length)].Split(' ')[0]);
                            break;
                        default:
                            text.Insert(at, Inserted[random.Next(Inserted.Length)]);
                            break;
                    }
                }

                if (text.Length > 0)
                {
                    corpus.Add(text.ToString());
                }
            }
        }

        return corpus;
    }
}
