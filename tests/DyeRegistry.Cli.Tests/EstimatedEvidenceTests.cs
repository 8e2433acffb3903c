using System.Text.Json.Nodes;
using DyeRegistry.Application.Estimating;
using DyeRegistry.Chemistry;
using DyeRegistry.Cli.Estimating;
using DyeRegistry.Estimates.Solubility;
using DyeRegistry.Markush;
using DyeRegistry.Registry;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests;

/// <summary>
/// Water-solubility estimates stored at import and used by claim charts as "estimated" evidence
/// (issue: estimates where nothing was measured): with the shipped model, on records made here
/// around the sample medium MED-1, polymer P-1 and solvent TCP (samples/records.json).
/// </summary>
public sealed class EstimatedEvidenceTests : IDisposable
{
    private static readonly string Samples = RepositoryFiles.Path("samples/records.json");

    // Small dyes whose estimate lies near 1 g/100 g water; the test takes the first whose interval straddles it.
    private static readonly string[] NearOneGram =
    [
        "CC(=O)C(N=Nc1ccccc1)C(C)=O", "OC(=O)CN=Nc1ccccc1", "O=C(O)C(N=Nc1ccccc1)C(=O)O", "CN(C)c1ccc(C=Cc2cc[n+](C)cc2)cc1",
    ];

    private readonly string dir = Directory.CreateTempSubdirectory("dyereg-estimated-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Db => Path.Combine(dir, "r.db");

    private static SolubilityModel Shipped => SolubilityModel.Load(ModelFolder.DefaultSolubilityModel());

    private void Import(params string[] args)
    {
        var (exit, _, err) = CliRunner.Run(["import", .. args, "--registry", Db]);
        Assert.True(exit == 0, err);
    }

    private string Write(string name, string json)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, json);
        return path;
    }

    private string Ink(string id, string dye, string solvent) => Write($"{id}.json",
        $$"""[{"kind":"ink","id":"{{id}}","form":"colored_fine_particle_dispersion","components":[{"ref":"{{dye}}","role":"dye","mass_percent":3.0},{"ref":"P-1","role":"polymer","mass_percent":3.0},{"ref":"{{solvent}}","role":"solvent","mass_percent":1.5}]}]""");

    private JsonObject Chart(string ink)
    {
        var (exit, output, err) = CliRunner.Run("scope", "--ink", ink, "--medium", "MED-1", "--format", "json", "--registry", Db);
        Assert.True(exit == 0, err);
        return JsonNode.Parse(output)!.AsObject();
    }

    private static JsonObject Limitation(JsonObject chart, string claim, string limitation) =>
        chart["claims"]!.AsArray().Select(c => c!.AsObject()).First(c => c["id"]!.GetValue<string>() == claim)["limitations"]!.AsArray()
            .Select(l => l!.AsObject()).First(l => l["id"]!.GetValue<string>() == limitation);

    private static JsonObject Verdict(JsonObject chart, string claim) =>
        chart["claims"]!.AsArray().Select(c => c!.AsObject()).First(c => c["id"]!.GetValue<string>() == claim);

    [Fact]
    public void AChart_ShowsTheEstimates_AsEvidence_WithModelVersionAndInterval()
    {
        Import(Samples);
        Import(Write("new.json", """
            [{"kind":"dye","id":"DX-1","smiles":"CCN(CCO)c1ccc(N=Nc2ccc([N+](=O)[O-])cc2)cc1"},
             {"kind":"solvent","id":"SX-1","smiles":"CCCCOC(=O)c1ccccc1C(=O)OCCCC","boiling_point_c":340}]
            """));
        Import(Ink("INK-X", "DX-1", "SX-1"));

        var chart = Chart("INK-X");
        var version = Shipped.Version;
        foreach (var (claim, limitation, record) in new[] { ("001:1", "hydrophobic-dye", "DX-1"), ("001:3", "solvent-solubility", "SX-1") })
        {
            var evidence = Limitation(chart, claim, limitation)["evidence"]!.AsArray().Select(e => e!.AsObject())
                .Single(e => e["record"]!.GetValue<string>() == record && e["field"]!.GetValue<string>() == RecordEstimates.SolubilityField);
            Assert.Equal("estimated", evidence["source"]!.GetValue<string>());
            Assert.Contains($"solubility model {version}", evidence["method"]!.GetValue<string>());
            var (low, high) = (evidence["low"]!.GetValue<decimal>(), evidence["high"]!.GetValue<decimal>());
            Assert.True(low > 0 && low < high, $"{record}: interval {low} to {high}");
        }
    }

    [Fact]
    public void AnIntervalStraddlingOneGram_LeavesClaim1Undetermined_WithTheMargin_AndAMeasuredValueOverridesIt()
    {
        using var estimates = new RecordEstimates(Shipped);
        var smiles = NearOneGram.FirstOrDefault(s =>
        {
            var q = estimates.Estimate(RecordKind.Solvent, new JsonObject { ["smiles"] = s }, null).Estimate!;
            return q.Low < 1 && q.High > 1;
        });
        Assert.True(smiles is not null, "none of the candidate dyes has an estimated interval around 1 g/100 g water: choose others");

        Import(Samples);
        Import(Write("dye.json", $$"""[{"kind":"dye","id":"DY-1","smiles":"{{smiles}}"}]"""));
        Import(Ink("INK-Y", "DY-1", "TCP"));
        var chart = Chart("INK-Y");
        var hydrophobic = Limitation(chart, "001:1", "hydrophobic-dye");
        Assert.Equal("unknown", hydrophobic["verdict"]!.GetValue<string>());
        Assert.Equal("undetermined", Verdict(chart, "001:1")["verdict"]!.GetValue<string>());
        Assert.Contains(hydrophobic["changes"]!.AsArray(), c => c!.GetValue<string>().Contains("straddles 1 g/100 g water", StringComparison.Ordinal) && c.GetValue<string>().Contains("margin", StringComparison.Ordinal));

        // A measured value replaces the estimate: the chart uses it, and none is stored any more.
        Import("--update", Write("measured.json", $$$"""[{"kind":"dye","id":"DY-1","smiles":"{{{smiles}}}","water_solubility_g_per_100g":{"value":0.05,"source":"measured"}}]"""));
        var measured = Chart("INK-Y");
        var evidence = Limitation(measured, "001:1", "hydrophobic-dye")["evidence"]!.AsArray().Select(e => e!.AsObject()).Single(e => e["record"]!.GetValue<string>() == "DY-1");
        Assert.Equal("measured", evidence["source"]!.GetValue<string>());
        Assert.Equal("met", Limitation(measured, "001:1", "hydrophobic-dye")["verdict"]!.GetValue<string>());
        var (_, show, _) = CliRunner.Run("show", "DY-1", "--registry", Db);
        Assert.DoesNotContain("estimated", show);
    }

    [Fact]
    public void RecordsReadFromFiles_GetTheSameEstimates_AsImportGivesThem()
    {
        Import(Samples);
        var records = Write("records.json", """
            [{"kind":"dye","id":"DX-1","smiles":"CCN(CCO)c1ccc(N=Nc2ccc([N+](=O)[O-])cc2)cc1"},
             {"kind":"solvent","id":"SX-1","smiles":"CCCCOC(=O)c1ccccc1C(=O)OCCCC","boiling_point_c":340},
             {"kind":"ink","id":"INK-X","form":"colored_fine_particle_dispersion","components":[{"ref":"DX-1","role":"dye","mass_percent":3.0},{"ref":"P-1","role":"polymer","mass_percent":3.0},{"ref":"SX-1","role":"solvent","mass_percent":1.5}]}]
            """);
        var (exit, fromFile, err) = CliRunner.Run("scope", "--ink-file", records, "--medium", "MED-1", "--format", "json", "--registry", Db);
        Assert.True(exit == 0, err);
        Import(records);
        var fromRegistry = Chart("INK-X");
        foreach (var (claim, limitation) in new[] { ("001:1", "hydrophobic-dye"), ("001:3", "solvent-solubility") })
        {
            string Values(JsonObject chart) => string.Join("; ", Limitation(chart, claim, limitation)["evidence"]!.AsArray()
                .Select(e => $"{e!["source"]} {e["value"]} {e["low"]} {e["high"]} {e["method"]}"));
            var fileValues = Values(JsonNode.Parse(fromFile)!.AsObject());
            Assert.Contains("estimated", fileValues);
            Assert.Equal(fileValues, Values(fromRegistry));
        }
    }

    [Fact]
    public void ImportWithoutEstimates_StoresNone_AndEstimateRegistry_AddsThem_ThenRedoesThemForAnotherModel()
    {
        Import("--no-estimates", Write("d.json", """[{"kind":"dye","id":"DX-2","smiles":"Oc1ccc(N=Nc2ccccc2)cc1"},{"kind":"solvent","id":"SX-2","smiles":"CCCCCCCCO"}]"""));
        Assert.DoesNotContain("estimated", CliRunner.Run("show", "DX-2", "--registry", Db).Out);

        var first = CliRunner.Run("estimate", "registry", "--registry", Db);
        Assert.True(first.Exit == 0, first.Err);
        Assert.True(first.Out.StartsWith("2 estimated, 0 re-estimated", StringComparison.Ordinal), first.Out + first.Err);
        Assert.Contains($"solubility model {Shipped.Version}", CliRunner.Run("show", "DX-2", "--registry", Db).Out);
        var again = CliRunner.Run("estimate", "registry", "--registry", Db).Out;
        Assert.StartsWith("0 estimated, 0 re-estimated", again);
        Assert.Contains("2 already current", again);

        // Another model (trained here on the small synthetic set): every estimate is redone with it.
        var other = Path.Combine(dir, "other.zip");
        var (trained, _, trainErr) = CliRunner.Run("model", "train", "solubility", "--data", Path.Combine(AppContext.BaseDirectory, "Fixtures", "synthetic-solubility.csv"), "-o", other, "--trees", "40");
        Assert.True(trained == 0, trainErr);
        var redo = CliRunner.Run("estimate", "registry", "--registry", Db, "--model", other);
        Assert.StartsWith("0 estimated, 2 re-estimated", redo.Out);
        Assert.Contains($"solubility model {SolubilityModel.Load(other).Version}", CliRunner.Run("show", "SX-2", "--registry", Db).Out);
    }

    [Fact]
    public void ImportFeatures_FromTheRegistrysParent_EqualTheModelsOwnStandardization()
    {
        using var library = FormulaLibrary.Load(FormulaLibrary.DefaultFolder());
        var chemistry = new DyeChemistry(library);
        using var featurizer = new SolubilityFeaturizer();
        string[] dyes =
        [
            "[Na+].[O-]S(=O)(=O)c1ccc(N=Nc2ccc(N(C)C)cc2)cc1", "O=C1c2ccccc2C(=O)c2c(Nc3ccc(C)cc3)ccc(O)c21",
            "CC(=O)Nc1ccc(N=Nc2ccc(O)cc2)cc1.O", "Oc1ccc2ccccc2c1N=Nc1ccccc1", "[K+].[O-]C(=O)c1ccccc1N=Nc1c(O)ccc2ccccc12",
        ];
        foreach (var smiles in dyes)
        {
            var dye = chemistry.Prepare("D", new JsonObject { ["smiles"] = smiles }).GetValueOrThrow();
            using var drawn = Molecule.ParseSmiles(smiles).GetValueOrThrow();
            using var parent = Molecule.ParseSmiles(dye.ParentSmiles).GetValueOrThrow();
            var own = featurizer.Featurize(drawn);
            var fromRegistry = featurizer.FeaturizeStandardized(drawn, parent, dye.RemovedFragments.Count);
            Assert.Equal(own.Features, fromRegistry.Features);
            Assert.Equal(own.ParentSmiles, fromRegistry.ParentSmiles);

            // What import does: the features on the parent the registry's chemistry holds, with the
            // Morgan fingerprint it stores (the same radius and bits as the model's).
            Assert.Equal(own.Morgan.ToBytes(), dye.MorganFingerprint);
            FeaturizedCompound? atParent = null;
            chemistry.PrepareWith("D", new JsonObject { ["smiles"] = smiles }, (record, p, d) =>
                atParent = featurizer.FeaturizeStandardized(record, p, d.RemovedFragments.Count, forPrediction: true, parentMorgan: Fingerprint.FromBytes(d.MorganFingerprint)));
            Assert.NotNull(atParent);
            Assert.Equal(own.Features, atParent.Features);
            Assert.Equal(own.Morgan, atParent.Morgan);
            Assert.Equal(own.MolarMassGramsPerMole, atParent.MolarMassGramsPerMole);
        }
    }

    [Fact]
    public void TheModelsParent_IsTheRegistrysParent()
    {
        // Equal options: the parent the registry stores (tautomer as drawn) is the one the model
        // was trained on, so an estimate at import takes it as it is.
        Assert.Equal(DyeChemistry.Standardization, SolubilityFeaturizer.Standardization);
        Assert.False(SolubilityFeaturizer.Standardization.CanonicalTautomer);
    }

    /// <summary>What an estimate adds to a dye's import, counted on this thread (not timed): with a
    /// model of the current format, no standardization or tautomer enumeration and no Morgan
    /// fingerprint beyond the registry's own (it fails if the estimate took the parent to a canonical
    /// tautomer, or fingerprinted it again); the estimate is still made. The same for the re-estimate
    /// of a stored dye (dyereg estimate registry), which parses the stored parent but takes the stored
    /// fingerprint. A format-1 model (trained on canonical tautomers) still gets its tautomer.</summary>
    [Fact]
    public void AnEstimateAtImport_EnumeratesNoTautomers_AndTakesTheRegistrysMorganFingerprint()
    {
        var modelFile = Path.Combine(dir, "current.zip");
        var (trained, _, trainErr) = CliRunner.Run("model", "train", "solubility", "--data", Path.Combine(AppContext.BaseDirectory, "Fixtures", "synthetic-solubility.csv"), "-o", modelFile, "--trees", "40");
        Assert.True(trained == 0, trainErr);
        var model = SolubilityModel.Load(modelFile);
        Assert.Equal(ModelMetadata.CurrentFormat, model.Metadata.Format);

        using var library = FormulaLibrary.Load(FormulaLibrary.DefaultFolder());
        using var store = DyeRegistry.Storage.Sqlite.SqliteRegistryStore.Open(Db, create: true);
        var importer = new RegistryImporter(store, new DyeChemistry(library));
        using var estimates = new RecordEstimates(model);
        foreach (var (smiles, i) in Varied.Select((s, i) => (s, i)))
        {
            var input = new RecordInput("in.json", $"record {i + 1}", new JsonObject { ["kind"] = "dye", ["id"] = $"W-{i + 1}", ["smiles"] = smiles });
            var (plain, withoutEstimate) = Counted(() => importer.Prepare(input));
            var (estimated, withEstimate) = Counted(() => estimates.Prepare(importer, input));

            Assert.True(plain.Valid && estimated.Valid, smiles);
            Assert.Empty(plain.Computed);
            var estimate = Assert.Single(estimated.Computed, q => q.Field == RecordEstimates.SolubilityField);
            Assert.Equal(ComputedQuantity.Estimated, estimate.Source);
            Assert.True(withoutEstimate.Standardizations >= 1 && withoutEstimate.MorganFingerprints >= 1, $"{smiles}: the registry's own work was not counted ({withoutEstimate})");
            Assert.Equal(withoutEstimate, withEstimate);
            Assert.Equal(0, withEstimate.TautomerEnumerations);

            // The re-estimate from the stored dye: one parse of the stored parent, nothing counted.
            var ((again, why), redo) = Counted(() => estimates.Estimate(RecordKind.Dye, input.Document!, estimated.Dye));
            Assert.Equal(new ChemistryWork(0, 0, 0), redo);
            Assert.True(again is not null, why);
            Assert.Equal(estimate.Value, again.Value);
            Assert.Equal(estimate.Low, again.Low);
            Assert.Equal(estimate.High, again.High);
        }

        // The seam sees the work when it is done: a format-1 featurizer's canonical tautomer.
        using var legacy = new SolubilityFeaturizer(canonicalTautomer: true);
        using var drawn = Molecule.ParseSmiles(Varied[3]).GetValueOrThrow();
        using var parent = Molecule.ParseSmiles("Oc1ccc2ccccc2c1N=Nc1ccccc1").GetValueOrThrow();
        var (_, old) = Counted(() => legacy.FeaturizeRegistryParent(drawn, parent, 0, parent.MorganFingerprint()));
        Assert.Equal(1, old.TautomerEnumerations);
    }

    private static (T Result, ChemistryWork Work) Counted<T>(Func<T> work)
    {
        var start = ChemistryWorkCounts.Current;
        var result = work();
        return (result, ChemistryWorkCounts.Current - start);
    }

    // Salts, azo, anthraquinone, a hydrate, a metal complex, a solvent-like small molecule, a
    // zwitterion: the structures whose parents differ most from what is drawn.
    private static readonly string[] Varied =
    [
        "[Na+].[O-]S(=O)(=O)c1ccc(N=Nc2ccc(N(C)C)cc2)cc1", "O=C1c2ccccc2C(=O)c2c(Nc3ccc(C)cc3)ccc(O)c21",
        "CC(=O)Nc1ccc(N=Nc2ccc(O)cc2)cc1.O", "Oc1ccc2ccccc2c1N=Nc1ccccc1", "[K+].[O-]C(=O)c1ccccc1N=Nc1c(O)ccc2ccccc12",
        "CCCCCCCCO", "[Cu+2].[O-]c1ccccc1N=Nc1ccccc1[O-]", "C[N+](C)(C)CC(=O)[O-]", "Nc1ccc(cc1)S(=O)(=O)O",
    ];

    [Fact]
    public void TheEstimateStoredAtImport_EqualsDyeregEstimateSolubility_OnTheSameStructure()
    {
        var smi = Write("varied.smi", string.Concat(Varied.Select((s, i) => $"{s} V-{i + 1}\n")));
        Import(smi);
        AssertStoredEqualsEstimated(smi, Varied.Length);
    }

    /// <summary>The same on the first 300 records of the real catalogue.</summary>
    [ValidationFact]
    [Trait("Category", "Validation")]
    public void OnTheRealCatalogue_TheEstimateStoredAtImport_EqualsDyeregEstimateSolubility()
    {
        var smi = Write("catalogue.smi", string.Concat(File.ReadLines(SharedData.Catalogue).Take(300).Select(l => l + "\n")));
        var (exit, _, err) = CliRunner.Run(["import", smi, "--registry", Db]);
        Assert.True(exit is 0 or 1, err);
        Assert.True(AssertStoredEqualsEstimated(smi, 250) >= 250);
    }

    // Every record estimated by dyereg estimate solubility has the same value and interval stored
    // (bit for bit: both are the same doubles); returns how many were compared.
    private int AssertStoredEqualsEstimated(string smi, int atLeast)
    {
        var (exit, jsonl, err) = CliRunner.Run("estimate", "solubility", smi, "--keep-going");
        Assert.True(exit == 0, err);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var store = DyeRegistry.Storage.Sqlite.SqliteRegistryStore.Open(Db, create: false);
        var compared = 0;
        foreach (var line in jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var row = JsonNode.Parse(line)!.AsObject();
            if (row["error"] is not null || row["id"]?.GetValue<string>() is not { } id || store.Get(id) is null)
            {
                continue;
            }

            var stored = Assert.Single(store.Computed(id), q => q.Source == "estimated");
            Assert.Equal(row["gPer100gWater"]!.GetValue<double>(), stored.Value);
            Assert.Equal(row["gPer100gWaterInterval"]![0]!.GetValue<double>(), stored.Low);
            Assert.Equal(row["gPer100gWaterInterval"]![1]!.GetValue<double>(), stored.High);
            Assert.Contains($"solubility model {row["modelVersion"]!.GetValue<string>()}", stored.Stamp);
            compared++;
        }

        Assert.True(compared >= atLeast, $"{compared} records compared");
        return compared;
    }
}
