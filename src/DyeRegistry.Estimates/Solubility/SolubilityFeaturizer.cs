using DyeRegistry.Chemistry;

namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// Structure to <see cref="FeaturizedCompound"/>: the standardized parent (the registry's
/// standardization: cleanup, salts set aside, metals disconnected, neutralized; then the canonical
/// tautomer by heteroatom H shifts, which the model was trained on and the registry no longer
/// takes), its RDKit descriptors, Morgan fingerprint and scaffold. Thread-safe.
/// </summary>
public sealed class SolubilityFeaturizer : IDisposable
{
    /// <summary>The registry's parent (DyeRegistry.Registry.DyeChemistry.Standardization, restated
    /// here because this layer does not reference the registry) plus <see cref="ModelTautomer"/>'s
    /// step: the model's parent.</summary>
    public static readonly StandardizationOptions Standardization = StandardizationOptions.Registration with
    {
        DisconnectMetals = true,
        HeteroatomTautomersOnly = true,
        MaxTautomers = 64,
    };

    /// <summary>The step the model's parent adds to the registry's (which keeps the tautomer as
    /// drawn since its duplicate key needs none): the canonical tautomer by heteroatom H shifts, as
    /// the model was trained on.</summary>
    public static readonly StandardizationOptions ModelTautomer = new()
    {
        CanonicalTautomer = true,
        HeteroatomTautomersOnly = true,
        MaxTautomers = 64,
    };

    /// <summary>Features of <paramref name="structure"/> from the registry's stored parent (cleanup,
    /// fragments, metals, neutralized; no tautomer step): the model's canonical tautomer is taken
    /// from it, so the features equal <see cref="Featurize"/>'s.</summary>
    public FeaturizedCompound FeaturizeRegistryParent(Molecule structure, Molecule registryParent, int removedFragments)
    {
        ArgumentNullException.ThrowIfNull(registryParent);
        using var parent = registryParent.Standardize(ModelTautomer).Parent;
        return FeaturizeStandardized(structure, parent, removedFragments, forPrediction: true);
    }

    public const int MorganRadius = 2;
    public const int MorganBits = Fingerprint.DefaultBits;

    private readonly QueryMolecule azo = QueryMolecule.FromSmarts("[#6]-[N;!R]=[N;!R]-[#6]");
    private readonly QueryMolecule anthraquinone = QueryMolecule.FromSmarts("O=C1c2ccccc2C(=O)c2ccccc21");

    /// <summary>Features of <paramref name="structure"/> (as drawn; it is not changed).</summary>
    public FeaturizedCompound Featurize(Molecule structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var standardized = structure.Standardize(Standardization);
        using var parent = standardized.Parent;
        return FeaturizeStandardized(structure, parent, standardized.RemovedFragments.Count);
    }

    /// <summary>Features of <paramref name="structure"/> whose standardized parent (by
    /// <see cref="Standardization"/>, as the registry stores it) is known already: the registry's
    /// dyes, so import does not standardize twice.</summary>
    /// <param name="structure">The structure as drawn (its mass converts mol/L to grams).</param>
    /// <param name="parent">Its standardized parent.</param>
    /// <param name="removedFragments">How many fragments standardization set aside.</param>
    /// <param name="forPrediction">Only what a prediction reads (features, fingerprint, mass): the
    /// parent SMILES, scaffold and azo/anthraquinone flags, which training and benchmarks use, are
    /// left empty (about a third of the featurization's time at import).</param>
    /// <param name="parentMorgan">The parent's Morgan fingerprint when it is known already (the
    /// registry stores one with the same radius and bits); computed when null.</param>
    public FeaturizedCompound FeaturizeStandardized(Molecule structure, Molecule parent, int removedFragments, bool forPrediction = false, Fingerprint? parentMorgan = null)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(parent);
        if (parentMorgan is not null && parentMorgan.BitCount != MorganBits)
        {
            throw new ArgumentException($"a parent fingerprint of {parentMorgan.BitCount} bits, not {MorganBits}", nameof(parentMorgan));
        }

        var drawnMass = structure.GetDescriptors(DescriptorGroups.Mass).AverageMassGramsPerMole!.Value;
        if (parent.AtomCount == 0)
        {
            throw new ChemistryException(ChemistryErrorCode.InvalidStructure, "the structure has no parent (only salts or solvents)");
        }

        var d = parent.GetDescriptors(DescriptorGroups.All);
        var r = parent.GetRingChargeFeatures();
        var logP = d.CrippenLogP!.Value;
        var mass = d.AverageMassGramsPerMole!.Value;
        var rotatable = d.RotatableBonds!.Value;
        var aromaticFraction = d.AromaticAtomFraction!.Value;
        float[] features =
        [
            (float)logP, (float)d.CrippenMolarRefractivity!.Value, (float)mass,
            (float)d.TopologicalPolarSurfaceAreaSquareAngstroms!.Value, d.HBondDonors!.Value, d.HBondAcceptors!.Value,
            rotatable, d.HeavyAtoms!.Value, (float)aromaticFraction, r.AromaticRings, r.AliphaticRings, r.FormalCharge,
            r.ChargedAtoms, r.Heteroatoms, r.Halogens, (float)r.FractionCsp3, (float)r.LabuteAsaSquareAngstroms,
            removedFragments,
            (float)EsolEquation.LogS(logP, mass, rotatable, aromaticFraction),
        ];
        return new FeaturizedCompound(
            features,
            parentMorgan ?? parent.MorganFingerprint(MorganRadius, MorganBits),
            drawnMass,
            forPrediction ? string.Empty : parent.ToSmiles(),
            forPrediction ? string.Empty : parent.MurckoScaffold(),
            !forPrediction && structure.HasSubstructMatch(azo),
            !forPrediction && structure.HasSubstructMatch(anthraquinone));
    }

    public void Dispose()
    {
        azo.Dispose();
        anthraquinone.Dispose();
    }
}
