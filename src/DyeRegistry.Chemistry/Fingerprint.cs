using System.Numerics;

namespace DyeRegistry.Chemistry;

/// <summary>
/// A fixed-length bit fingerprint (RDKit pattern or Morgan), held as 64-bit words so that
/// screening and similarity run in managed code without native calls. Immutable.
/// </summary>
public sealed class Fingerprint : IEquatable<Fingerprint>
{
    /// <summary>2048 bits, RDKit's default size.</summary>
    public const int DefaultBits = 2048;

    private readonly ulong[] words;

    /// <summary>Wraps packed words: bit i is (words[i / 64] >> (i % 64)) &amp; 1.</summary>
    public Fingerprint(ulong[] words)
    {
        ArgumentNullException.ThrowIfNull(words);
        this.words = (ulong[])words.Clone();
    }

    public int BitCount => words.Length * 64;

    public ReadOnlySpan<ulong> Words => words;

    /// <summary>Number of set bits.</summary>
    public int Cardinality
    {
        get
        {
            var n = 0;
            foreach (var w in words)
            {
                n += BitOperations.PopCount(w);
            }

            return n;
        }
    }

    /// <summary>True when every bit of <paramref name="query"/> is set here: the necessary condition
    /// for a substructure match with pattern fingerprints.</summary>
    public bool ContainsAllBitsOf(Fingerprint query)
    {
        RequireSameLength(query);
        for (var i = 0; i < words.Length; i++)
        {
            if ((query.words[i] & ~words[i]) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Tanimoto similarity, |A and B| / |A or B|; 0 for two empty fingerprints.</summary>
    public double Tanimoto(Fingerprint other)
    {
        RequireSameLength(other);
        int both = 0, either = 0;
        for (var i = 0; i < words.Length; i++)
        {
            both += BitOperations.PopCount(words[i] & other.words[i]);
            either += BitOperations.PopCount(words[i] | other.words[i]);
        }

        return either == 0 ? 0.0 : (double)both / either;
    }

    /// <summary>The fingerprint as bytes (little-endian words), for storage.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[words.Length * 8];
        Buffer.BlockCopy(words, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    public static Fingerprint FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0 || bytes.Length % 8 != 0)
        {
            throw new ArgumentException($"a fingerprint is a whole number of 8-byte words, not {bytes.Length} bytes", nameof(bytes));
        }

        var w = new ulong[bytes.Length / 8];
        bytes.CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(w.AsSpan()));
        return new Fingerprint(w);
    }

    public bool Equals(Fingerprint? other) => other is not null && words.AsSpan().SequenceEqual(other.words);

    public override bool Equals(object? obj) => Equals(obj as Fingerprint);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var w in words)
        {
            h.Add(w);
        }

        return h.ToHashCode();
    }

    private void RequireSameLength(Fingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.words.Length != words.Length)
        {
            throw new ArgumentException($"fingerprints differ in length: {BitCount} and {other.BitCount} bits");
        }
    }
}
