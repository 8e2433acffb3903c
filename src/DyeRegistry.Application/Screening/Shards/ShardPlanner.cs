using DyeRegistry.Chemistry.IO;

namespace DyeRegistry.Application.Screening.Shards;

/// <summary>
/// Cuts catalogues into shards of about <c>recordsPerShard</c> records each, at record
/// boundaries, in one sequential read of each file: a SMILES record is a line that is neither blank
/// nor a '#' comment; an SDF record ends with its "$$$$" line. Lines are counted as the readers
/// count them ('\n' ends a line, a '\r' before it belongs to it), so each shard knows the line and
/// record number it starts at. A gzip file, and a file the byte scan cannot count as the readers
/// do (UTF-16/32, or a bare '\r' ending a line), is one whole shard.
/// </summary>
public static class ShardPlanner
{
    public static ShardPlan Plan(string job, string[] files, string formulaFolder, string[] formulas, ScreenValidation validation, string outputFormat, long recordsPerShard)
    {
        if (recordsPerShard < 1)
        {
            throw new ArgumentException($"records per shard must be at least 1, not {recordsPerShard}");
        }

        var shards = new List<Shard>();
        for (var i = 0; i < files.Length; i++)
        {
            if (files[i] == StructureFileReader.StandardInput)
            {
                throw new ArgumentException("standard input cannot be cut into shards: give catalogue files");
            }

            shards.AddRange(Cut(files[i], i, recordsPerShard, shards.Count));
        }

        return new ShardPlan(job, files, files.Select(CatalogueIdentity.Of).ToArray(), Path.GetFullPath(formulaFolder), formulas, validation, outputFormat, recordsPerShard, [.. shards]);
    }

    private static IEnumerable<Shard> Cut(string file, int fileIndex, long perShard, int firstIndex)
    {
        var length = new FileInfo(file).Length;
        if (!CanCut(file))
        {
            return [new Shard(firstIndex, fileIndex, 0, length, 1, 1, WholeFile: true)];
        }

        // Read as a screen reads it first: a file the readers refuse is refused here, naming why.
        var first = StructureFileReader.Read(file).Select(r => (StructureFormat?)r.Format).FirstOrDefault();
        var sdf = (StructureFileReader.FormatFromName(file) ?? first) == StructureFormat.MolBlock;
        var scan = new LineScan(sdf);
        var shards = new List<Shard>();
        long start = 0, startLine = 1, startRecord = 1, inShard = 0;
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        long position = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                // Inside a line whose kind is known, only its end matters: jump there (a vectorized
                // search; byte by byte the scan was most of a plan's time).
                if (scan.InsideKnownLine)
                {
                    var skip = buffer.AsSpan(i, read - i).IndexOfAny((byte)'\n', (byte)'\r');
                    if (skip < 0)
                    {
                        break;
                    }

                    i += skip;
                }

                if (!scan.Step(buffer[i], out var endsRecord))
                {
                    return [new Shard(firstIndex, fileIndex, 0, length, 1, 1, WholeFile: true)];
                }

                if (endsRecord && ++inShard == perShard)
                {
                    var end = position + i + 1;
                    shards.Add(new Shard(firstIndex + shards.Count, fileIndex, start, end - start, startLine, startRecord, WholeFile: false));
                    (start, startLine, startRecord, inShard) = (end, scan.Lines + 1, scan.Records + 1, 0);
                }
            }

            position += read;
        }

        if (start < length || shards.Count == 0)
        {
            shards.Add(new Shard(firstIndex + shards.Count, fileIndex, start, length - start, startLine, startRecord, WholeFile: false));
        }

        return shards;
    }

    // Gzip and text the byte scan cannot count (UTF-16/32 by their byte order marks) are whole shards.
    private static bool CanCut(string file)
    {
        using var stream = File.OpenRead(file);
        Span<byte> head = stackalloc byte[4];
        var n = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        var h = head[..n];
        return !(h is [0x1f, 0x8b, ..] || h is [0xFF, 0xFE, ..] || h is [0xFE, 0xFF, ..] || h is [0x00, 0x00, 0xFE, 0xFF]);
    }

    // Counts lines and records byte by byte, as the SMILES and SDF readers would see them.
    private sealed class LineScan(bool sdf)
    {
        public long Lines { get; private set; }

        public long Records { get; private set; }

        private bool lineHasRecord; // SMILES: a non-blank first character that is not '#'
        private bool sawFirst;      // SMILES: the first non-blank character was seen
        private int dollars;        // SDF: how many '$' the line starts with
        private bool onlyDollarsSoFar = true;
        private bool lastWasCr;

        /// <summary>True when bytes up to the next '\n' or '\r' cannot change what the line is
        /// (SMILES: its first character was seen; SDF: it is no longer "$$$$" or already is).</summary>
        public bool InsideKnownLine => !lastWasCr && (sdf ? !onlyDollarsSoFar || dollars >= 4 : sawFirst);

        /// <summary>Takes one byte; false when the file cannot be cut by bytes (a bare '\r').</summary>
        public bool Step(byte b, out bool endsRecord)
        {
            endsRecord = false;
            if (lastWasCr && b != (byte)'\n')
            {
                return false;
            }

            lastWasCr = b == (byte)'\r';
            if (b == (byte)'\n')
            {
                Lines++;
                endsRecord = sdf ? dollars >= 4 : lineHasRecord;
                if (endsRecord)
                {
                    Records++;
                }

                (lineHasRecord, sawFirst, dollars, onlyDollarsSoFar) = (false, false, 0, true);
                return true;
            }

            if (sdf)
            {
                if (onlyDollarsSoFar && b == (byte)'$' && dollars < 4)
                {
                    dollars++;
                }
                else if (dollars < 4)
                {
                    onlyDollarsSoFar = false;
                    dollars = 0;
                }
            }
            else if (!sawFirst && b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or 0xEF or 0xBB or 0xBF))
            {
                sawFirst = true;
                lineHasRecord = b != (byte)'#';
            }

            return true;
        }
    }
}
