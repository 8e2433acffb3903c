using DyeRegistry.Chemistry;
using DyeRegistry.Estimates.Solubility;

namespace DyeRegistry.Estimates.Tests;

/// <summary>The applicability domain's inverted-index nearest-neighbour search gives exactly what comparing
/// every training fingerprint gives.</summary>
public sealed class NearestNeighbourTests
{
    private static Fingerprint Random(Random random, double density)
    {
        var words = new ulong[Fingerprint.DefaultBits / 64];
        for (var bit = 0; bit < Fingerprint.DefaultBits; bit++)
        {
            if (random.NextDouble() < density)
            {
                words[bit / 64] |= 1UL << (bit % 64);
            }
        }

        return new Fingerprint(words);
    }

    [Fact]
    public void IndexedSearch_EqualsBruteForce_OnFingerprintsOfEverySize()
    {
        var random = new Random(20261207);
        var training = Enumerable.Range(0, 2000).Select(i => Random(random, 0.002 + (i % 50) * 0.002)).ToList();
        // Near copies of training fingerprints, so the best match is often far from the first compared.
        var queries = Enumerable.Range(0, 300).Select(i => i % 3 == 0
            ? Random(random, 0.001 + (i % 40) * 0.003)
            : new Fingerprint(training[random.Next(training.Count)].Words.ToArray().Select(w => w ^ (random.Next(8) == 0 ? 1UL << random.Next(64) : 0)).ToArray()))
            .Append(new Fingerprint(new ulong[Fingerprint.DefaultBits / 64]))
            .ToList();
        var domain = new ApplicabilityDomain(training, 0.3);
        foreach (var q in queries)
        {
            var brute = training.Max(t => t.Tanimoto(q));
            Assert.Equal(brute, domain.NearestSimilarity(q));
        }
    }
}
