using DyeRegistry.Chemistry;

namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// Structure to <see cref="FeaturizedCompound"/>: the standardized parent (the registry's
/// standardization: cleanup, salts set aside, metals disconnected, neutralized; the tautomer as
/// drawn, since model format 2: no tautomer is enumerated or chosen), its RDKit descriptors,
/// Morgan fingerprint and scaffold. A featurizer for a format-1 model
/// (<see cref="For(SolubilityModel)"/>) takes the canonical tautomer by heteroatom H shifts, as
/// that model was trained on. Thread-safe.
/// </summary>
/// <param name="canonicalTautomer">The parent's canonical tautomer, as format-1 models were
/// trained on (slow: a tautomer enumeration per compound); false for format 2.</param>
public sealed class SolubilityFeaturizer(bool canonicalTautomer = false) : IDisposable
{
    /// <summary>The featurizer whose features the model was trained on.</summary>
    public static SolubilityFeaturizer For(SolubilityModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new SolubilityFeaturizer(model.Metadata.Format == ModelMetadata.CanonicalTautomerFormat);
    }

    /// <summary>The format-1 step after <see cref="Standardization"/>: the canonical tautomer by
    /// heteroatom H shifts.</summary>
    public static readonly StandardizationOptions ModelTautomer = new()
    {
        CanonicalTautomer = true,
        HeteroatomTautomersOnly = true,
        MaxTautomers = 64,
    };

    /// <summary>Whether the parent is taken to its canonical tautomer (format-1 models).</summary>
    public bool CanonicalTautomer { get; } = canonicalTautomer;

    /// <summary>The registry's parent (DyeRegistry.Registry.DyeChemistry.Standardization, restated
    /// here because this layer does not reference the registry; a test pins that both are equal),
    /// which is the model's parent: the tautomer as drawn. The model is trained on AqSolDB's
    /// structures as drawn, so a dye's estimate needs nothing the registry has not computed.</summary>
    public static readonly StandardizationOptions Standardization = StandardizationOptions.Registration with
    {
        DisconnectMetals = true,
        CanonicalTautomer = false,
    };

    /// <summary>Features of <paramref name="structure"/> from the registry's parent (as stored: its
    /// SMILES read back) and the Morgan
    /// fingerprint the registry computed on it (the model's radius and bits): no standardization,
    /// no tautomer and no second fingerprint; the features equal <see cref="Featurize"/>'s.</summary>
    /// <param name="structure">The structure as drawn (its mass converts mol/L to grams).</param>
    /// <param name="registryParent">The registry's standardized parent.</param>
    /// <param name="removedFragments">How many fragments standardization set aside.</param>
    /// <param name="registryMorgan">The registry's Morgan fingerprint of the parent; computed when
    /// null or of other bits (a registry stored by another version).</param>
    public FeaturizedCompound FeaturizeRegistryParent(Molecule structure, Molecule registryParent, int removedFragments, Fingerprint? registryMorgan)
    {
        ArgumentNullException.ThrowIfNull(registryParent);
        if (CanonicalTautomer)
        {
            using var tautomer = registryParent.Standardize(ModelTautomer).Parent;
            return FeaturizeStandardized(structure, tautomer, removedFragments, forPrediction: true);
        }

        var morgan = registryMorgan is { BitCount: MorganBits } ? registryMorgan : null;
        return FeaturizeStandardized(structure, registryParent, removedFragments, forPrediction: true, parentMorgan: morgan);
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
        if (CanonicalTautomer)
        {
            using var tautomer = parent.Standardize(ModelTautomer).Parent;
            return FeaturizeStandardized(structure, tautomer, standardized.RemovedFragments.Count);
        }

        // The parent as the registry stores it: written and read back (a parse's ring perception;
        // standardization alone can leave a salt's parent without ring information).
        var smiles = parent.ToSmiles();
        var readBack = Molecule.ParseSmiles(smiles);
        if (!readBack.Success)
        {
            throw new ChemistryException(ChemistryErrorCode.InvalidStructure, $"the standardized parent {smiles} cannot be read back by RDKit ({readBack.Error.Message})");
        }

        using var stored = readBack.Value;
        return FeaturizeStandardized(structure, stored, standardized.RemovedFragments.Count);
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

        if (parent.AtomCount == 0)
        {
            throw new ChemistryException(ChemistryErrorCode.InvalidStructure, "the structure has no parent (only salts or solvents)");
        }

        // One call into RDKit for all of it: the values GetDescriptors and GetRingChargeFeatures
        // give (a test pins them), without the formulas and exact masses no feature reads.
        var d = structure.GetSolubilityDescriptors(parent);
        var logP = d.CrippenLogP;
        var mass = d.AverageMassGramsPerMole;
        var rotatable = d.RotatableBonds;
        var aromaticFraction = d.AromaticAtomFraction;
        float[] features =
        [
            (float)logP, (float)d.CrippenMolarRefractivity, (float)mass,
            (float)d.TopologicalPolarSurfaceAreaSquareAngstroms, d.HBondDonors, d.HBondAcceptors,
            rotatable, d.HeavyAtoms, (float)aromaticFraction, d.AromaticRings, d.AliphaticRings, d.FormalCharge,
            d.ChargedAtoms, d.Heteroatoms, d.Halogens, (float)d.FractionCsp3, (float)d.LabuteAsaSquareAngstroms,
            removedFragments,
            (float)EsolEquation.LogS(logP, mass, rotatable, aromaticFraction),
        ];
        return new FeaturizedCompound(
            features,
            parentMorgan ?? parent.MorganFingerprint(MorganRadius, MorganBits),
            d.DrawnAverageMassGramsPerMole,
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
