namespace DyeRegistry.Chemistry.IO;

/// <summary>
/// A read-only stream that replays a few bytes already read from its source: lets a reader look
/// at the start of a non-seekable input (standard input) and still hand the whole of it on.
/// </summary>
internal sealed class PrefixedStream : Stream
{
    private readonly byte[] prefix;
    private readonly Stream inner;
    private int position;

    private PrefixedStream(byte[] prefix, Stream inner)
    {
        this.prefix = prefix;
        this.inner = inner;
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

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (position < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - position);
            prefix.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        return inner.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
