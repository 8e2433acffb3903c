namespace DyeRegistry.Chemistry.IO;

/// <summary>
/// Opens a structure file (or standard input) and streams its records, whatever the format.
/// </summary>
/// <remarks>
/// Format: by extension (.sdf, .sd, .mol: SDF; .smi, .smiles, .ism, .txt, .csv: SMILES lines), a
/// trailing ".gz" first removed and decompressed; for standard input or any other name, by
/// content: SDF when one of the first lines is "$$$$", "M  END" or a counts line ending in
/// V2000/V3000. Gzip is recognised by its magic bytes, so standard input ("-") and misnamed files
/// may be compressed too; a file named ".gz" that is not gzip, and a compressed stream cut short
/// or corrupt, are an <see cref="IOException"/> naming the file (and the byte offset), never a
/// shorter input read as complete.
/// Text is UTF-8, with or without a byte order mark; UTF-16 and UTF-32 are read when they start
/// with their byte order mark, and refused without one (zero bytes among the first four), as is
/// anything else that is not text. Bytes that are not UTF-8 make their record an error.
/// </remarks>
public static class StructureFileReader
{
    /// <summary>Standard input's name.</summary>
    public const string StandardInput = "-";

    /// <summary>Streams the records of <paramref name="path"/> ("-" for standard input).</summary>
    public static IEnumerable<StructureRecord> Read(string path) => Read(path, StructureLimits.Default, null);

    /// <summary>As <see cref="Read(string)"/>, reporting the bytes consumed of the (compressed) input.</summary>
    public static IEnumerable<StructureRecord> Read(string path, Action<long>? bytesRead) => Read(path, StructureLimits.Default, bytesRead);

    /// <summary>As <see cref="Read(string)"/> under <paramref name="limits"/> (which each record's Parse applies too).</summary>
    public static IEnumerable<StructureRecord> Read(string path, StructureLimits limits, Action<long>? bytesRead = null) =>
        Read(path, limits, SmilesColumns.Auto, null, bytesRead);

    /// <summary>As <see cref="Read(string, StructureLimits, Action{long}?)"/> with the columns of a
    /// SMILES/TSV/CSV file given (<see cref="SmilesLayout"/>); <paramref name="rule"/> hears how
    /// the file's lines are read (SDF: not called).</summary>
    public static IEnumerable<StructureRecord> Read(string path, StructureLimits limits, SmilesColumns columns, Action<string>? rule, Action<long>? bytesRead = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(columns);
        var (reader, format) = Open(path, limits.MaxLineLength, bytesRead);
        using (reader)
        {
            var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
            var extension = path == StandardInput ? string.Empty : Path.GetExtension(name).ToLowerInvariant();
            var records = format == StructureFormat.MolBlock ? SdfReader.Read(reader, limits) : SmilesLineReader.Read(reader, limits, extension, columns, rule);
            foreach (var r in records)
            {
                yield return r;
            }
        }
    }

    /// <summary>The format an extension implies, or null when it implies none.</summary>
    public static StructureFormat? FormatFromName(string name)
    {
        var ext = Path.GetExtension(name).ToLowerInvariant();
        return ext switch
        {
            ".sdf" or ".sd" or ".mol" => StructureFormat.MolBlock,
            ".smi" or ".smiles" or ".ism" or ".txt" or ".csv" or ".tsv" or ".tab" => StructureFormat.Smiles,
            _ => null,
        };
    }

    // Opens the input, decompresses it when gzip, checks its encoding and decides its format.
    private static (BoundedLineReader Reader, StructureFormat Format) Open(string path, int maxLineLength, Action<long>? bytesRead)
    {
        ArgumentNullException.ThrowIfNull(path);
        Stream raw = path == StandardInput ? Console.OpenStandardInput() : OpenFile(path);
        try
        {
            Stream counted = bytesRead is null ? raw : new CountingStream(raw, bytesRead);
            var display = path == StandardInput ? "standard input" : path;
            var name = path == StandardInput ? string.Empty : path;
            var content = PrefixedStream.Peek(new BufferedStream(counted, 1 << 16), 2, out var magic);
            var gzip = magic is [0x1f, 0x8b];
            if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                if (!gzip)
                {
                    throw new IOException($"{display}: named .gz but not gzip-compressed (it starts with {Hex(magic)}, not 1f 8b)");
                }

                name = name[..^3];
            }

            if (gzip)
            {
                content = new GzipInput(content, display);
            }

            content = PrefixedStream.Peek(content, 4, out var head);
            RefuseUnmarkedWideText(head, display);
            var lines = new BoundedLineReader(
                new StreamReader(content, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16), maxLineLength);
            var format = FormatFromName(name);
            if (format is null)
            {
                // Typed at a terminal: SMILES lines, decided without reading ahead (it would wait
                // for lines not yet typed). Otherwise by the first lines' content.
                format = path == StandardInput && !Console.IsInputRedirected ? StructureFormat.Smiles
                    : lines.Peek(6).Any(l => l is not null && LooksLikeSdf(l)) ? StructureFormat.MolBlock : StructureFormat.Smiles;
            }

            return (lines, format.Value);
        }
        catch
        {
            raw.Dispose();
            throw;
        }
    }

    // ASCII text as UTF-16 or UTF-32 without a byte order mark has every other (or three in
    // four) bytes zero; UTF-8 text has none, and UTF-16/32 after their mark StreamReader decodes.
    // (A single NUL among them is a record error, found where it is.)
    private static void RefuseUnmarkedWideText(byte[] head, string display)
    {
        var marked = head is [0xEF, 0xBB, 0xBF, ..] or [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF];
        var wide = head is [_, 0, _, 0] or [0, _, 0, _] or [_, 0] or [0, _];
        if (!marked && wide)
        {
            throw new IOException($"{display}: not UTF-8 text (it starts with {Hex(head)}: UTF-16 or UTF-32 without a byte order mark?); UTF-16 and UTF-32 are read only with their byte order mark; save it as UTF-8");
        }
    }

    private static string Hex(byte[] bytes) => bytes.Length == 0 ? "nothing" : string.Join(' ', bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

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
