using System.Text.Json;
using System.Text.Json.Nodes;
using DyeRegistry.Application.Screening;
using DyeRegistry.Chemistry.IO;
using DyeRegistry.Cli.Output;
using DyeRegistry.Markush;
using DyeRegistry.Markush.Matching;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests;

/// <summary>
/// Issue 22, the command line as a chemist meets it: one test per numbered point (point 2, search
/// on the parent, is also in the storage contract suite, run against both stores).
/// </summary>
public sealed class ChemistWalkTests : IDisposable
{
    private const string MethylOrangeNa = "CN(C)c1ccc(N=Nc2ccc(S(=O)(=O)[O-])cc2)cc1.[Na+]";
    private const string MethylOrangeKHydrate = "CN(C)c1ccc(N=Nc2ccc(S(=O)(=O)[O-])cc2)cc1.[K+].O";
    private const string MethylOrangeAcid = "CN(C)c1ccc(N=Nc2ccc(S(=O)(=O)O)cc2)cc1";
    private const string DisperseRed1 = "CCN(CCO)c1ccc(N=Nc2ccc([N+](=O)[O-])cc2)cc1";

    private readonly TempFolder dir = new("dyereg-chemist-");

    public void Dispose() => dir.Dispose();

    private string Registry => dir.Combine("r.db");

    private (int Exit, string Out, string Err) Import(string name, string text, params string[] more) =>
        CliRunner.Run(["import", dir.File(name, text), "--registry", Registry, .. more]);

    [Fact]
    public void Point1_Show_ReadsAsAChemistReads_WithJsonVersionAndSvgOnRequest()
    {
        Assert.Equal(0, Import("mo.smi", $"{MethylOrangeNa} MO-NA Methyl orange\n").Exit);
        var (exit, text, err) = CliRunner.Run("show", "MO-NA", "--registry", Registry);
        Assert.True(exit == 0, err);
        Assert.StartsWith("MO-NA  Methyl orange", text, StringComparison.Ordinal);
        Assert.Contains("parent:", text, StringComparison.Ordinal);
        Assert.Matches(@"parent formula:\s+C14H15N3O3S, 305\.\d\d g/mol", text);
        Assert.Contains("set aside:      1 × [Na+] (sodium)", text, StringComparison.Ordinal);
        Assert.Contains("version 1 created", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\n", text, StringComparison.Ordinal); // no JSON dump, no molfile as one string
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);

        var json = JsonNode.Parse(CliRunner.Run("show", "MO-NA", "--json", "--registry", Registry).Out)!;
        Assert.Equal(MethylOrangeNa, json["smiles"]!.GetValue<string>());

        Assert.Equal(0, Import("mo2.smi", $"{MethylOrangeNa} MO-NA Methyl orange sodium salt\n", "--update").Exit);
        var v1 = CliRunner.Run("show", "MO-NA", "--version", "1", "--registry", Registry).Out;
        Assert.StartsWith("MO-NA  Methyl orange\n", v1, StringComparison.Ordinal);
        Assert.Contains("version 2 updated", CliRunner.Run("show", "MO-NA", "--registry", Registry).Out, StringComparison.Ordinal);
        Assert.Contains(": name changed", CliRunner.Run("show", "MO-NA", "--registry", Registry).Out, StringComparison.Ordinal);

        var svg = dir.Combine("mo.svg");
        Assert.Equal(0, CliRunner.Run("show", "MO-NA", "--svg", svg, "--registry", Registry).Exit);
        Assert.Contains("<svg", File.ReadAllText(svg), StringComparison.Ordinal);
    }

    [Fact]
    public void Point2_SimilarityOnTheFreeAcid_FindsTheSaltAndTheHydrate_ShowingParentAndDrawn()
    {
        Assert.Equal(0, Import("mo.smi", $"{MethylOrangeNa} MO-NA\n{MethylOrangeKHydrate} MO-K\n", "--as-form").Exit);
        var (exit, output, err) = CliRunner.Run("search", "--similar", MethylOrangeAcid, "--min-tanimoto", "0.7", "--registry", Registry);
        Assert.True(exit == 0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["MO-K", "MO-NA"], lines.Select(l => l.Split('\t')[0]));
        Assert.All(lines, l => Assert.Equal("1.000", l.Split('\t')[3]));
        Assert.Contains("[Na+]", lines[1].Split('\t')[1], StringComparison.Ordinal); // as drawn
        Assert.DoesNotContain("Na", lines[1].Split('\t')[2], StringComparison.Ordinal); // the parent
        Assert.Contains("searched standardized parents", err, StringComparison.Ordinal);
        Assert.Contains("2 hits", err, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("search", "--exact", MethylOrangeAcid, "--registry", Registry).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Point3_SmilesTsvAndCsv_ReadByColumns_HeaderNotARecord_RuleSaid()
    {
        var (exit, _, err) = Import("plain.smi", $"{DisperseRed1} DR1 Disperse Red 1\n");
        Assert.True(exit == 0, err);
        Assert.Contains("RDKit's \"SMILES id\" convention", err, StringComparison.Ordinal);
        Assert.StartsWith("DR1  Disperse Red 1", CliRunner.Run("show", "DR1", "--registry", Registry).Out, StringComparison.Ordinal);

        (exit, _, err) = Import("tab.tsv", $"smiles\tid\tname\tsupplier\n{MethylOrangeAcid}\tMO\tMethyl orange\tAcme\n");
        Assert.True(exit == 0, err);
        Assert.Contains("1 record: 1 created", err, StringComparison.Ordinal); // the header is not a record
        Assert.Contains("header line", err, StringComparison.Ordinal);
        var mo = JsonNode.Parse(CliRunner.Run("show", "MO", "--json", "--registry", Registry).Out)!;
        Assert.Equal("Methyl orange", mo["name"]!.GetValue<string>());
        Assert.Equal("Acme", mo["supplier"]!.GetValue<string>());

        (exit, _, err) = Import("cat.csv", "Catalog No,Structure,Label\n\"AQ-1\",O=C1c2ccccc2C(=O)c2c1cccc2N,\"1-aminoanthraquinone, tech.\"\n",
            "--smiles-column", "Structure", "--id-column", "Catalog No", "--name-column", "Label");
        Assert.True(exit == 0, err);
        Assert.Contains("CSV with a header line: SMILES from column 'Structure', id from 'Catalog No', name from 'Label'", err, StringComparison.Ordinal);
        Assert.StartsWith("AQ-1  1-aminoanthraquinone, tech.", CliRunner.Run("show", "AQ-1", "--registry", Registry).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Point4_ExportFormats_AndAnExtensionThatDoesNotMatch_IsRefused()
    {
        Assert.Equal(0, Import("dyes.smi", $"{DisperseRed1} DR1 Disperse Red 1\n").Exit);
        var sdf = dir.Combine("dyes.sdf");
        Assert.Equal(0, CliRunner.Run("export", "-o", sdf, "--registry", Registry).Exit);
        var records = SdfReader.Read(new StringReader(File.ReadAllText(sdf))).ToList();
        Assert.Equal("DR1", Assert.Single(records).Id);
        Assert.Equal("Disperse Red 1", records[0].Fields["NAME"]);
        Assert.True(records[0].Parse().Success);

        var csv = dir.Combine("dyes.csv");
        Assert.Equal(0, CliRunner.Run("export", "--format", "csv", "-o", csv, "--registry", Registry).Exit);
        Assert.StartsWith("id,kind,version,name,smiles,parent_smiles", File.ReadAllText(csv), StringComparison.Ordinal);

        var (exit, _, err) = CliRunner.Run("export", "-o", dir.Combine("x.sdf"), "--format", "json", "--registry", Registry);
        Assert.Equal(2, exit);
        Assert.Contains("the extension '.sdf' says sdf but --format is json", err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Combine("x.sdf")));

        var catalogue = dir.File("cat.smi", "CCO x\n");
        (exit, _, err) = CliRunner.Run("screen", catalogue, "-o", dir.Combine("x.xlsx"), "--quiet");
        Assert.Equal(2, exit);
        Assert.Contains("'.xlsx' is not a format this command writes", err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Combine("x.xlsx")));

        // The same check in every command that writes files (scope's chart formats aside).
        (exit, _, err) = CliRunner.Run("estimate", "solubility", catalogue, "-o", dir.Combine("s.xlsx"), "-q");
        Assert.Equal(2, exit);
        Assert.Contains("'.xlsx' is not a format this command writes", err, StringComparison.Ordinal);
        (exit, _, err) = CliRunner.Run("estimate", "solubility", catalogue, "-o", dir.Combine("s.csv"), "--format", "jsonl", "-q");
        Assert.Equal(2, exit);
        Assert.Contains("says csv but --format is jsonl", err, StringComparison.Ordinal);
        (exit, _, err) = CliRunner.Run("model", "train", "solubility", "--data", dir.File("d.csv", "x\n"), "-o", dir.Combine("m.bin"));
        Assert.Equal(2, exit);
        Assert.Contains("'.bin' is not a format this command writes", err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Combine("m.bin")));
    }

    [Fact]
    public void Point5_ScreenFormats_CarryEveryFormulasVerdict_TheIIStatus_RecordNumbers_SdfTitle_PlainPlus()
    {
        using var library = FormulaLibrary.Load(FormulaLibrary.DefaultFolder());
        var catalogue = dir.File("cat.smi", "CCO plain\n" +
            "CCN(CC)c1ccc(N=Nc2ncc(s2)[N+](=O)[O-])cc1 nitro-hit\n" +
            "c1ccc(nc1)N=Nc1nc(C)cs1 hit-2\n");
        var runner = new ScreenRunner(new MarkushMatcher(library), MatchOptions.Default, null);
        foreach (var name in new[] { "hits.csv", "hits.sdf", "hits.jsonl" })
        {
            runner.Run(new ScreenRequest([catalogue], dir.Combine(name), null, All: true, Threads: 1, Resume: false), TextWriter.Null, CancellationToken.None);
        }

        var formulas = library.Formulas.Select(f => f.Formula.Id).ToList();
        var csv = File.ReadAllLines(dir.Combine("hits.csv"));
        var header = csv[0].Split(',');
        Assert.Equal(["id", "file", "record", "line", "smiles", "within", "undetermined", "not_excluded", "known", "error"], header[..10]);
        Assert.All(formulas, f => Assert.Contains("verdict_" + f, header));
        Assert.All(formulas, f => Assert.Contains("explanation_" + f, header));
        Assert.Equal(4, csv.Length);
        var hit2 = csv.Single(l => l.StartsWith("hit-2,", StringComparison.Ordinal));
        Assert.Contains(",3,3,", hit2, StringComparison.Ordinal); // record and line as numbers

        var jsonl = File.ReadAllLines(dir.Combine("hits.jsonl"));
        Assert.Contains("[N+]", jsonl[1], StringComparison.Ordinal);
        Assert.DoesNotContain("\\u002B", string.Concat(jsonl), StringComparison.Ordinal);
        var nitro = JsonDocument.Parse(jsonl[1]).RootElement;
        Assert.Equal(2, nitro.GetProperty("record_number").GetInt64());
        Assert.Equal(formulas.Count, nitro.GetProperty("formulas").EnumerateObject().Count());

        var sdf = SdfReader.Read(new StringReader(File.ReadAllText(dir.Combine("hits.sdf")))).ToList();
        Assert.Equal(["plain", "nitro-hit", "hit-2"], sdf.Select(r => r.Id));
        Assert.All(formulas, f => Assert.True(sdf[1].Fields.ContainsKey("VERDICT_" + f) && sdf[1].Fields.ContainsKey("EXPLANATION_" + f)));
        Assert.Equal("2", sdf[1].Fields["RECORD"]);

        // (II) has no structure: a compound with its ring is "not excluded", said in every format.
        if (formulas.Contains("II"))
        {
            var open = csv.Where(l => l.Split(',')[7] == "II").ToList();
            var openInJson = jsonl.Count(l => JsonDocument.Parse(l).RootElement.TryGetProperty("not_excluded", out _));
            Assert.Equal(open.Count, openInJson);
            Assert.Equal(open.Count, sdf.Count(r => r.Fields.ContainsKey("NOT_EXCLUDED")));
            Assert.NotEmpty(open);
        }
    }

    [Fact]
    public void Point6_FormsPointAtTheParent_QuantitiesAreNumbers_DuplicatesNameBothRecords()
    {
        Assert.Equal(0, Import("a.smi", $"{MethylOrangeNa} MO-NA Methyl orange\n").Exit);
        Assert.Equal(0, Import("b.smi", $"{MethylOrangeKHydrate} A-K\n", "--as-form").Exit);
        // The store may name the form as the holder of the parent key: a third form still points at MO-NA.
        Assert.Equal(0, Import("c.smi", $"{MethylOrangeAcid} A-ACID\n", "--as-form").Exit);
        var acid = JsonNode.Parse(CliRunner.Run("show", "A-ACID", "--json", "--registry", Registry).Out)!;
        Assert.Equal("MO-NA", acid["parent"]!.GetValue<string>());
        var declared = dir.File("d.json", $$"""[{"kind": "dye", "id": "MO-LI", "smiles": "CN(C)c1ccc(N=Nc2ccc(S(=O)(=O)[O-])cc2)cc1.[Li+]", "parent": "A-K"}]""");
        var (exit, _, err) = CliRunner.Run("import", declared, "--registry", Registry);
        Assert.Equal(1, exit);
        Assert.Contains("parent: A-K is itself a form of MO-NA", err, StringComparison.Ordinal);

        var sdf = "\n  RDKit\n\n  1  0  0  0  0  0  0  0  0  0999 V2000\n    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\nM  END\n";
        (exit, _, err) = Import("q.sdf", $"Q-1{sdf}> <WATER_SOLUBILITY_G_PER_100G>\n1.5 g/100 mL\n\n$$$$\nQ-2{sdf.Replace(" C ", " N ", StringComparison.Ordinal)}> <WATER_SOLUBILITY_G_PER_100G>\n1.5 g/100 g\n\n> <PURITY>\n98 %\n\n$$$$\n");
        Assert.Equal(1, exit);
        Assert.Contains("WATER_SOLUBILITY_G_PER_100G: '1.5 g/100 mL' is not a number in g/100 g", err, StringComparison.Ordinal);
        Assert.Equal(1.5, JsonNode.Parse(CliRunner.Run("show", "Q-2", "--json", "--registry", Registry).Out)!["water_solubility_g_per_100g"]!.GetValue<double>());
        Assert.Contains("properties.PURITY: '98 %' is kept as text", err, StringComparison.Ordinal);

        (exit, _, err) = Import("dup.smi", $"{MethylOrangeAcid} MO-2 Helianthin\n");
        Assert.Contains("duplicate of MO-NA", err, StringComparison.Ordinal);
        Assert.Contains("this record MO-2 'Helianthin' drawn " + MethylOrangeAcid, err, StringComparison.Ordinal);
        Assert.Contains("registered MO-NA 'Methyl orange' drawn " + MethylOrangeNa, err, StringComparison.Ordinal);
        Assert.Contains("they differ in: name", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Point7_AnInkReferencingADuplicateInTheSameFile_Resolves()
    {
        var samples = JsonNode.Parse(File.ReadAllText(ScopeCommandTests.Samples))!.AsArray();
        var magenta = samples.Single(r => r!["id"]!.GetValue<string>() == "M-101")!;
        // The magenta dye is already registered, under another id.
        Assert.Equal(0, Import("m.smi", $"{magenta["smiles"]!.GetValue<string>()} MAG-OLD\n").Exit);
        var (exit, _, err) = CliRunner.Run("import", ScopeCommandTests.Samples, "--registry", Registry);
        Assert.DoesNotContain("which is not registered", err, StringComparison.Ordinal);
        Assert.Contains("M-101 (in this import) is a duplicate of MAG-OLD", err, StringComparison.Ordinal);
        var ink = JsonNode.Parse(CliRunner.Run("show", "INK-M1", "--json", "--registry", Registry).Out)!;
        Assert.Contains(ink["components"]!.AsArray(), c => c!["ref"]!.GetValue<string>() == "MAG-OLD");
        Assert.True(exit is 0 or 1, err);
    }

    [Fact]
    public void Point8_StandardInputAtATerminal_IsAnnounced_AndReadLineByLine()
    {
        var before = TerminalInput.IsTerminal;
        try
        {
            TerminalInput.IsTerminal = () => true;
            var stderr = new StringWriter();
            Assert.True(TerminalInput.Announce("-", stderr));
            Assert.Contains("reading structures from standard input", stderr.ToString(), StringComparison.Ordinal);
            Assert.Contains("Ctrl-D to end", stderr.ToString(), StringComparison.Ordinal);
            Assert.False(TerminalInput.Announce(dir.File("a.smi", "C x\n"), new StringWriter()));
        }
        finally
        {
            TerminalInput.IsTerminal = before;
        }

        // The first record is answered when its line is in, without reading ahead for more lines.
        using var typed = new OneLineThenBlocks("CCO ethanol\n");
        var first = SmilesLineReader.Read(typed).First();
        Assert.Equal("ethanol", first.Id);
    }

    [Fact]
    public void Point9_AResumedRunsSummary_CoversTheWholeOutput_AndResumeOnAFinishedRunSaysSo()
    {
        using var library = FormulaLibrary.Load(FormulaLibrary.DefaultFolder());
        var lines = Enumerable.Range(0, 1500).Select(i => i % 5 == 0 ? $"c1ccc(nc1)N=Nc1nc({new string('C', 1 + (i % 9))})cs1 hit-{i}" : $"{new string('C', 1 + (i % 12))}O plain-{i}");
        var catalogue = dir.File("cat.smi", string.Join('\n', lines) + "\n");
        var output = dir.Combine("hits.csv");
        ScreenSummary Run(bool resume, CancellationToken cancel = default, Action<ScreenProgress>? progress = null) =>
            new ScreenRunner(new MarkushMatcher(library), MatchOptions.Default, null)
                .Run(new ScreenRequest([catalogue], output, null, All: false, Threads: 2, Resume: resume), TextWriter.Null, cancel, progress);

        var whole = Run(resume: false);
        File.Delete(output);
        using (var cancel = new CancellationTokenSource())
        {
            var stopped = Run(resume: false, cancel.Token, _ => cancel.Cancel());
            Assert.True(stopped.Stopped);
            Assert.True(stopped.Progress.Hits < whole.Progress.Hits);
        }

        var resumed = Run(resume: true);
        Assert.Equal(whole.Progress.Records, resumed.Progress.Records);
        Assert.Equal(whole.Progress.Hits, resumed.Progress.Hits);
        Assert.Equal(300, resumed.Progress.Hits);
        Assert.Equal(whole.Progress.HitsPerFormula, resumed.Progress.HitsPerFormula);

        var e = Assert.Throws<IOException>(() => Run(resume: true));
        Assert.Contains("finished", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("needs --out", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Point10_HelpWithExamples_GlobalRegistry_DidYouMean_ParseErrorOnce_Plurals()
    {
        var help = CliRunner.Run("--help").Out;
        Assert.Contains("Examples:", help, StringComparison.Ordinal);
        Assert.Contains("--registry", help, StringComparison.Ordinal);
        foreach (var command in new[] { "init", "import", "export", "show", "list", "delete", "search", "check", "template", "screen", "match", "inspect", "formulas" })
        {
            var text = CliRunner.Run(command, "--help").Out;
            Assert.True(text.Contains("Examples:\n  dyereg ", StringComparison.Ordinal), $"dyereg {command} --help has no examples:\n{text}");
            Assert.Equal(1, CountOf(text, "--registry <"));
        }

        // --registry before the command (global), and after it.
        Assert.Equal(0, CliRunner.Run("--registry", Registry, "import", dir.File("a.smi", $"{DisperseRed1} DR1 Disperse Red 1\n")).Exit);
        Assert.Contains("DR1", CliRunner.Run("list", "--registry", Registry).Out, StringComparison.Ordinal);

        var (exit, _, err) = CliRunner.Run("--registry", Registry, "show", "dr-1");
        Assert.Equal(2, exit);
        Assert.Contains("no record 'dr-1'; did you mean DR1?", err, StringComparison.Ordinal);

        var (_, _, inspectErr) = CliRunner.Run("inspect", dir.File("bad.smi", "C1CC( bad\nCCO ok\n"));
        Assert.Equal(1, CountOf(inspectErr, "C1CC("));
        Assert.Contains("2 records", inspectErr, StringComparison.Ordinal);

        var (_, _, searchErr) = CliRunner.Run("search", "--exact", DisperseRed1, "--registry", Registry);
        Assert.Contains("1 hit\n", searchErr.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        var formulas = CliRunner.Run("formulas").Out;
        Assert.Contains("its structure is not encoded", formulas, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var n = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    // A terminal's standard input: the lines typed so far, then reading more would wait (fails here).
    private sealed class OneLineThenBlocks(string text) : TextReader
    {
        private int at;

        public override int Read(char[] buffer, int index, int count)
        {
            if (at >= text.Length)
            {
                throw new InvalidOperationException("read past the typed line: the reader would wait for the user");
            }

            var n = Math.Min(count, text.Length - at);
            text.CopyTo(at, buffer, index, n);
            at += n;
            return n;
        }

        public override int Read() => at < text.Length ? text[at++] : throw new InvalidOperationException("read past the typed line");

        public override int Peek() => at < text.Length ? text[at] : throw new InvalidOperationException("peeked past the typed line");
    }
}
