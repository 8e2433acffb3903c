using System.IO.Compression;
using DyeRegistry.Chemistry.IO;

namespace DyeRegistry.Chemistry.Tests.IO;

public sealed class StructureFileReaderTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("dyereg-io-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Read_GzippedSmiles_ByExtension()
    {
        var path = Path.Combine(dir, "cat.smi.gz");
        WriteGzip(path, "CCO a\nCCN b\n");
        Assert.Equal(new[] { "a", "b" }, StructureFileReader.Read(path).Select(r => r.Id ?? "").ToArray());
    }

    [Fact]
    public void Read_SdfWithoutExtension_IsRecognisedByContent()
    {
        var path = Path.Combine(dir, "noext");
        File.WriteAllText(path, SdfReaderTests.Sdf(("CCO", "ethanol", "")));
        var record = Assert.Single(StructureFileReader.Read(path));
        Assert.Equal(StructureFormat.MolBlock, record.Format);
    }

    [Fact]
    public void Read_GzipWithoutExtension_IsRecognisedByMagicBytes()
    {
        var path = Path.Combine(dir, "catalogue.data");
        WriteGzip(path, SdfReaderTests.Sdf(("CCO", "ethanol", ""), ("CCC", "propane", "")));
        Assert.Equal(new[] { "ethanol", "propane" }, StructureFileReader.Read(path).Select(r => r.Id ?? "").ToArray());
    }

    [Fact]
    public void Read_MissingFile_SaysWhichFile()
    {
        var e = Assert.Throws<IOException>(() => StructureFileReader.Read(Path.Combine(dir, "nope.smi")).ToArray());
        Assert.Contains("nope.smi", e.Message);
    }

    [Fact]
    public void Read_ReportsBytesConsumed()
    {
        var path = Path.Combine(dir, "cat.smi");
        File.WriteAllText(path, "CCO a\nCCN b\n");
        long seen = 0;
        _ = StructureFileReader.Read(path, n => seen = n).ToArray();
        Assert.Equal(new FileInfo(path).Length, seen);
    }

    private static void WriteGzip(string path, string text)
    {
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        using var w = new StreamWriter(gz);
        w.Write(text);
    }
}
