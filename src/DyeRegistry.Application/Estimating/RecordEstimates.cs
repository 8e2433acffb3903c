using System.Globalization;
using System.Text.Json.Nodes;
using DyeRegistry.Chemistry;
using DyeRegistry.Estimates.Solubility;
using DyeRegistry.Registry;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Application.Estimating;

/// <summary>
/// Estimates stored with records where nothing was recorded: the water solubility of a dye or a
/// solvent whose document gives none (claims 001:1-3 turn on it), predicted from its structure by
/// the solubility model, with the model's 90 % interval, as a value of source "estimated" beside the
/// document (like a medium's computed A and Y). A value in the document, measured, literature or
/// asserted, always wins: such a record gets no estimate. Thread-safe: one prediction engine per
/// thread (ML.NET's engine is not).
/// </summary>
public sealed class RecordEstimates : IDisposable
{
    /// <summary>The field the estimate stands for (docs/records.md).</summary>
    public const string SolubilityField = "water_solubility_g_per_100g";

    public const string SolubilityUnit = "g/100 g water";

    private readonly SolubilityModel model;
    private readonly SolubilityFeaturizer featurizer;
    private readonly ThreadLocal<SolubilityPredictor> predictors;

    public RecordEstimates(SolubilityModel model)
    {
        this.model = model;
        featurizer = SolubilityFeaturizer.For(model);
        predictors = new ThreadLocal<SolubilityPredictor>(model.CreatePredictor, trackAllValues: true);
    }

    /// <summary>What a stored estimate names as its producer: the model and its version. An estimate
    /// with another stamp was made by another model and is redone (<c>dyereg estimate registry</c>).</summary>
    public string Stamp => StampOf(model.Version);

    public static string StampOf(string modelVersion) => $"solubility model {modelVersion}";

    /// <summary>The record with its estimates added (a dye or solvent without a recorded water
    /// solubility); why none could be made goes to its notes. Other records come back unchanged.</summary>
    public PreparedRecord Add(PreparedRecord record)
    {
        // A record stored identically keeps what it has (its chemistry was skipped too).
        if (!record.Valid || record.Input.StoredIdentically || record.Input.Document is not { } document || !Wanted(record.Kind, document))
        {
            return record;
        }

        var (estimate, problem) = Estimate(record.Kind!.Value, document, record.Dye);
        return Attach(record, estimate, problem);
    }

    /// <summary>The record prepared by <paramref name="importer"/> with its estimate added, as
    /// <see cref="Add"/> gives it; for a dye the features are computed on the parent the registry's
    /// chemistry has just standardized (no second parse), with the Morgan fingerprint it stores.</summary>
    public PreparedRecord Prepare(RegistryImporter importer, RecordInput input)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Document is not { } document || input.StoredIdentically || !Wanted(KindOf(document), document))
        {
            return importer.Prepare(input);
        }

        (ComputedQuantity? Estimate, string? Problem)? made = null;
        var prepared = importer.PrepareWith(input, (record, parent, dye) => made = EstimateAtParent(record, parent, dye));
        if (made is not { } m || !prepared.Valid || prepared.Kind != RecordKind.Dye)
        {
            return Add(prepared);
        }

        return Attach(prepared, m.Estimate, m.Problem);
    }

    private static RecordKind? KindOf(JsonObject document) =>
        RecordSchema.ParseKind(document["kind"] is JsonValue k && k.TryGetValue<string>(out var kind) ? kind : null);

    private (ComputedQuantity? Estimate, string? Problem) EstimateAtParent(Molecule record, Molecule parent, DyeStructure dye)
    {
        try
        {
            // The registry's parent is the model's (the tautomer as drawn), and its Morgan
            // fingerprint has the model's radius and bits (tests pin both): nothing is computed twice.
            var features = featurizer.FeaturizeRegistryParent(record, parent, dye.RemovedFragments.Count, StoredMorgan(dye));
            return (ToQuantity(predictors.Value!.Predict(features)), null);
        }
        catch (ChemistryException e)
        {
            return (null, $"{SolubilityField}: not estimated ({e.Message})");
        }
    }

    // The registry's Morgan fingerprint of the parent, or null when it was not stored with the
    // model's bits (then the featurizer computes it).
    private static Fingerprint? StoredMorgan(DyeStructure dye) =>
        dye.MorganFingerprint is { Length: SolubilityFeaturizer.MorganBits / 8 } bytes ? Fingerprint.FromBytes(bytes) : null;

    private static PreparedRecord Attach(PreparedRecord record, ComputedQuantity? estimate, string? problem) =>
        estimate is null
            ? record with { Notes = [.. record.Notes, problem!] }
            : record with { Computed = [.. record.Computed.Where(q => q.Field != SolubilityField), estimate] };

    /// <summary>Whether a record of this kind with this document gets an estimate.</summary>
    public static bool Wanted(RecordKind? kind, JsonObject document) =>
        kind is RecordKind.Dye or RecordKind.Solvent && document[SolubilityField] is null;

    /// <summary>The estimate for a dye (from its structure as drawn, so a salt's mass converts
    /// mol/L to grams) or a solvent (its SMILES), or why there is none.</summary>
    public (ComputedQuantity? Estimate, string? Problem) Estimate(RecordKind kind, JsonObject document, DyeStructure? dye)
    {
        try
        {
            using var structure = Structure(kind, document, dye);
            if (structure is null)
            {
                return (null, $"{SolubilityField}: not estimated (the {RecordSchema.KindText(kind)} has no structure)");
            }

            FeaturizedCompound features;
            if (dye is not null)
            {
                // The registry standardized it already, with the model's rules, and stored its Morgan fingerprint.
                using var parent = Molecule.ParseSmiles(dye.ParentSmiles).GetValueOrThrow();
                features = featurizer.FeaturizeRegistryParent(structure, parent, dye.RemovedFragments.Count, StoredMorgan(dye));
            }
            else
            {
                features = featurizer.Featurize(structure);
            }

            return (ToQuantity(predictors.Value!.Predict(features)), null);
        }
        catch (ChemistryException e)
        {
            return (null, $"{SolubilityField}: not estimated ({e.Message})");
        }
    }

    private static Molecule? Structure(RecordKind kind, JsonObject document, DyeStructure? dye)
    {
        if (kind == RecordKind.Dye && dye is not null)
        {
            return Molecule.ParsePickle(dye.RecordPickle).GetValueOrThrow();
        }

        if (document["smiles"] is JsonValue s && s.TryGetValue<string>(out var smiles))
        {
            return Molecule.ParseSmiles(smiles).GetValueOrThrow();
        }

        return document["molfile"] is JsonValue m && m.TryGetValue<string>(out var molfile)
            ? Molecule.ParseMolBlock(molfile).GetValueOrThrow()
            : null;
    }

    private ComputedQuantity ToQuantity(SolubilityEstimate e)
    {
        var level = (e.CoverageLevel * 100).ToString("0.#", CultureInfo.InvariantCulture);
        var domain = e.InDomain
            ? string.Create(CultureInfo.InvariantCulture, $"inside the model's domain (nearest training compound: Tanimoto {e.NearestSimilarity:0.00})")
            : string.Create(CultureInfo.InvariantCulture, $"outside the model's domain (nearest training compound: Tanimoto {e.NearestSimilarity:0.00}, below {model.Domain.Threshold:0.00}): the interval may not hold");
        var method = string.Create(CultureInfo.InvariantCulture,
            $"estimated from structure by the {Stamp} (docs/models/solubility.md): log S = {e.LogS:0.00} ({e.LogSLow:0.00} to {e.LogSHigh:0.00}) mol/L at 25 degC, " +
            $"{level} % conformal interval {G(e.GramsLow)} to {G(e.GramsHigh)} {SolubilityUnit}; {domain}");
        return new ComputedQuantity(SolubilityField, e.GramsPer100GramsWater, SolubilityUnit, method)
        {
            Source = ComputedQuantity.Estimated,
            Low = e.GramsLow,
            High = e.GramsHigh,
            Stamp = Stamp,
        };
    }

    private static string G(double v) => v.ToString("G3", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        foreach (var p in predictors.Values)
        {
            p.Dispose();
        }

        predictors.Dispose();
        featurizer.Dispose();
    }
}
