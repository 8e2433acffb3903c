using DyeRegistry.Chemistry.IO;

namespace DyeRegistry.Chemistry.Tests.IO;

public class SdfReaderTests
{
    internal static string MolBlockOf(string smiles, string title)
    {
        using var mol = Molecule.FromSmiles(smiles);
        var block = mol.ToMolBlock();
        return title + block[block.IndexOf('\n')..];
    }

    internal static string Sdf(params (string Smiles, string Title, string Fields)[] records) =>
        string.Concat(records.Select(r => MolBlockOf(r.Smiles, r.Title) + r.Fields + "$$$$\n"));

    [Fact]
    public void Read_KeepsTitlesFieldsAndRecordNumbers()
    {
        var text = Sdf(
            ("CCO", "ethanol", "> <CAS>\n64-17-5\n\n> <NOTE> (1)\nfirst line\nsecond line\n\n"),
            ("c1ccccc1", "benzene", ""));
        var records = SdfReader.Read(new StringReader(text)).ToArray();
        Assert.Equal(2, records.Length);
        Assert.Equal("ethanol", records[0].Id);
        Assert.Equal("64-17-5", records[0].Fields["CAS"]);
        Assert.Equal("first line\nsecond line", records[0].Fields["NOTE"]);
        Assert.Equal(2L, records[1].RecordNumber);
        Assert.True(records[1].LineNumber > records[0].LineNumber);
        using var benzene = records[1].Parse().GetValueOrThrow();
        Assert.Equal("c1ccccc1", benzene.ToSmiles());
    }

    [Fact]
    public void Read_BadRecord_IsReportedAndTheNextStillRead()
    {
        var good = MolBlockOf("CCO", "good");
        var text = "broken\n  no counts line\n\n$$$$\n" + good + "$$$$\n";
        var records = SdfReader.Read(new StringReader(text)).ToArray();
        Assert.Equal(2, records.Length);
        Assert.Equal("molfile block has no \"M  END\" line", records[0].ReadError);
        Assert.False(records[0].Parse().Success);
        Assert.True(records[1].Parse().Success);
        Assert.Equal("record 2 (line 5)", records[1].Location);
    }

    [Fact]
    public void Read_LastRecordWithoutTerminator_IsStillRead()
    {
        var text = MolBlockOf("CCN", "amine") + "> <ID>\nX1\n";
        var record = Assert.Single(SdfReader.Read(new StringReader(text)));
        Assert.Equal("X1", record.Fields["ID"]);
    }

    [Fact]
    public void Read_ValenceError_ReportsRDKitReasonWithFieldsKept()
    {
        var block = MolBlockOf("CN(C)(C)(C)C", "bad", sanitize: false);
        var record = Assert.Single(SdfReader.Read(new StringReader(block + "> <ID>\nB7\n\n$$$$\n")));
        Assert.Equal("B7", record.Fields["ID"]);
        var parsed = record.Parse();
        Assert.False(parsed.Success);
        Assert.Contains("valence", parsed.Error.Reason, StringComparison.OrdinalIgnoreCase);
    }

    private static string MolBlockOf(string smiles, string title, bool sanitize)
    {
        using var mol = Molecule.FromSmiles(smiles, new MoleculeParseOptions { Sanitize = sanitize });
        var block = mol.ToMolBlock();
        return title + block[block.IndexOf('\n')..];
    }
}
