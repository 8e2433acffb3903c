namespace DyeRegistry.Chemistry.IO;

/// <summary>
/// A read-only stream that replays a few bytes already read from its source: lets a reader look
/// at the start of a non-seekable input (standard input) and still hand the whole of it on.
/// </summary>
internal sealed class PrefixedStream : ReadOnlyStream
{
    private readonly byte[] prefix;
    private int position;

    private PrefixedStream(byte[] prefix, Stream inner)
        : base(inner)
    {
        this.prefix = prefix;
    }

    /// <summary>Reads up to <paramref name="count"/> bytes and returns a stream that yields them again.</summary>
    public static Stream Peek(Stream inner, int count, out byte[] peeked)
    {
        var buffer = new byte[count];
        var n = 0;
        while (n < count)
        {
            var r = inner.Read(buffer, n, count - n);
            if (r == 0)
            {
                break;
            }

            n += r;
        }

        peeked = buffer[..n];
        return new PrefixedStream(peeked, inner);
    }

    public override int Read(Span<byte> buffer)
    {
        if (position < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - position);
            prefix.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        return Inner.Read(buffer);
    }
}
