using DyeRegistry.Chemistry;

namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// The compounds a model was trained on, as Morgan fingerprints: a compound whose most similar
/// training compound (Tanimoto) is below <see cref="Threshold"/> is outside the model's domain.
/// Read-only after construction (each thread counts in its own buffer), so thread-safe.
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

        // Identical fingerprints add nothing to a nearest-neighbour search.
        training = trainingFingerprints.Distinct().ToArray();
        counts = training.Select(f => f.Cardinality).ToArray();
        wordsPerPrint = training.Length == 0 ? 0 : training[0].Words.Length;
        if (training.Any(t => t.Words.Length != wordsPerPrint))
        {
            throw new ArgumentException("the training fingerprints differ in length", nameof(trainingFingerprints));
        }

        // For each bit, the training compounds that set it (an inverted index), in one block.
        var bits = wordsPerPrint * 64;
        postingStart = new int[bits + 1];
        foreach (var t in training)
        {
            ForEachBit(t.Words, bit => postingStart[bit + 1]++);
        }

        for (var bit = 0; bit < bits; bit++)
        {
            postingStart[bit + 1] += postingStart[bit];
        }

        postings = new int[postingStart[bits]];
        var next = postingStart[..bits];
        for (var i = 0; i < training.Length; i++)
        {
            var compound = i;
            ForEachBit(training[i].Words, bit => postings[next[bit]++] = compound);
        }

        Threshold = threshold;
    }

    private readonly int[] counts;
    private readonly int[] postingStart;
    private readonly int[] postings;
    private readonly int wordsPerPrint;

    // Per thread: how many bits each training compound shares with the compound searched for.
    [ThreadStatic]
    private static ushort[]? shared;

    public double Threshold { get; }

    public IReadOnlyList<Fingerprint> Fingerprints => training;

    /// <summary>Tanimoto similarity to the most similar training compound (0 with no training compounds).</summary>
    /// <remarks>Exact, through the inverted index: for each bit the compound sets, the training
    /// compounds setting it too each count one shared bit, so only the bits the compound has are
    /// read (a few percent of what comparing every fingerprint word by word reads), and
    /// |A and B| / (|A| + |B| - |A and B|) is formed from the counts. The best is chosen by exact
    /// integer comparison of the fractions, then divided once: the same double as comparing every
    /// fingerprint gives.</remarks>
    public double NearestSimilarity(Fingerprint compound)
    {
        ArgumentNullException.ThrowIfNull(compound);
        if (training.Length > 0 && compound.Words.Length != wordsPerPrint)
        {
            throw new ArgumentException($"a fingerprint of {compound.BitCount} bits against a domain of {wordsPerPrint * 64}-bit fingerprints", nameof(compound));
        }

        if (training.Length == 0)
        {
            return 0.0;
        }

        var common = shared is { } s && s.Length == training.Length ? s : shared = new ushort[training.Length];
        common.AsSpan().Clear();
        var query = compound.Words;
        var n = 0;
        for (var w = 0; w < query.Length; w++)
        {
            var word = query[w];
            n += System.Numerics.BitOperations.PopCount(word);
            while (word != 0)
            {
                var bit = w * 64 + System.Numerics.BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                foreach (var i in postings.AsSpan(postingStart[bit], postingStart[bit + 1] - postingStart[bit]))
                {
                    common[i]++;
                }
            }
        }

        // best = bestBoth / bestEither, compared as exact fractions (both <= 2048, no overflow).
        long bestBoth = 0, bestEither = 1;
        for (var i = 0; i < common.Length; i++)
        {
            long both = common[i];
            if (both * bestEither > bestBoth * (n + counts[i] - both))
            {
                bestBoth = both;
                bestEither = n + counts[i] - both;
            }
        }

        return bestBoth == 0 ? 0.0 : (double)bestBoth / bestEither;
    }

    private static void ForEachBit(ReadOnlySpan<ulong> words, Action<int> action)
    {
        for (var w = 0; w < words.Length; w++)
        {
            var word = words[w];
            while (word != 0)
            {
                action(w * 64 + System.Numerics.BitOperations.TrailingZeroCount(word));
                word &= word - 1;
            }
        }
    }

    public bool Contains(double nearestSimilarity) => nearestSimilarity >= Threshold;
}
