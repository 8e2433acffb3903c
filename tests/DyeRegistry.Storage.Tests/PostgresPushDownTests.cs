using System.Text.Json.Nodes;
using DyeRegistry.Markush;
using DyeRegistry.Registry;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Storage.Tests;

/// <summary>The PostgreSQL store narrows searches in the database (the cartridge's indexes, the
/// membership table): the candidates are fewer than every dye, and still hold every answer (the
/// contract suite checks the answers).</summary>
public sealed class PostgresPushDownTests : IDisposable
{
    private readonly PostgresFixture fixture = new();
    private readonly IRegistryStore store;
    private readonly FormulaLibrary library = FormulaLibrary.Load(FormulaLibrary.DefaultFolder());

    public PostgresPushDownTests()
    {
        store = ((IStoreFixture)fixture).Open(create: true);
        var chemistry = new DyeChemistry(library);
        using var tx = store.Begin();
        for (var i = 0; i < 40; i++)
        {
            var smiles = i == 39 ? "Cc1ccc(S(=O)(=O)Nc2ccccc2)cc1" : StoreContract<PostgresFixture>.DyeSmiles(i);
            tx.Put($"D-{i:D2}", RecordKind.Dye, new JsonObject { ["kind"] = "dye", ["id"] = $"D-{i:D2}", ["smiles"] = smiles }, []);
            tx.PutDye(chemistry.Prepare($"D-{i:D2}", new JsonObject { ["smiles"] = smiles }).GetValueOrThrow());
        }

        tx.Commit();
    }

    public void Dispose()
    {
        store.Dispose();
        library.Dispose();
        fixture.Dispose();
    }

    [Fact]
    public void SubstructureCandidates_ComeFromTheCartridge()
    {
        Assert.Equal(["D-39"], store.SubstructureCandidates("S(=O)(=O)N").Select(d => d.Id));
        Assert.Equal(40, store.SubstructureCandidates("N=N").Count() + 1);
        // A SMARTS the cartridge cannot read: every dye, for the bridge to decide.
        Assert.Equal(40, store.SubstructureCandidates("[$(").Count());
    }

    [Fact]
    public void SimilarityCandidates_ComeFromTheCartridge()
    {
        var fp = store.GetDye("D-39")!.MorganFingerprint;
        Assert.Equal(["D-39"], store.SimilarityCandidates(fp, 1.0).Select(d => d.Id));
        Assert.Equal(40, store.SimilarityCandidates(fp, 0.0).Count());
        Assert.InRange(store.SimilarityCandidates(store.GetDye("D-05")!.MorganFingerprint, 0.5).Count(), 2, 39);

        // The ranking's read: the same candidates, their ids and stored fingerprints only.
        foreach (var (probe, minimum) in new[] { ("D-39", 1.0), ("D-39", 0.0), ("D-05", 0.5) })
        {
            var bits = store.GetDye(probe)!.MorganFingerprint;
            var expected = store.SimilarityCandidates(bits, minimum).Select(d => (d.Id, Convert.ToHexString(d.MorganFingerprint))).ToList();
            Assert.Equal(expected, store.SimilarityFingerprints(bits, minimum).Select(x => (x.Id, Convert.ToHexString(x.MorganFingerprint))));
        }
    }

    [Fact]
    public void FormulaCandidates_ComeFromTheMembershipTable()
    {
        var stamp = library.Stamp;
        Assert.Empty(store.FormulaCandidates("no such formula", stamp));
        Assert.Equal(40, store.FormulaCandidates("no such formula", "other formula files").Count());
    }
}
