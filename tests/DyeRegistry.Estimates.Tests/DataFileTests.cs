using DyeRegistry.Estimates.Solubility;

namespace DyeRegistry.Estimates.Tests;

public class DataFileTests
{
    [Fact]
    public void Reads_TheSyntheticFixture_WithQuotedCommas()
    {
        var rows = SolubilityDataFile.Read(Fixture.SyntheticCsv).ToArray();
        Assert.True(rows.Length >= 200);
        Assert.Equal(2, rows[0].Line);
        Assert.Equal("S-1", rows[0].Id);
        Assert.Equal("c1ccccc1", rows[0].Smiles);
    }

    [Fact]
    public void QuotedLineBreaks_KeepLineNumbersRight()
    {
        var text = "ID,Name,SMILES,Solubility\nA,\"two\nlines\",CCO,0.5\nB,x,CCC,oops\n";
        var e = Assert.Throws<SolubilityDataException>(() => SolubilityDataFile.Read(new StringReader(text), "t.csv").ToArray());
        Assert.Equal(4, e.Line);
        Assert.Equal("Solubility", e.Column);
        Assert.Contains("t.csv: line 4, column 'Solubility'", e.Message);
        Assert.Contains("'oops'", e.Message);
    }

    [Fact]
    public void AMissingColumn_IsNamed()
    {
        var e = Assert.Throws<SolubilityDataException>(() => SolubilityDataFile.Read(new StringReader("ID,SMILES,logS\n1,C,0\n"), "d.csv").ToArray());
        Assert.Equal(1, e.Line);
        Assert.Equal("Solubility", e.Column);
        Assert.Contains("d.csv", e.Message);
    }

    [Fact]
    public void AShortRow_AnEmptySmilesAndAnOpenQuote_AreErrorsWithTheirLine()
    {
        var shortRow = Assert.Throws<SolubilityDataException>(() => SolubilityDataFile.Read(new StringReader("SMILES,Solubility\nC,1\nCC\n"), "a.csv").ToArray());
        Assert.Equal(3, shortRow.Line);
        Assert.Contains("1 fields, but the header has 2", shortRow.Message);

        var empty = Assert.Throws<SolubilityDataException>(() => SolubilityDataFile.Read(new StringReader("SMILES,Solubility\n ,1\n"), "b.csv").ToArray());
        Assert.Equal(("SMILES", 2L), (empty.Column, empty.Line));

        var open = Assert.Throws<SolubilityDataException>(() => SolubilityDataFile.Read(new StringReader("SMILES,Solubility\n\"CC,1\n"), "c.csv").ToArray());
        Assert.Equal(2, open.Line);
        Assert.Contains("not closed", open.Message);
    }

    [Fact]
    public void AnEmptyFile_SaysWhatWasExpected()
    {
        var e = Assert.Throws<SolubilityDataException>(() => SolubilityDataFile.Read(new StringReader(""), "e.csv").ToArray());
        Assert.Contains("SMILES and Solubility", e.Message);
    }
}
