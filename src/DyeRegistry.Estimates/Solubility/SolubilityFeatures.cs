namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// The feature vector of one compound: names and order fixed here, the model file records them so
/// that a model is never fed features in another order.
/// </summary>
public static class SolubilityFeatures
{
    /// <summary>All features, <see cref="FeatureSet.Basic"/> first.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "crippen_logp", "crippen_mr", "average_mass", "tpsa", "hbond_donors", "hbond_acceptors",
        "rotatable_bonds", "heavy_atoms", "aromatic_atom_fraction", "aromatic_rings", "aliphatic_rings",
        "formal_charge",
        "charged_atoms", "heteroatoms", "halogens", "fraction_csp3", "labute_asa", "salt_fragments",
        "esol_log_s",
    ];

    /// <summary>How many of <see cref="Names"/> the basic set takes.</summary>
    public const int BasicCount = 12;

    public static int Count(FeatureSet set) => set switch
    {
        FeatureSet.Basic => BasicCount,
        FeatureSet.Extended => Names.Count,
        _ => throw new ArgumentOutOfRangeException(nameof(set), set, "unknown feature set"),
    };

    /// <summary>The feature set whose names these are; an error for any other list.</summary>
    public static FeatureSet FromNames(IReadOnlyList<string> names)
    {
        foreach (var set in Enum.GetValues<FeatureSet>())
        {
            if (names.SequenceEqual(Names.Take(Count(set))))
            {
                return set;
            }
        }

        throw new InvalidDataException($"the model's features ({string.Join(", ", names)}) are not a feature set this version knows");
    }
}
