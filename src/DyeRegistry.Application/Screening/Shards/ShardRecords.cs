using System.Text;
using DyeRegistry.Chemistry;
using DyeRegistry.Chemistry.IO;

namespace DyeRegistry.Application.Screening.Shards;

/// <summary>
/// The records of one shard, with the line and record numbers they have in the whole file: the
/// shard's bytes are read through the same SMILES or SDF reader a single-machine screen uses,
/// started at the shard's first line. A whole-file shard is read as the file is.
/// </summary>
public static class ShardRecords
{
    public static IEnumerable<StructureRecord> Read(ShardPlan plan, Shard shard, StructureLimits? limits = null)
    {
        var file = plan.Files[shard.FileIndex];
        limits ??= StructureLimits.Default;
        if (shard.WholeFile)
        {
            return StructureFileReader.Read(file, limits);
        }

        return ReadRange(file, shard, limits);
    }

    private static IEnumerable<StructureRecord> ReadRange(string file, Shard shard, StructureLimits limits)
    {
        var sdf = (StructureFileReader.FormatFromName(file) ?? StructureFileReader.Read(file).Select(r => (StructureFormat?)r.Format).FirstOrDefault()) == StructureFormat.MolBlock;
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        stream.Seek(shard.Offset, SeekOrigin.Begin);
        using var text = new StreamReader(new Window(stream, shard.Length), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: shard.Offset == 0, bufferSize: 1 << 16);
        var records = sdf ? SdfReader.Read(text, limits, shard.FirstLine) : SmilesLineReader.Read(text, limits, shard.FirstLine);
        foreach (var r in records)
        {
            yield return r with { RecordNumber = r.RecordNumber + shard.FirstRecord - 1 };
        }
    }

    // The shard's bytes only: reading stops at its end.
    private sealed class Window(Stream inner, long length) : Stream
    {
        private readonly long total = length;
        private long left = length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => total;

        public override long Position
        {
            get => total - left;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (left <= 0)
            {
                return 0;
            }

            var n = inner.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
            left -= n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
