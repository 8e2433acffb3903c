namespace DyeRegistry.Chemistry.IO;

/// <summary>A text reader that has read its first lines ahead (for format sniffing) and replays them.</summary>
internal sealed class PeekingReader : TextReader
{
    private readonly TextReader inner;
    private readonly Queue<string> pending;

    public PeekingReader(TextReader inner, int lines)
    {
        this.inner = inner;
        var read = new List<string>();
        for (var i = 0; i < lines; i++)
        {
            var line = inner.ReadLine();
            if (line is null)
            {
                break;
            }

            read.Add(line);
        }

        Lines = read;
        pending = new Queue<string>(read);
    }

    /// <summary>The lines read ahead.</summary>
    public IReadOnlyList<string> Lines { get; }

    public override string? ReadLine() => pending.Count > 0 ? pending.Dequeue() : inner.ReadLine();

    public override int Peek() => throw new NotSupportedException("PeekingReader is read line by line");

    public override int Read() => throw new NotSupportedException("PeekingReader is read line by line");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
