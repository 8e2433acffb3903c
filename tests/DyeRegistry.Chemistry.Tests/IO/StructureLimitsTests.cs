using System.Text;
using DyeRegistry.Chemistry.IO;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Chemistry.Tests.IO;

/// <summary>Issue 13, part 2, in the chemistry layer: the limits and the reading they rely on.</summary>
public class StructureLimitsTests
{
    [Fact]
    public void ParseSmiles_ChainOver1000Atoms_FailsWithTheLimitNamed_BeforeRDKitPerceivesIt()
    {
        var result = Molecule.ParseSmiles(new string('C', 4_000));
        Assert.False(result.Success);
        Assert.Equal(ChemistryErrorCode.LimitExceeded, result.Error.Code);
        Assert.Equal("structure has 4,000 atoms, over the limit of 1,000 (--max-atoms)", result.Error.Reason);
    }

    [Fact]
    public void ParseSmiles_BoundOverTheLimit_ButExactCountUnder_IsParsed()
    {
        // 600 chlorines: the text bound counts "Cl" as up to two atoms (1,201 > 1,000), RDKit counts 601.
        var smiles = "C" + string.Concat(Enumerable.Repeat("(Cl)", 600));
        var limits = new StructureLimits { MaxAtoms = 1_000 };
        var result = Molecule.ParseSmiles(smiles, new MoleculeParseOptions { Sanitize = false, Limits = limits });
        Assert.True(result.Success, result.Error?.Reason);
        using var mol = result.Value;
        Assert.Equal(601, mol.AtomCount);
    }

    [Fact]
    public void ParseMolBlock_V3000CountsOverTheLimit_FailsWithTheLimitNamed()
    {
        var block = HostileInput.ChainBlock("chain", 12, 1);
        var result = Molecule.ParseMolBlock(block, new MoleculeParseOptions { Limits = new StructureLimits { MaxAtoms = 10 } });
        Assert.False(result.Success);
        Assert.Equal("structure has 12 atoms, over the limit of 10 (--max-atoms)", result.Error.Reason);
        Assert.True(Molecule.ParseMolBlock(block).Success);
    }

    [Fact]
    public void ParseSmiles_Nul_IsAnError_NotTheStructureBeforeIt()
    {
        var result = Molecule.ParseSmiles("CC\0CCCC");
        Assert.False(result.Success);
        Assert.Contains("a control character (U+0000) at position 3", result.Error.Reason);
    }

    [Fact]
    public void Validated_RefusesLimitsBelowOne()
    {
        var e = Assert.Throws<ArgumentException>(() => new StructureLimits { MaxRings = 0 }.Validated());
        Assert.Contains("--max-rings must be a positive number, not 0", e.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void SmilesLineReader_LinesAndNumbersAsReadLine_WhateverTheLineEnds(int seed)
    {
        // Random lines with \n, \r\n and lone \r, some long enough to cross the reader's buffer.
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var i = 0; i < 400; i++)
        {
            var length = random.Next(10) == 0 ? random.Next(60_000, 70_000) : random.Next(1, 40);
            text.Append('C', length).Append(' ').Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            text.Append(random.Next(3) switch { 0 => "\n", 1 => "\r\n", _ => "\r" });
        }

        var expected = new List<(long Line, string? Id)>();
        using (var reader = new StringReader(text.ToString()))
        {
            long n = 0;
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                n++;
                expected.Add((n, line.Length > 65_536 ? null : line[(line.IndexOf(' ') + 1)..]));
            }
        }

        var records = SmilesLineReader.Read(new StringReader(text.ToString())).ToList();
        Assert.Equal(expected, records.Select(r => (r.LineNumber, r.Id)).ToList());
        Assert.All(records.Where(r => r.Id is null), r => Assert.Contains("over the limit of 65,536 (--max-line-length)", r.ReadError));
    }

    [Fact]
    public void SdfReader_CountsLineOverTheLimit_RecordRefused_NotKept_NextRead()
    {
        var huge = "huge\n  hostile\n\n  0  0  0     0  0            999 V3000\nM  V30 BEGIN CTAB\nM  V30 COUNTS 5000000 0 0 0 0\n" +
            string.Concat(Enumerable.Repeat("M  V30 1 C 0 0 0 0\n", 1_000)) + "M  V30 END CTAB\nM  END\n$$$$\n";
        var records = SdfReader.Read(new StringReader(huge + HostileInput.ChainBlock("after", 3, 1) + "$$$$\n")).ToList();
        Assert.Equal(2, records.Count);
        Assert.Contains("over the limit of 1,000 (--max-atoms)", records[0].ReadError);
        Assert.Equal(string.Empty, records[0].Text);
        Assert.Equal("after", records[1].Id);
        Assert.True(records[1].Parse().Success);
    }

    [Fact]
    public void QueryMolecule_ParseSmarts_SizeAndRecursionLimits()
    {
        var limits = new QueryLimits { MaxAtoms = 4, MaxRecursionDepth = 1 };
        Assert.True(QueryMolecule.ParseSmarts("[$(C=O)]N", limits).Success); // 2 atoms + 2 in the recursive SMARTS
        var tooBig = QueryMolecule.ParseSmarts("[$(CC=O)]N", limits); // 2 + 3
        Assert.Equal("SMARTS has 5 atoms, over the limit of 4 (--max-query-atoms)", tooBig.Error!.Reason);
        var tooDeep = QueryMolecule.ParseSmarts("[$([$(C)])]", limits);
        Assert.Equal("SMARTS has 2 levels of nested recursive SMARTS, over the limit of 1 (--max-query-recursion)", tooDeep.Error!.Reason);
    }
}
