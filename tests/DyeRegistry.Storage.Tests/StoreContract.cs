using System.Text.Json.Nodes;
using DyeRegistry.Chemistry;
using DyeRegistry.Markush;
using DyeRegistry.Registry;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Storage.Tests;

/// <summary>
/// What every store must do, the same way: one suite, run against each store by the fixtures
/// below (<see cref="SqliteStoreContract"/>, <see cref="PostgresStoreContract"/>).
/// </summary>
public abstract class StoreContract<TFixture> : IDisposable
    where TFixture : IStoreFixture, new()
{
    private static readonly Lazy<DyeChemistry> SharedChemistry = new(() => new DyeChemistry(FormulaLibrary.Load(FormulaLibrary.DefaultFolder())));

    protected StoreContract()
    {
        Fixture = new TFixture();
        Store = Fixture.Open(create: true);
    }

    protected TFixture Fixture { get; }

    protected IRegistryStore Store { get; }

    protected static DyeChemistry Chemistry => SharedChemistry.Value;

    public void Dispose()
    {
        Store.Dispose();
        Fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Dye-like structures, distinct by construction: azo dyes with growing chains.</summary>
    internal static string DyeSmiles(int i) => $"CCN({new string('C', 1 + (i % 7))})c1ccc(N=Nc2ccc(O{new string('C', 1 + (i / 7))})cc2)cc1";

    private static JsonObject Polymer(string id, string name) => new() { ["kind"] = "polymer", ["id"] = id, ["name"] = name };

    private static DyeStructure Dye(string id, string smiles) =>
        Chemistry.Prepare(id, new JsonObject { ["kind"] = "dye", ["id"] = id, ["smiles"] = smiles }).GetValueOrThrow();

    private void PutDyeRecord(IRegistryTransaction tx, string id, string smiles, params string[] references)
    {
        var document = new JsonObject { ["kind"] = "dye", ["id"] = id, ["smiles"] = smiles };
        if (references.Length > 0)
        {
            document["parent"] = references[0];
        }

        tx.Put(id, RecordKind.Dye, document, references);
        tx.PutDye(Dye(id, smiles));
    }

    [Fact]
    public void Open_CreatesTheSchema_AndOpensAgainAtTheSameVersion()
    {
        Assert.True(Store.SchemaVersion >= 1);
        Assert.Equal("ok", Store.IntegrityCheck());
        using var again = Fixture.Open(create: false);
        Assert.Equal(Store.SchemaVersion, again.SchemaVersion);
    }

    [Fact]
    public void Records_HaveVersions_AndAHistoryNamingWhoChangedThem()
    {
        using (var tx = Store.Begin())
        {
            Assert.Equal(1, tx.Put("P-1", RecordKind.Polymer, Polymer("P-1", "first"), []));
            tx.Commit();
        }

        using (var tx = Store.Begin())
        {
            Assert.Equal(2, tx.Put("P-1", RecordKind.Polymer, Polymer("P-1", "second \u00e9 \"quoted\""), []));
            tx.Commit();
        }

        var stored = Store.Get("P-1")!;
        Assert.Equal(2, stored.Version);
        Assert.True(JsonNode.DeepEquals(Polymer("P-1", "second \u00e9 \"quoted\""), stored.Document));
        Assert.InRange(stored.UpdatedUtc, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));

        using (var tx = Store.Begin())
        {
            tx.Delete("P-1");
            tx.Commit();
        }

        Assert.Null(Store.Get("P-1"));
        var history = Store.History("P-1");
        Assert.Equal(["created", "updated", "deleted"], history.Select(h => h.Change));
        Assert.Equal([1, 2, 2], history.Select(h => h.Version));
        Assert.Null(history[0].PreviousDocument);
        Assert.Contains("first", history[1].PreviousDocument!, StringComparison.Ordinal);
        Assert.Null(history[2].Document);
        Assert.All(history, h => Assert.Equal(RegistryActor.Current, h.ChangedBy));
    }

    [Fact]
    public void ATransactionNotCommitted_WritesNothing()
    {
        using (var tx = Store.Begin())
        {
            tx.Put("P-1", RecordKind.Polymer, Polymer("P-1", "never"), []);
            Assert.NotNull(tx.Get("P-1"));
        }

        Assert.Null(Store.Get("P-1"));
        Assert.Empty(Store.History("P-1"));
    }

    [Fact]
    public void Listings_AreInOrdinalIdOrder_AndReferencesAreFound()
    {
        using (var tx = Store.Begin())
        {
            foreach (var id in new[] { "b-1", "B-1", "a-10", "a-2", "\u00e9-1" })
            {
                tx.Put(id, RecordKind.Polymer, Polymer(id, id), []);
            }

            tx.Put("I-1", RecordKind.Ink, new JsonObject { ["kind"] = "ink", ["id"] = "I-1" }, ["a-2", "b-1"]);
            tx.Commit();
        }

        Assert.Equal(new[] { "B-1", "a-10", "a-2", "b-1", "\u00e9-1" }, Store.List(RecordKind.Polymer).Select(r => r.Id));
        Assert.Equal(["I-1"], Store.List(RecordKind.Ink).Select(r => r.Id));
        Assert.Equal(["I-1"], Store.ReferencedBy("a-2"));
        Assert.Empty(Store.ReferencedBy("a-10"));
    }

    [Fact]
    public void Dyes_RoundTripTheirChemistry_AndComputedValues()
    {
        using (var tx = Store.Begin())
        {
            PutDyeRecord(tx, "D-2", DyeSmiles(2));
            PutDyeRecord(tx, "D-1", "[Na+].[O-]S(=O)(=O)c1ccc(N=Nc2ccc(O)cc2)cc1");
            tx.Put("M-1", RecordKind.Medium, new JsonObject { ["kind"] = "medium", ["id"] = "M-1" }, []);
            tx.PutComputed("M-1", [new ComputedQuantity("a.b", 1.0 / 3.0, "nm", "BJH"), new ComputedQuantity("a.a", 2e-300, "m", "x")]);
            tx.Commit();
        }

        var expected = Dye("D-1", "[Na+].[O-]S(=O)(=O)c1ccc(N=Nc2ccc(O)cc2)cc1");
        var stored = Store.GetDye("D-1")!;
        Assert.Equal(expected.ParentSmiles, stored.ParentSmiles);
        Assert.Equal(expected.ParentKey, stored.ParentKey);
        Assert.Equal(expected.RemovedFragments, stored.RemovedFragments);
        Assert.Equal(expected.RecordPickle, stored.RecordPickle);
        Assert.Equal(expected.PatternFingerprint, stored.PatternFingerprint);
        Assert.Equal(expected.MorganFingerprint, stored.MorganFingerprint);
        Assert.Equal(expected.Within, stored.Within);
        Assert.Equal(expected.FormulaStamp, stored.FormulaStamp);
        Assert.Equal(["D-1", "D-2"], Store.Dyes().Select(d => d.Id));
        Assert.Equal("D-1", Store.DyeWithParentKey(expected.ParentKey));
        Assert.Null(Store.DyeWithParentKey("no such key"));
        Assert.Equal([("a.a", 2e-300), ("a.b", 1.0 / 3.0)], Store.Computed("M-1").Select(q => (q.Field, q.Value)));
        Assert.All(Store.Computed("M-1"), q => Assert.Equal((ComputedQuantity.Computed, (double?)null, (double?)null, (string?)null), (q.Source, q.Low, q.High, q.Stamp)));
    }

    [Fact]
    public void Estimates_KeepTheirSourceIntervalAndStamp_AndAreReplacedWhole()
    {
        var estimate = new ComputedQuantity("water_solubility_g_per_100g", 0.25, "g/100 g water", "model m 1.0")
        {
            Source = ComputedQuantity.Estimated, Low = 0.004, High = 15.5, Stamp = "solubility model 1.0",
        };
        using (var tx = Store.Begin())
        {
            PutDyeRecord(tx, "D-1", DyeSmiles(1));
            tx.PutComputed("D-1", [estimate]);
            tx.Commit();
        }

        Assert.Equal([estimate], Store.Computed("D-1"));
        using (var tx = Store.Begin())
        {
            tx.PutComputed("D-1", []);
            tx.Commit();
        }

        Assert.Empty(Store.Computed("D-1"));
    }

    [Fact]
    public void ASecondDyeWithTheSameParent_IsRefusedByTheStore_UnlessItIsAFormOfTheFirst()
    {
        using (var tx = Store.Begin())
        {
            PutDyeRecord(tx, "D-1", "Oc1ccc(N=Nc2ccccc2)cc1");
            tx.Commit();
        }

        // The same parent drawn as the hydrazone tautomer, under another id, without looking first.
        using (var tx = Store.Begin())
        {
            var e = Assert.Throws<DuplicateParentException>(() => PutDyeRecord(tx, "D-2", "O=C1C=CC(=NNc2ccccc2)C=C1"));
            Assert.Equal("D-1", e.ExistingId);
        }

        Assert.Null(Store.Get("D-2"));
        using (var tx = Store.Begin())
        {
            PutDyeRecord(tx, "D-3", "[Na+].[O-]c1ccc(N=Nc2ccccc2)cc1", "D-1");
            tx.Commit();
        }

        Assert.Equal(["D-1", "D-3"], Store.Dyes().Select(d => d.Id));
    }

    [Fact]
    public void AnUpdateRequiringAnotherVersion_IsAnErrorNamingBoth_AndWritesNothing()
    {
        using (var tx = Store.Begin())
        {
            tx.Put("P-1", RecordKind.Polymer, Polymer("P-1", "v1"), []);
            tx.Commit();
        }

        using (var tx = Store.Begin())
        {
            tx.Put("P-1", RecordKind.Polymer, Polymer("P-1", "v2"), [], ifVersion: 1);
            tx.Commit();
        }

        using (var tx = Store.Begin())
        {
            var e = Assert.Throws<VersionConflictException>(() => tx.Put("P-1", RecordKind.Polymer, Polymer("P-1", "v3"), [], ifVersion: 1));
            Assert.Contains("version 2", e.Message, StringComparison.Ordinal);
            Assert.Contains("--if-version 1", e.Message, StringComparison.Ordinal);
        }

        Assert.Equal("v2", Store.Get("P-1")!.Document["name"]!.GetValue<string>());
        Assert.Equal(2, Store.History("P-1").Count);
    }

    [Fact]
    public void Searches_GiveWhatTheBridgeGivesOverEveryDye()
    {
        var smiles = Enumerable.Range(0, 30).Select(DyeSmiles)
            .Concat(["O=C1c2ccccc2C(=O)c2c1cccc2N", "Cc1ccc(S(=O)(=O)Nc2ccccc2)cc1", "c1ccccc1", "CCO"]).ToList();
        using (var tx = Store.Begin())
        {
            for (var i = 0; i < smiles.Count; i++)
            {
                PutDyeRecord(tx, $"D-{i:D3}", smiles[i]);
            }

            tx.Commit();
        }

        var search = new RegistrySearch(Store, Chemistry);
        var all = Store.Dyes().ToList();
        foreach (var smarts in new[] { "N=N", "c1ccccc1", "S(=O)(=O)N", "O=C1c2ccccc2C(=O)c2ccccc12", "[OX2][CH2][CH2][CH2][CH3]", "[#7;R]" })
        {
            using var query = QueryMolecule.FromSmarts(smarts);
            var expected = all.Where(d =>
            {
                using var mol = Molecule.FromSmiles(d.ParentSmiles);
                return mol.HasSubstructMatch(query);
            }).Select(d => d.Id).ToList();
            Assert.Equal(expected, search.Substructure(query).Select(h => h.Id));
            Assert.Subset(Store.SubstructureCandidates(smarts).Select(d => d.Id).ToHashSet(), expected.ToHashSet());
        }

        using var probe = Molecule.FromSmiles(DyeSmiles(3));
        using var probeParent = RegistrySearch.ParentOf(probe);
        var fp = probeParent.MorganFingerprint();
        foreach (var minimum in new[] { 0.0, 0.3, 0.7, 1.0 })
        {
            var expected = all.Select(d => (d.Id, T: fp.Tanimoto(Fingerprint.FromBytes(d.MorganFingerprint)))).Where(x => x.T >= minimum)
                .OrderByDescending(x => x.T).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
            var hits = search.Similar(probe, minimum);
            Assert.Equal(expected.Select(x => x.Id), hits.Select(h => h.Id));
            Assert.Equal(expected.Select(x => x.T), hits.Select(h => h.Similarity!.Value));
        }

        Assert.NotEmpty(search.Similar(probe, 0.7));
        foreach (var formula in Chemistry.Library.Formulas.Select(f => f.Formula.Id))
        {
            var expected = all.Where(d => d.Within.Contains(formula) || d.Within.Contains(DyeChemistry.UndeterminedPrefix + formula)).Select(d => d.Id);
            Assert.Equal(expected, search.WithinFormula(formula).Select(h => h.Id));
        }
    }

    [Fact]
    public void Substructure_QueriesWhoseFingerprintRdkitGetsWrong_StillFindEveryMatch()
    {
        // RDKit 2022.09's pattern fingerprint of [r6;#7] (an AND whose first test is not the
        // element) has bits that pyridine and methylene blue lack: a screen by it (ours, or the
        // cartridge's GiST index) found neither. Written the other way round, each query screens soundly.
        var smiles = new[] { "c1ccncc1", "CN(C)c1ccc2nc3ccc(=[N+](C)C)cc-3sc2c1.[Cl-]", "Nc1ccccc1", "CCCC", "C1CCNCC1", "O=C1c2ccccc2C(=O)c2c1cccc2N" };
        using (var tx = Store.Begin())
        {
            for (var i = 0; i < smiles.Length; i++)
            {
                PutDyeRecord(tx, $"Q-{i}", smiles[i]);
            }

            tx.Commit();
        }

        var search = new RegistrySearch(Store, Chemistry);
        var all = Store.Dyes().ToList();
        foreach (var (wrong, sound) in new[] { ("[r6;#7]", "[#7;r6]"), ("[H1;#7]", "[#7;H1]"), ("[a;#7]", "[#7;a]"), ("[X4&#6]", "[#6&X4]"), ("[R;N]", "[N;R]") })
        {
            using var query = QueryMolecule.FromSmarts(wrong);
            using var reordered = QueryMolecule.FromSmarts(sound);
            var expected = all.Where(d =>
            {
                using var mol = Molecule.FromSmiles(d.ParentSmiles);
                return mol.HasSubstructMatch(query);
            }).Select(d => d.Id).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, search.Substructure(query).Select(h => h.Id));
            Assert.Equal(expected, search.Substructure(reordered).Select(h => h.Id));
        }
    }

    [Fact]
    public void Searches_CompareStandardizedParents_SoAFreeAcidFindsItsSaltAndHydrate()
    {
        // Issue 22: methyl orange as the free acid scored 0.688 against its sodium salt as drawn.
        using (var tx = Store.Begin())
        {
            PutDyeRecord(tx, "MO-NA", "CN(C)c1ccc(N=Nc2ccc(S(=O)(=O)[O-])cc2)cc1.[Na+]");
            PutDyeRecord(tx, "MO-K", "CN(C)c1ccc(N=Nc2ccc(S(=O)(=O)[O-])cc2)cc1.[K+].O", "MO-NA");
            PutDyeRecord(tx, "OTHER", "O=C1c2ccccc2C(=O)c2c1cccc2N");
            tx.Commit();
        }

        var search = new RegistrySearch(Store, Chemistry);
        using var acid = Molecule.FromSmiles("CN(C)c1ccc(N=Nc2ccc(S(=O)(=O)O)cc2)cc1");
        var similar = search.Similar(acid, 0.7);
        Assert.Equal(["MO-K", "MO-NA"], similar.Select(h => h.Id));
        Assert.All(similar, h => Assert.Equal(1.0, h.Similarity));
        Assert.Equal(["MO-K", "MO-NA"], search.Exact(acid).Select(h => h.Id));
        using var sulfonicAcid = QueryMolecule.FromSmarts("S(=O)(=O)[OX2H1]");
        Assert.Equal(["MO-K", "MO-NA"], search.Substructure(sulfonicAcid).Select(h => h.Id));

        // Every hit shows the record as drawn and the parent that was compared.
        var salt = similar.Single(h => h.Id == "MO-NA");
        Assert.Contains("[Na+]", salt.Smiles, StringComparison.Ordinal);
        Assert.Equal(Store.GetDye("MO-NA")!.ParentSmiles, salt.Parent);
        Assert.DoesNotContain("Na", salt.Parent!, StringComparison.Ordinal);
    }

    [Fact]
    public void GetMany_ReadsTheRecordsThatExist_AsGetReadsThem()
    {
        // More than one query's worth of ids, with missing ones and repeats.
        using (var tx = Store.Begin())
        {
            for (var i = 0; i < 620; i++)
            {
                tx.Put($"P-{i:D4}", RecordKind.Polymer, Polymer($"P-{i:D4}", $"polymer {i}"), []);
            }

            tx.Commit();
        }

        string[] ids = [.. Enumerable.Range(0, 700).Select(i => $"P-{i:D4}"), "P-0003", "P-0600", "NO-SUCH"];
        var many = Store.GetMany(ids);
        Assert.Equal(Enumerable.Range(0, 620).Select(i => $"P-{i:D4}"), many.Select(r => r.Id).Order(StringComparer.Ordinal));
        foreach (var record in many.Where((_, i) => i % 97 == 0))
        {
            var one = Store.Get(record.Id)!;
            Assert.Equal(one.Version, record.Version);
            Assert.Equal(one.UpdatedUtc, record.UpdatedUtc);
            Assert.True(JsonNode.DeepEquals(one.Document, record.Document));
        }

        Assert.Empty(Store.GetMany([]));
        Assert.Empty(Store.GetMany(["NO-SUCH"]));
    }

    [Fact]
    public void AFormulaSearchWithManyHits_GivesEveryMemberWithItsRecord_InIdOrder_AndFollowsRewrittenMembership()
    {
        // More hits than the search reads together (RegistrySearch.HitBatch), members chosen by
        // the stored membership; the others keep theirs (none of this formula).
        var formula = Chemistry.Library.Formulas[0].Formula.Id;
        var stamp = Chemistry.Library.Stamp;
        var count = RegistrySearch.HitBatch + 40;
        using (var tx = Store.Begin())
        {
            for (var i = 0; i < count; i++)
            {
                var id = $"D-{i:D4}";
                tx.Put(id, RecordKind.Dye, new JsonObject { ["kind"] = "dye", ["id"] = id, ["smiles"] = DyeSmiles(i), ["name"] = $"dye {i}" }, []);
                tx.PutDye(Dye(id, DyeSmiles(i)));
                tx.UpdateWithin(id, i % 5 == 4 ? [] : i % 5 == 3 ? [DyeChemistry.UndeterminedPrefix + formula] : [formula, "other"], stamp);
            }

            tx.Commit();
        }

        var search = new RegistrySearch(Store, Chemistry);
        var hits = search.WithinFormula(formula);
        var members = Enumerable.Range(0, count).Where(i => i % 5 != 4).ToList();
        Assert.Equal(members.Select(i => $"D-{i:D4}"), hits.Select(h => h.Id));
        Assert.Equal(members.Select(i => $"dye {i}"), hits.Select(h => h.Name));
        Assert.Equal(members.Select(i => DyeSmiles(i)), hits.Select(h => h.Smiles));
        Assert.Equal(members.Count(i => i % 5 == 3), hits.Count(h => h.Verdict is not null));

        // Membership rewritten (as a formula search writes it after the files changed): the
        // search follows the new lists, never the old ones.
        using (var tx = Store.Begin())
        {
            tx.UpdateWithin("D-0000", [], stamp);
            tx.UpdateWithin("D-0004", [formula], stamp);
            tx.Commit();
        }

        var after = search.WithinFormula(formula).Select(h => h.Id).ToList();
        Assert.DoesNotContain("D-0000", after);
        Assert.Contains("D-0004", after);
        Assert.Equal(members.Count, after.Count);
        Assert.DoesNotContain("D-0000", Store.FormulaCandidates(formula, stamp).Select(d => d.Id));
    }

    [Fact]
    public void DyesWithMembershipFromOtherFormulaFiles_AreFoundAgain()
    {
        using (var tx = Store.Begin())
        {
            // A yellow azomethine dye of formulas.md (the first of samples/dyes.smi): within a formula.
            PutDyeRecord(tx, "D-1", "CC(C)(C)C(=O)C(=Nc1ccc(N(CC)CC)cc1C)C(=O)Nc1ccccc1Cl");
            tx.UpdateWithin("D-1", [], "old formula files");
            tx.Commit();
        }

        Assert.Empty(Store.GetDye("D-1")!.Within);
        var formula = Chemistry.Within(Store.GetDye("D-1")!).FirstOrDefault();
        Assert.NotNull(formula);
        Assert.Contains("D-1", Store.FormulaCandidates(formula, Chemistry.Library.Stamp).Select(d => d.Id));
        Assert.Equal(["D-1"], new RegistrySearch(Store, Chemistry).WithinFormula(formula).Select(h => h.Id));
        Assert.Equal(Chemistry.Library.Stamp, Store.GetDye("D-1")!.FormulaStamp);
    }

    [Fact]
    public void ADamagedDocument_IsReportedWithItsRecord_AndTheRestIsRead()
    {
        using (var tx = Store.Begin())
        {
            tx.Put("P-1", RecordKind.Polymer, Polymer("P-1", "one"), []);
            tx.Put("P-2", RecordKind.Polymer, Polymer("P-2", "two"), []);
            tx.Commit();
        }

        Fixture.DamageDocument("P-1");
        var scan = Store.Scan().ToList();
        Assert.Contains("checksum", scan.Single(s => s.Id == "P-1").Problem, StringComparison.Ordinal);
        Assert.NotNull(scan.Single(s => s.Id == "P-2").Record);
        Assert.Throws<RegistryException>(() => Store.Get("P-1"));
    }

    [Fact]
    public void TwoImportersOfOverlappingRecords_RegisterEachParentOnce_AndReportEveryDuplicate()
    {
        // A: D-00..D-29. B: E-00..E-14 (the structures of D-00..D-14 under other ids), then
        // D-15..D-29 (the same records as A's). Both start together, so they race on every pair.
        var folder = Directory.CreateTempSubdirectory("dyereg-race-").FullName;
        try
        {
            var a = Path.Combine(folder, "a.smi");
            var b = Path.Combine(folder, "b.smi");
            File.WriteAllLines(a, Enumerable.Range(0, 30).Select(i => $"{DyeSmiles(i)} D-{i:D2}"));
            File.WriteAllLines(b, Enumerable.Range(0, 15).Select(i => $"{DyeSmiles(i)} E-{i:D2}").Concat(Enumerable.Range(15, 15).Select(i => $"{DyeSmiles(i)} D-{i:D2}")));
            using var start = new Barrier(2);
            var outcomes = new IReadOnlyList<ImportOutcome>[2];
            var errors = new List<Exception>();
            var threads = new[] { a, b }.Select((file, n) => new Thread(() =>
            {
                try
                {
                    using var store = Fixture.Open(create: false);
                    var importer = new RegistryImporter(store, Chemistry);
                    var prepared = RecordReader.ReadStructures(file).Select(importer.Prepare).ToList();
                    start.SignalAndWait();
                    outcomes[n] = importer.Import(prepared, new ImportOptions());
                }
                catch (Exception e)
                {
                    lock (errors)
                    {
                        errors.Add(e);
                    }
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Assert.Empty(errors);
            var every = outcomes.SelectMany(o => o).ToList();
            Assert.DoesNotContain(every, o => o.Status == ImportStatus.Failed);
            Assert.Equal(30, every.Count(o => o.Status == ImportStatus.Created));
            Assert.Equal(15, every.Count(o => o.Status == ImportStatus.Duplicate));
            Assert.Equal(15, every.Count(o => o.Status == ImportStatus.Unchanged));
            var dyes = Store.Dyes().ToList();
            Assert.Equal(30, dyes.Count);
            Assert.Equal(30, dyes.Select(d => d.ParentKey).Distinct().Count());
            Assert.All(dyes, d => Assert.Single(Store.History(d.Id)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class SqliteStoreContract : StoreContract<SqliteFixture>;

public sealed class PostgresStoreContract : StoreContract<PostgresFixture>;
