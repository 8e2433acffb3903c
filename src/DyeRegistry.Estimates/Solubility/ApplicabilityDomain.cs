using DyeRegistry.Chemistry;

namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// The compounds a model was trained on, as Morgan fingerprints: a compound whose most similar
/// training compound (Tanimoto) is below <see cref="Threshold"/> is outside the model's domain.
/// Read-only after construction, so thread-safe.
/// </summary>
public sealed class ApplicabilityDomain
{
    /// <summary>Default threshold: 0.30 on Morgan radius 2, 2048 bits. Below it a compound shares
    /// little more than common fragments with every training compound; on AqSolDB's scaffold
    /// split the error is markedly larger there (docs/models/solubility.md).</summary>
    public const double DefaultThreshold = 0.30;

    private readonly Fingerprint[] training;

    public ApplicabilityDomain(IEnumerable<Fingerprint> trainingFingerprints, double threshold)
    {
        ArgumentNullException.ThrowIfNull(trainingFingerprints);
        if (!(threshold >= 0 && threshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "a Tanimoto threshold lies between 0 and 1");
        }

        // Identical fingerprints add nothing to a nearest-neighbour search. Sorted by bit count
        // for the bounded search below.
        training = trainingFingerprints.Distinct().OrderBy(f => f.Cardinality).ToArray();
        counts = training.Select(f => f.Cardinality).ToArray();
        wordsPerPrint = training.Length == 0 ? 0 : training[0].Words.Length;
        if (training.Any(t => t.Words.Length != wordsPerPrint))
        {
            throw new ArgumentException("the training fingerprints differ in length", nameof(trainingFingerprints));
        }

        // One contiguous block, scanned in order: the search is memory-bound.
        words = new ulong[training.Length * wordsPerPrint];
        for (var i = 0; i < training.Length; i++)
        {
            training[i].Words.CopyTo(words.AsSpan(i * wordsPerPrint));
        }

        Threshold = threshold;
    }

    private readonly int[] counts;
    private readonly ulong[] words;
    private readonly int wordsPerPrint;

    public double Threshold { get; }

    public IReadOnlyList<Fingerprint> Fingerprints => training;

    /// <summary>Tanimoto similarity to the most similar training compound (0 with no training compounds).</summary>
    /// <remarks>Exact, but bounded: Tanimoto(a, b) is at most min(|a|, |b|) / max(|a|, |b|) (bit
    /// counts), so the search walks outward from the training fingerprints with the compound's own
    /// bit count and stops on each side where that bound cannot beat the best found (Swamidass and
    /// Baldi's bound; typically a small part of the training set is compared).</remarks>
    public double NearestSimilarity(Fingerprint compound)
    {
        ArgumentNullException.ThrowIfNull(compound);
        if (training.Length > 0 && compound.Words.Length != wordsPerPrint)
        {
            throw new ArgumentException($"a fingerprint of {compound.BitCount} bits against a domain of {wordsPerPrint * 64}-bit fingerprints", nameof(compound));
        }

        var query = compound.Words;
        var n = compound.Cardinality;
        var best = 0.0;
        var up = Array.BinarySearch(counts, n);
        if (up < 0)
        {
            up = ~up;
        }
        else
        {
            while (up > 0 && counts[up - 1] == n)
            {
                up--;
            }
        }

        var down = up - 1;
        while (up < training.Length || down >= 0)
        {
            var upBound = up < training.Length ? Bound(n, counts[up]) : -1;
            var downBound = down >= 0 ? Bound(n, counts[down]) : -1;
            if (Math.Max(upBound, downBound) <= best)
            {
                break;
            }

            var next = upBound >= downBound ? up++ : down--;
            var s = Tanimoto(query, n, next);
            if (s > best)
            {
                best = s;
                if (best >= 1.0)
                {
                    break;
                }
            }
        }

        return best;
    }

    // |A and B| / (|A| + |B| - |A and B|): one popcount per word, the counts known.
    private double Tanimoto(ReadOnlySpan<ulong> query, int queryCount, int index)
    {
        var t = words.AsSpan(index * wordsPerPrint, wordsPerPrint);
        query = query[..t.Length];
        // Four independent sums: the popcounts do not wait on one another.
        int b0 = 0, b1 = 0, b2 = 0, b3 = 0, i = 0;
        for (; i + 4 <= t.Length; i += 4)
        {
            b0 += System.Numerics.BitOperations.PopCount(query[i] & t[i]);
            b1 += System.Numerics.BitOperations.PopCount(query[i + 1] & t[i + 1]);
            b2 += System.Numerics.BitOperations.PopCount(query[i + 2] & t[i + 2]);
            b3 += System.Numerics.BitOperations.PopCount(query[i + 3] & t[i + 3]);
        }

        for (; i < t.Length; i++)
        {
            b0 += System.Numerics.BitOperations.PopCount(query[i] & t[i]);
        }

        var both = b0 + b1 + b2 + b3;

        var either = queryCount + counts[index] - both;
        return either == 0 ? 0.0 : (double)both / either;
    }

    private static double Bound(int a, int b) => a == 0 && b == 0 ? 0 : (double)Math.Min(a, b) / Math.Max(a, b);

    public bool Contains(double nearestSimilarity) => nearestSimilarity >= Threshold;
}
