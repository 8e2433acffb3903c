using System.Security.Cryptography;

namespace DyeRegistry.Application.Screening;

/// <summary>
/// What a catalogue file was when a run started: its length and SHA-256 digests of its first and
/// last 64 KiB. <c>--resume</c> refuses a file that differs, since continuing from "record N" of
/// another file under the same name would mix two catalogues in one output. (A change confined to
/// the middle of a file of the same length goes unseen: hashing a whole catalogue of billions of
/// records on every resume would cost as much as screening it again.)
/// </summary>
public sealed record CatalogueIdentity(string File, long Length, string Head, string Tail)
{
    private const int Block = 64 * 1024;

    /// <summary>The identity of <paramref name="path"/>; null for standard input, which cannot be identified again.</summary>
    public static CatalogueIdentity? Of(string path)
    {
        if (path == DyeRegistry.Chemistry.IO.StructureFileReader.StandardInput)
        {
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var length = stream.Length;
        var head = Digest(stream, 0, (int)Math.Min(Block, length));
        var tailStart = Math.Max(0, length - Block);
        var tail = Digest(stream, tailStart, (int)(length - tailStart));
        return new CatalogueIdentity(path, length, head, tail);
    }

    /// <summary>Why <paramref name="now"/> is not the file this identity describes, or null when it is.</summary>
    public string? Difference(CatalogueIdentity now) =>
        Length != now.Length ? $"{File} was {Length:N0} bytes when the run started and is {now.Length:N0} bytes now"
        : Head != now.Head ? $"{File} has different content at its start than when the run started"
        : Tail != now.Tail ? $"{File} has different content at its end than when the run started"
        : null;

    private static string Digest(FileStream stream, long offset, int count)
    {
        var buffer = new byte[count];
        stream.Seek(offset, SeekOrigin.Begin);
        stream.ReadExactly(buffer);
        return Convert.ToHexString(SHA256.HashData(buffer));
    }
}
