using Microsoft.ML;

namespace DyeRegistry.Estimates.Solubility;

/// <summary>Predicts with one ML.NET prediction engine: use one per thread, never share.</summary>
public sealed class SolubilityPredictor : IDisposable
{
    private readonly SolubilityModel model;
    private readonly PredictionEngine<FeatureRow, ScoreRow> engine;
    private readonly FeatureRow row = new();

    internal SolubilityPredictor(SolubilityModel model)
    {
        this.model = model;
        engine = model.Ml.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(
            model.Transformer, inputSchemaDefinition: MlRows.Schema<FeatureRow>(model.FeatureCount));
    }

    /// <summary>log S (mol/L) as the model predicts it, without interval or domain.</summary>
    public double PredictLogS(FeaturizedCompound compound)
    {
        ArgumentNullException.ThrowIfNull(compound);
        row.Features = MlRows.Slice(compound, model.FeatureCount);
        return engine.Predict(row).Score;
    }

    /// <summary>The estimate with its interval, in both units, and the domain flag.</summary>
    public SolubilityEstimate Predict(FeaturizedCompound compound) => model.Estimate(PredictLogS(compound), compound);

    public void Dispose() => engine.Dispose();
}
