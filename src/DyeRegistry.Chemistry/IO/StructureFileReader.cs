using System.IO.Compression;

namespace DyeRegistry.Chemistry.IO;

/// <summary>
/// Opens a structure file (or standard input) and streams its records, whatever the format.
/// </summary>
/// <remarks>
/// Format: by extension (.sdf, .sd, .mol: SDF; .smi, .smiles, .ism, .txt, .csv: SMILES lines), a
/// trailing ".gz" first removed and decompressed; for standard input or any other name, by
/// content: SDF when one of the first lines is "$$$$", "M  END" or a counts line ending in
/// V2000/V3000. Gzip is recognised by the ".gz" extension or by its magic bytes, so standard
/// input ("-") and misnamed files may be compressed too.
/// </remarks>
public static class StructureFileReader
{
    /// <summary>Standard input's name.</summary>
    public const string StandardInput = "-";

    /// <summary>Streams the records of <paramref name="path"/> ("-" for standard input).</summary>
    public static IEnumerable<StructureRecord> Read(string path) => Read(path, null);

    /// <summary>As <see cref="Read(string)"/>, reporting the bytes consumed of the (compressed) input.</summary>
    public static IEnumerable<StructureRecord> Read(string path, Action<long>? bytesRead)
    {
        var (reader, format) = Open(path, bytesRead);
        using (reader)
        {
            var records = format == StructureFormat.MolBlock ? SdfReader.Read(reader) : SmilesLineReader.Read(reader);
            foreach (var r in records)
            {
                yield return r;
            }
        }
    }

    /// <summary>Opens the input and decides its format; the caller disposes the reader.</summary>
    public static (TextReader Reader, StructureFormat Format) Open(string path, Action<long>? bytesRead = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        Stream raw = path == StandardInput ? Console.OpenStandardInput() : OpenFile(path);
        Stream counted = bytesRead is null ? raw : new CountingStream(raw, bytesRead);
        var name = path == StandardInput ? string.Empty : path;
        var content = PrefixedStream.Peek(new BufferedStream(counted, 1 << 16), 2, out var magic);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || (magic.Length == 2 && magic[0] == 0x1f && magic[1] == 0x8b))
        {
            content = new GZipStream(content, CompressionMode.Decompress);
            if (name.Length > 0)
            {
                name = name[..^3];
            }
        }

        var reader = new StreamReader(content, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var format = FormatFromName(name);
        if (format is null)
        {
            var peeked = new PeekingReader(reader, 6);
            return (peeked, peeked.Lines.Any(LooksLikeSdf) ? StructureFormat.MolBlock : StructureFormat.Smiles);
        }

        return (reader, format.Value);
    }

    /// <summary>The format an extension implies, or null when it implies none.</summary>
    public static StructureFormat? FormatFromName(string name)
    {
        var ext = Path.GetExtension(name).ToLowerInvariant();
        return ext switch
        {
            ".sdf" or ".sd" or ".mol" => StructureFormat.MolBlock,
            ".smi" or ".smiles" or ".ism" or ".txt" or ".csv" => StructureFormat.Smiles,
            _ => null,
        };
    }

    private static Stream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot read structure file '{path}': {e.Message}", e);
        }
    }

    private static bool LooksLikeSdf(string line) =>
        line.StartsWith("$$$$", StringComparison.Ordinal) || line.StartsWith("M  END", StringComparison.Ordinal) ||
        line.TrimEnd().EndsWith("V2000", StringComparison.Ordinal) || line.TrimEnd().EndsWith("V3000", StringComparison.Ordinal);
}
