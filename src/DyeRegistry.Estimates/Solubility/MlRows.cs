using Microsoft.ML;
using Microsoft.ML.Data;

namespace DyeRegistry.Estimates.Solubility;

// The rows ML.NET sees. The vector length is set at run time (the feature set decides it).
internal class FeatureRow
{
    public float[] Features { get; set; } = [];
}

internal sealed class LabelledRow : FeatureRow
{
    public float Label { get; set; }
}

internal sealed class ScoreRow
{
    public float Score { get; set; }
}

internal static class MlRows
{
    public static SchemaDefinition Schema<T>(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(T));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    public static float[] Slice(FeaturizedCompound c, int featureCount) => c.Features.AsSpan(0, featureCount).ToArray();

    public static IDataView Load(MLContext ml, IEnumerable<TrainingCompound> compounds, int featureCount) =>
        ml.Data.LoadFromEnumerable(
            compounds.Select(c => new LabelledRow { Features = Slice(c.Compound, featureCount), Label = (float)c.LogS }).ToList(),
            Schema<LabelledRow>(featureCount));
}
