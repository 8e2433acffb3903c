using DyeRegistry.Chemistry;

namespace DyeRegistry.Estimates.Solubility;

/// <summary>A data file's compounds, featurized, with the rows RDKit could not use and why.</summary>
public sealed record SolubilityDataSet(IReadOnlyList<TrainingCompound> Compounds, IReadOnlyList<SkippedRow> Skipped)
{
    /// <summary>The file's row of each compound, in the same order (to write parts of the file).</summary>
    public IReadOnlyList<SolubilityDataRow> Rows { get; init; } = [];

    /// <summary>Reads and featurizes a file in AqSolDB's layout on <paramref name="threads"/> threads;
    /// the compounds keep the file's order whatever the thread count; <paramref name="model"/>: the
    /// features that model was trained on (default: the current format's, which training writes).</summary>
    public static SolubilityDataSet Load(string path, int threads, SolubilityModel? model = null)
    {
        var rows = SolubilityDataFile.Read(path).ToArray();
        using var featurizer = model is null ? new SolubilityFeaturizer() : SolubilityFeaturizer.For(model);
        var results = new (TrainingCompound? Compound, string? Error)[rows.Length];
        Parallel.For(0, rows.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, i =>
        {
            var parsed = Molecule.ParseSmiles(rows[i].Smiles);
            if (!parsed.Success)
            {
                results[i] = (null, parsed.Error!.Message);
                return;
            }

            using var molecule = parsed.Value;
            try
            {
                results[i] = (new TrainingCompound(featurizer.Featurize(molecule), rows[i].LogS), null);
            }
            catch (ChemistryException e)
            {
                results[i] = (null, e.Message);
            }
        });
        var compounds = results.Where(r => r.Compound is not null).Select(r => r.Compound!).ToArray();
        var skipped = results.Select((r, i) => (r, i)).Where(x => x.r.Error is not null)
            .Select(x => new SkippedRow(rows[x.i].Line, rows[x.i].Smiles, x.r.Error!)).ToArray();
        return new SolubilityDataSet(compounds, skipped) { Rows = rows.Where((_, i) => results[i].Compound is not null).ToArray() };
    }
}

/// <summary>A data row left out: its line, SMILES and RDKit's reason.</summary>
public sealed record SkippedRow(long Line, string Smiles, string Reason);
