using System.Globalization;
using System.IO.Compression;

namespace DyeRegistry.Chemistry.IO;

/// <summary>
/// A gzip stream that fails as input does: a stream cut short or corrupt is an
/// <see cref="IOException"/> naming the file and the compressed byte offset where decoding
/// stopped, never a shorter file read as if complete. .NET 10's GZipStream throws on data it
/// cannot decode but reads a stream cut short as if it had ended (whatever was inflated so far
/// comes out, the last line cut anywhere): so at the end the gzip trailer's length must equal
/// what was inflated (a cut file ends in deflate data instead; a false match is a 1 in 2^32
/// chance). Files of several gzip members (concatenated .gz) are read without that check.
/// </summary>
internal sealed class GzipInput : ReadOnlyStream
{
    private readonly string name;
    private readonly TrailerTap tap;
    private long inflated;

    public GzipInput(Stream compressed, string name)
        : this(new TrailerTap(compressed), name)
    {
    }

    // Inflates what passes through the tap; disposing the inflater disposes the tap and the file.
    private GzipInput(TrailerTap tap, string name)
        : base(new GZipStream(tap, CompressionMode.Decompress))
    {
        this.name = name;
        this.tap = tap;
    }

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = Inner.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw Broken(e.Message);
        }

        inflated += n;
        if (n == 0 && buffer.Length > 0 && !tap.TrailerMatches(inflated))
        {
            throw Broken("the stream ends without its complete gzip trailer (length and checksum)");
        }

        return n;
    }

    private IOException Broken(string why) => new(string.Create(CultureInfo.InvariantCulture,
        $"{name}: the compressed data is cut short or corrupt at byte {tap.Consumed:N0} of the file ({why}); nothing after that point was read"));

    // Passes the compressed bytes through, keeping the total, the last eight (a gzip member's
    // trailer: CRC-32, then the length mod 2^32, little-endian) and whether a second member's
    // header went by (concatenated .gz files are valid gzip and .NET reads them whole).
    private sealed class TrailerTap(Stream inner) : ReadOnlyStream(inner)
    {
        private const int HeaderLength = 10;
        private readonly byte[] last = new byte[HeaderLength];
        private int kept;

        public long Consumed { get; private set; }

        /// <summary>A later gzip member's header was seen: the last trailer covers only that member.</summary>
        public bool SeveralMembers { get; private set; }

        // A single member ends with the length of all that was inflated. With several members
        // the last one's start is not known here, so only .NET's own checks apply to them.
        public bool TrailerMatches(long inflatedTotal) =>
            SeveralMembers || (kept >= 8 && BitConverter.ToUInt32(last, HeaderLength - 4) == (uint)inflatedTotal);

        public override int Read(Span<byte> buffer)
        {
            var n = Inner.Read(buffer);
            if (n == 0)
            {
                return 0;
            }

            var read = buffer[..n];
            if (!SeveralMembers)
            {
                // A header may straddle two reads: look at the previous read's tail and this one
                // (never at the file's first byte, where the first member's header is).
                var carried = Math.Min(kept, HeaderLength - 1);
                var window = new byte[carried + n];
                last.AsSpan(HeaderLength - carried).CopyTo(window);
                read.CopyTo(window.AsSpan(carried));
                SeveralMembers = HasMemberHeader(Consumed - carried == 0 ? window.AsSpan(1) : window);
            }

            Consumed += n;
            if (n >= HeaderLength)
            {
                read[^HeaderLength..].CopyTo(last);
            }
            else
            {
                Array.Copy(last, n, last, 0, HeaderLength - n);
                read.CopyTo(last.AsSpan(HeaderLength - n));
            }

            kept = Math.Min(HeaderLength, kept + n);
            return n;
        }

        // A gzip member header: 1f 8b, method 8 (deflate), no reserved flag bits, extra flags 0,
        // 2 or 4, a known OS byte: about one chance in 10^11 per position in deflate data.
        private static bool HasMemberHeader(ReadOnlySpan<byte> bytes)
        {
            for (var at = bytes.IndexOf((byte)0x1f); at >= 0 && at + HeaderLength <= bytes.Length; )
            {
                var h = bytes[at..];
                if (h[1] == 0x8b && h[2] == 8 && (h[3] & 0xE0) == 0 && h[8] is 0 or 2 or 4 && (h[9] <= 13 || h[9] == 255))
                {
                    return true;
                }

                var next = bytes[(at + 1)..].IndexOf((byte)0x1f);
                at = next < 0 ? -1 : at + 1 + next;
            }

            return false;
        }
    }
}
