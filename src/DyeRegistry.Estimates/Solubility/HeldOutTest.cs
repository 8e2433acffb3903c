namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// A trained model scored on measured compounds it was not trained on (a scaffold-disjoint part
/// of the data, <c>dyereg model split</c>), beside the ESOL equation on the same compounds.
/// </summary>
public static class HeldOutTest
{
    public static HeldOutReport Run(SolubilityModel model, IReadOnlyList<TrainingCompound> compounds)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(compounds);
        using var predictor = model.CreatePredictor();
        var estimates = compounds.Select(c => predictor.Predict(c.Compound)).ToArray();
        var all = Enumerable.Range(0, compounds.Count).ToArray();
        var dyes = all.Where(i => compounds[i].Compound.IsAzo || compounds[i].Compound.IsAnthraquinone).ToArray();
        RegressionMetrics Model(int[] members) => RegressionMetrics.Of(
            members.Select(i => compounds[i].LogS).ToArray(),
            members.Select(i => estimates[i].LogS).ToArray(),
            members.Select(i => (estimates[i].LogSLow, estimates[i].LogSHigh)).ToArray());
        RegressionMetrics Esol(int[] members) => RegressionMetrics.Of(
            members.Select(i => compounds[i].LogS).ToArray(),
            members.Select(i => compounds[i].Compound.EsolLogS).ToArray());
        return new HeldOutReport(
            model.Version,
            Model(all),
            Esol(all),
            Model(dyes),
            Esol(dyes),
            Model(all.Where(i => estimates[i].InDomain).ToArray()),
            Model(all.Where(i => !estimates[i].InDomain).ToArray()));
    }
}

/// <summary>Scores (log S units) of a model and of the ESOL equation on the same held-out compounds.</summary>
/// <param name="ModelVersion">The model scored.</param>
/// <param name="Model">The model on every compound.</param>
/// <param name="Esol">The ESOL equation on the same compounds.</param>
/// <param name="ModelAzoAnthraquinone">The model on compounds with a drawn azo group or an anthraquinone.</param>
/// <param name="EsolAzoAnthraquinone">ESOL on the same subset.</param>
/// <param name="ModelInDomain">The model inside its applicability domain.</param>
/// <param name="ModelOutOfDomain">The model outside it.</param>
public sealed record HeldOutReport(
    string ModelVersion,
    RegressionMetrics Model,
    RegressionMetrics Esol,
    RegressionMetrics ModelAzoAnthraquinone,
    RegressionMetrics EsolAzoAnthraquinone,
    RegressionMetrics ModelInDomain,
    RegressionMetrics ModelOutOfDomain);
