namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// k-fold scaffold cross-validation: each fold's compounds are predicted by a model trained (and
/// calibrated) on the other folds only, and by the ESOL equation, so both are scored on the same
/// held-out compounds.
/// </summary>
public static class CrossValidation
{
    public static CrossValidationReport Run(IReadOnlyList<TrainingCompound> compounds, int folds, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(compounds);
        var fold = ScaffoldSplit.Folds(compounds.Select(c => c.Compound.SplitGroup).ToArray(), folds);
        var predicted = new double[compounds.Count];
        var intervals = new (double Low, double High)[compounds.Count];
        var inDomain = new bool[compounds.Count];
        var foldMetrics = new List<RegressionMetrics>();
        for (var f = 0; f < folds; f++)
        {
            var train = compounds.Where((_, i) => fold[i] != f).ToList();
            var model = SolubilityTrainer.Train(train, options, "cross-validation");
            using var predictor = model.CreatePredictor();
            var members = Enumerable.Range(0, compounds.Count).Where(i => fold[i] == f).ToArray();
            foreach (var i in members)
            {
                var e = predictor.Predict(compounds[i].Compound);
                predicted[i] = e.LogS;
                intervals[i] = (e.LogSLow, e.LogSHigh);
                inDomain[i] = e.InDomain;
            }

            foldMetrics.Add(Score(compounds, members, predicted, intervals));
        }

        var all = Enumerable.Range(0, compounds.Count).ToArray();
        var dyes = all.Where(i => compounds[i].Compound.IsAzo || compounds[i].Compound.IsAnthraquinone).ToArray();
        var esol = compounds.Select(c => c.Compound.EsolLogS).ToArray();
        return new CrossValidationReport(
            folds,
            options,
            Score(compounds, all, predicted, intervals),
            Score(compounds, all, esol, null),
            Score(compounds, dyes, predicted, intervals),
            Score(compounds, dyes, esol, null),
            Score(compounds, all.Where(i => inDomain[i]).ToArray(), predicted, intervals),
            Score(compounds, all.Where(i => !inDomain[i]).ToArray(), predicted, intervals),
            foldMetrics);
    }

    private static RegressionMetrics Score(IReadOnlyList<TrainingCompound> compounds, int[] members, double[] predicted, (double, double)[]? intervals) =>
        RegressionMetrics.Of(
            members.Select(i => compounds[i].LogS).ToArray(),
            members.Select(i => predicted[i]).ToArray(),
            intervals is null ? null : members.Select(i => intervals[i]).ToArray());
}

/// <summary>Cross-validated scores (log S units) of the model and the ESOL equation on the same compounds.</summary>
/// <param name="Folds">Number of folds.</param>
/// <param name="Options">Training options of every fold's model.</param>
/// <param name="Model">The model over all held-out compounds.</param>
/// <param name="Esol">The ESOL equation over the same compounds.</param>
/// <param name="ModelAzoAnthraquinone">The model on compounds with a drawn azo group or an anthraquinone.</param>
/// <param name="EsolAzoAnthraquinone">ESOL on the same subset.</param>
/// <param name="ModelInDomain">The model where the compound was inside its fold model's domain.</param>
/// <param name="ModelOutOfDomain">The model where it was outside.</param>
/// <param name="PerFold">The model per fold.</param>
public sealed record CrossValidationReport(
    int Folds,
    TrainingOptions Options,
    RegressionMetrics Model,
    RegressionMetrics Esol,
    RegressionMetrics ModelAzoAnthraquinone,
    RegressionMetrics EsolAzoAnthraquinone,
    RegressionMetrics ModelInDomain,
    RegressionMetrics ModelOutOfDomain,
    IReadOnlyList<RegressionMetrics> PerFold);
