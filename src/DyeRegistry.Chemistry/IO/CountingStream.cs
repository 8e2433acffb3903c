namespace DyeRegistry.Chemistry.IO;

/// <summary>Reports the running total of bytes read from its source (for progress by file size).</summary>
internal sealed class CountingStream(Stream inner, Action<long> bytesRead) : ReadOnlyStream(inner)
{
    private long total;

    public override long Length => Inner.Length;

    public override long Position
    {
        get => total;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        var n = Inner.Read(buffer);
        total += n;
        bytesRead(total);
        return n;
    }
}
