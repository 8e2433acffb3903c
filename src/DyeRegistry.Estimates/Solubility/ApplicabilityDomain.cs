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

        // Identical fingerprints add nothing to a nearest-neighbour search.
        training = trainingFingerprints.Distinct().ToArray();
        Threshold = threshold;
    }

    public double Threshold { get; }

    public IReadOnlyList<Fingerprint> Fingerprints => training;

    /// <summary>Tanimoto similarity to the most similar training compound (0 with no training compounds).</summary>
    public double NearestSimilarity(Fingerprint compound)
    {
        var best = 0.0;
        foreach (var t in training)
        {
            var s = t.Tanimoto(compound);
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

    public bool Contains(double nearestSimilarity) => nearestSimilarity >= Threshold;
}
