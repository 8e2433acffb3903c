using DyeRegistry.Chemistry;
using DyeRegistry.Markush;
using DyeRegistry.Registry;

namespace DyeRegistry.Storage.Tests;

/// <summary>
/// A registry written before the duplicate key stopped enumerating tautomers holds each dye's
/// canonical tautomer as its parent and RDKit's HetAtomTautomer hash of it as its key. The
/// migration is <c>dyereg check --fix</c> (<see cref="StaleParentKeys"/>): it finds every such dye,
/// rewrites parent and key, and afterwards the store's unique parent key refuses another drawing
/// of a migrated dye, on both stores.
/// </summary>
public sealed class DuplicateKeyMigrationTests
{
    // The older rule, as it was: the registry's steps plus the canonical tautomer by heteroatom H
    // shifts (at most 64 tautomers), keyed by RDKit's hash alone.
    private static readonly StandardizationOptions OlderRule = DyeChemistry.Standardization with
    {
        CanonicalTautomer = true,
        HeteroatomTautomersOnly = true,
        MaxTautomers = 64,
    };

    private static readonly (string Id, string Smiles)[] Dyes =
    [
        // drawn as the hydrazone: the older parent was another tautomer
        ("D-HYDRAZONE", "O=C1C=Cc2ccccc2C1=NNc1ccc([N+](=O)[O-])cc1O"),
        // two parts joined by CH2: today's key carries the region layer
        ("D-REDOX", "Oc1ccc(O)c(C)c1CC1=CC(=O)C=CC1=O"),
        ("D-SALT", "[Na+].O=S(=O)([O-])c1ccc(N=Nc2c(O)ccc3ccccc23)cc1"),
    ];

    [Fact]
    public void Sqlite_OlderKeysAreFoundRewrittenAndThenDecideDuplicates() => Migrate(new SqliteFixture());

    [Fact]
    public void Postgres_OlderKeysAreFoundRewrittenAndThenDecideDuplicates() => Migrate(new PostgresFixture());

    private static void Migrate(IStoreFixture fixture)
    {
        using var f = fixture;
        using var library = FormulaLibrary.Load(FormulaLibrary.DefaultFolder());
        var chemistry = new DyeChemistry(library);
        using (var store = fixture.Open(create: true))
        {
            var importer = new RegistryImporter(store, chemistry);
            var prepared = Dyes.Select(d => importer.Prepare(new RecordInput("dyes.smi", "line 1", new System.Text.Json.Nodes.JsonObject { ["kind"] = "dye", ["id"] = d.Id, ["smiles"] = d.Smiles }))).ToList();
            Assert.All(importer.Import(prepared, new ImportOptions()), o => Assert.Equal(ImportStatus.Created, o.Status));
            var today = store.Dyes().ToDictionary(d => d.Id);

            // Write what the older rule stored.
            using (var tx = store.Begin())
            {
                foreach (var (id, smiles) in Dyes)
                {
                    using var record = Molecule.FromSmiles(smiles);
                    using var older = record.Standardize(OlderRule).Parent;
                    tx.PutDye(today[id] with { ParentSmiles = older.ToSmiles(), ParentKey = older.Hash(MolHashFunction.HetAtomTautomer) });
                }

                tx.Commit();
            }

            // Stale: the hydrazone drawing (the older parent was the canonical tautomer) and the
            // redox dye (the key gained its region layer). The salt's canonical tautomer is its
            // drawn form and its key has no region layer: unchanged, not stale.
            var keys = new StaleParentKeys(store, chemistry);
            var stale = keys.Find();
            Assert.Equal(["D-HYDRAZONE", "D-REDOX"], stale.Select(s => s.Id).Order(StringComparer.Ordinal));
            Assert.All(stale, s => Assert.Null(s.SameParentAs));
            Assert.Equal(2, keys.Rewrite(stale).Count);
            Assert.Empty(keys.Find());
            foreach (var (id, smiles) in Dyes)
            {
                using var record = Molecule.FromSmiles(smiles);
                Assert.Equal(DyeChemistry.DuplicateKey(record), store.GetDye(id)!.ParentKey);
                Assert.Equal(today[id].ParentSmiles, store.GetDye(id)!.ParentSmiles);
            }

            // The azo drawing of the first dye is refused by the migrated key.
            var azo = importer.Prepare(new RecordInput("more.smi", "line 1", new System.Text.Json.Nodes.JsonObject { ["kind"] = "dye", ["id"] = "D-AZO", ["smiles"] = "Oc1ccc2ccccc2c1N=Nc1ccc([N+](=O)[O-])cc1O" }));
            var outcome = Assert.Single(importer.Import([azo], new ImportOptions()));
            Assert.Equal(ImportStatus.Duplicate, outcome.Status);
            Assert.Contains("D-HYDRAZONE", outcome.Message, StringComparison.Ordinal);
        }
    }
}
