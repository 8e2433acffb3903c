using DyeRegistry.Chemistry.IO;

namespace DyeRegistry.Chemistry.Tests.IO;

public class SmilesLineReaderTests
{
    [Fact]
    public void Read_SkipsBlankAndCommentLines_KeepsLineNumbers()
    {
        var text = "# header\nCCO ethanol\n\nc1ccccc1\tbenzene ring\nC1CC(\n";
        var records = SmilesLineReader.Read(new StringReader(text)).ToArray();
        Assert.Equal(3, records.Length);
        Assert.Equal(("CCO", "ethanol", 2L, 1L), (records[0].Text, records[0].Id, records[0].LineNumber, records[0].RecordNumber));
        // RDKit's "SMILES id" convention: the id is the field after the SMILES, the rest the name (issue 22).
        Assert.Equal(("c1ccccc1", "benzene", 4L), (records[1].Text, records[1].Id, records[1].LineNumber));
        Assert.Equal("ring", records[1].Fields["NAME"]);
        Assert.Null(records[2].Id);
        Assert.Equal("line 5", records[2].Location);
        Assert.False(records[2].Parse().Success);
    }
}
