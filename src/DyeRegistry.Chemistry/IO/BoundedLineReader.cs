using System.Text;

namespace DyeRegistry.Chemistry.IO;

/// <summary>
/// Reads lines as <see cref="TextReader.ReadLine"/> does ("\n", "\r" or "\r\n" end a line; a last
/// line without one still counts) but never holds more than a limit of one line: a longer line is
/// skipped to its end and reported by its length alone, so a file that is one 2 GB line costs no
/// more memory than a short one. Can read lines ahead (format sniffing) and replay them.
/// </summary>
internal sealed class BoundedLineReader : IDisposable
{
    private readonly TextReader inner;
    private readonly int maxLength;
    private readonly char[] buffer = new char[1 << 16];
    private readonly StringBuilder partial = new();
    private readonly Queue<(string? Line, long Length)> replay = new();
    private int position;
    private int end;
    private bool finished;

    public BoundedLineReader(TextReader inner, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        this.inner = inner;
        this.maxLength = maxLength;
    }

    /// <summary>The limit, in characters.</summary>
    public int MaxLength => maxLength;

    /// <summary>
    /// The next line, or false at the end. <paramref name="line"/> is null when the line is longer
    /// than the limit; <paramref name="length"/> is its length in characters either way.
    /// </summary>
    public bool Next(out string? line, out long length)
    {
        if (replay.TryDequeue(out var again))
        {
            (line, length) = again;
            return true;
        }

        return ReadNext(out line, out length);
    }

    /// <summary>Reads up to <paramref name="count"/> lines ahead (null where too long); <see cref="Next"/> returns them again.</summary>
    public IReadOnlyList<string?> Peek(int count)
    {
        while (replay.Count < count && ReadNext(out var line, out var length))
        {
            replay.Enqueue((line, length));
        }

        return replay.Select(r => r.Line).ToList();
    }

    public void Dispose() => inner.Dispose();

    private bool ReadNext(out string? line, out long length)
    {
        line = null;
        length = 0;
        if (position >= end && !Fill())
        {
            return false;
        }

        partial.Clear();
        var over = false;
        while (true)
        {
            if (position >= end && !Fill())
            {
                line = over ? null : partial.ToString();
                return true;
            }

            var span = buffer.AsSpan(position, end - position);
            var cut = span.IndexOfAny('\r', '\n');
            var piece = cut < 0 ? span : span[..cut];
            length += piece.Length;
            if (!over && length > maxLength)
            {
                over = true;
                partial.Clear();
            }

            if (cut < 0)
            {
                if (!over)
                {
                    partial.Append(piece);
                }

                position = end;
                continue;
            }

            if (!over)
            {
                line = partial.Length == 0 ? new string(piece) : partial.Append(piece).ToString();
            }

            position += cut + 1;
            if (span[cut] == '\r' && (position < end || Fill()) && buffer[position] == '\n')
            {
                position++;
            }

            return true;
        }
    }

    private bool Fill()
    {
        if (finished)
        {
            return false;
        }

        position = 0;
        end = inner.Read(buffer, 0, buffer.Length);
        finished = end == 0;
        return !finished;
    }
}
