using DyeRegistry.Chemistry;
using DyeRegistry.Markush;
using DyeRegistry.Registry;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Storage.Tests;

/// <summary>
/// The real catalogue (its first 3,000 records, to keep the run short; the whole file is the
/// manual check in the note) imported into both stores: the same records, the same duplicates,
/// the same answers to formula, SMARTS and similarity searches.
/// </summary>
[Trait("Category", "Validation")]
public sealed class PostgresCatalogueValidation : IDisposable
{
    private const int Records = 3000;
    private readonly SqliteFixture sqlite = new();
    private readonly PostgresFixture postgres = new();

    public void Dispose()
    {
        sqlite.Dispose();
        postgres.Dispose();
    }

    [ValidationFact]
    public void Catalogue_GivesTheSameRecordsDuplicatesAndSearchesInBothStores()
    {
        using var library = FormulaLibrary.Load(FormulaLibrary.DefaultFolder());
        var chemistry = new DyeChemistry(library);
        using var a = ((IStoreFixture)sqlite).Open(create: true);
        using var b = ((IStoreFixture)postgres).Open(create: true);
        var prepared = RecordReader.ReadStructures(SharedData.Catalogue).Take(Records).Select(new RegistryImporter(a, chemistry).Prepare).ToList();
        var outcomes = new[] { a, b }.Select(store => new RegistryImporter(store, chemistry).Import(prepared, new ImportOptions())
            .Select(o => $"{o.Input.Where}\t{o.Status}\t{o.Message}").ToList()).ToList();
        Assert.Equal(outcomes[0], outcomes[1]);
        Assert.Contains(outcomes[0], o => o.Contains("\tDuplicate\t", StringComparison.Ordinal));
        Assert.Equal(new RegistryEditor(a).Export().ToJsonString(), new RegistryEditor(b).Export().ToJsonString());

        var searches = new[] { a, b }.Select(store => new RegistrySearch(store, chemistry)).ToList();
        foreach (var formula in library.Formulas.Select(f => f.Formula.Id))
        {
            Assert.Equal(Ids(searches[0].WithinFormula(formula)), Ids(searches[1].WithinFormula(formula)));
        }

        // Azo (two ways), sulfonamide, anthraquinone, an isoindole unit of phthalocyanines, a substituted core (sulfanilic acid), benzene.
        foreach (var smarts in new[] { "c/N=N/c", "[#6]N=N[#6]", "S(=O)(=O)[NX3]", "O=C1c2ccccc2C(=O)c2ccccc12", "[#6]1=[#7][#6]=,:[#6]2[#6]=,:[#6][#6]=,:[#6][#6]=,:[#6]12", "Nc1ccc(S(=O)(=O)O)cc1", "c1ccccc1" })
        {
            using var query = QueryMolecule.FromSmarts(smarts);
            Assert.Equal(Ids(searches[0].Substructure(query)), Ids(searches[1].Substructure(query)));
        }

        foreach (var probe in a.Dyes().Take(20))
        {
            using var mol = Molecule.ParsePickle(probe.RecordPickle).GetValueOrThrow();
            var expected = searches[0].Similar(mol, 0.7);
            var actual = searches[1].Similar(mol, 0.7);
            Assert.Equal(expected.Select(h => (h.Id, h.Similarity)), actual.Select(h => (h.Id, h.Similarity)));
        }
    }

    private static List<string> Ids(IEnumerable<SearchHit> hits) => hits.Select(h => h.Id).ToList();
}
