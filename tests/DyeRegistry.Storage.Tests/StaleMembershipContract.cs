using System.Text.Json.Nodes;
using DyeRegistry.Markush;
using DyeRegistry.Registry;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Storage.Tests;

/// <summary>
/// A formula search after the formula files changed (every dye stored under another stamp):
/// the memberships it recomputes are written a page at a time before any hit that follows them
/// is handed out (never held until the walk ends, never lost when the walk stops early), what it
/// holds is one page, and the stored memberships and the hits then equal a fresh computation.
/// Both stores: one suite, two fixtures.
/// </summary>
public abstract class StaleMembershipContract<TFixture> : IDisposable
    where TFixture : IStoreFixture, new()
{
    private const int Dyes = 40;
    private const int Page = 6;

    // What a walk holds besides its page: the dye in hand and a few the collector has not reached.
    private const int Bound = 25;

    private static readonly Lazy<DyeChemistry> SharedChemistry = new(() => new DyeChemistry(FormulaLibrary.Load(FormulaLibrary.DefaultFolder())));

    private readonly TFixture fixture = new();
    private readonly IRegistryStore store;
    private readonly Dictionary<string, IReadOnlyList<string>> fresh = new(StringComparer.Ordinal);

    protected StaleMembershipContract()
    {
        store = fixture.Open(create: true);
        var chemistry = SharedChemistry.Value;
        using var tx = store.Begin();
        for (var i = 0; i < Dyes; i++)
        {
            var id = $"D-{i:D3}";
            var document = new JsonObject { ["kind"] = "dye", ["id"] = id, ["smiles"] = Smiles(i) };
            var dye = chemistry.Prepare(id, document).GetValueOrThrow();
            fresh[id] = dye.Within;
            tx.Put(id, RecordKind.Dye, document, []);
            tx.PutDye(dye);
        }

        tx.Commit();
    }

    // Every other dye an azomethine of formula (I) (docs/formulas.md's first example, one
    // N-alkyl lengthened), the others azo dyes outside every formula.
    private static string Smiles(int i) => i % 2 == 0
        ? $"CC(C)(C)C(=O)C(=Nc1ccc(N({new string('C', 1 + (i / 2))})CC)cc1C)C(=O)Nc1ccccc1Cl"
        : StoreContract<TFixture>.DyeSmiles(i);

    public void Dispose()
    {
        store.Dispose();
        fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    // As a change of the formula files leaves them: every dye's membership from other files, and wrong.
    private void MakeEveryMembershipStale()
    {
        using var tx = store.Begin();
        foreach (var id in fresh.Keys)
        {
            tx.UpdateWithin(id, ["Y-I", "M-I", "I"], "older formula files");
        }

        tx.Commit();
    }

    [Fact]
    public void StaleMemberships_AreWrittenInPagesAsTheSearchGoes_AndEqualAFreshComputation()
    {
        var chemistry = SharedChemistry.Value;
        var stamp = chemistry.Library.Stamp;
        var members = fresh.Where(f => f.Value.Contains("I")).Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        Assert.True(members.Count >= 10 && members.Count < Dyes, $"the test needs members and others of (I): {members.Count} of {Dyes}");

        foreach (var formula in chemistry.Library.Formulas.Select(f => f.Formula.Id))
        {
            MakeEveryMembershipStale();
            var held = new HeldRows();
            var search = new RegistrySearch(new WatchedStore(store, held), chemistry);
            var hits = new List<string>();
            foreach (var hit in search.FormulaHits(formula, Page))
            {
                hits.Add(hit.Id);

                // Written before the hit is handed out: every dye up to it is stored with today's files.
                var behind = store.Dyes().TakeWhile(d => string.CompareOrdinal(d.Id, hit.Id) <= 0).Where(d => d.FormulaStamp != stamp).Select(d => d.Id).ToList();
                Assert.True(behind.Count == 0, $"{formula}: hit {hit.Id} handed out while {string.Join(", ", behind)} still had the old membership");
                held.Check();
            }

            held.Check();
            Assert.Equal(fresh.Where(f => f.Value.Contains(formula)).Select(f => f.Key).Order(StringComparer.Ordinal), hits);
            Assert.All(store.Dyes(), d =>
            {
                Assert.Equal(stamp, d.FormulaStamp);
                Assert.Equal(fresh[d.Id], d.Within);
            });
            Assert.True(held.Handed >= Dyes, $"{formula}: {held.Handed} dyes handed out");
            Assert.InRange(held.MostHeld, 0, Bound + Page);
        }

        // (I) has hits here, so the loop above saw the invariant at work.
        Assert.Equal(members, new RegistrySearch(store, chemistry).FormulaHits("I").Select(h => h.Id));
    }

    [Fact]
    public void ASearchStoppedAtItsFirstHit_KeepsThePagesItWrote()
    {
        var chemistry = SharedChemistry.Value;
        MakeEveryMembershipStale();
        var first = new RegistrySearch(store, chemistry).FormulaHits("I", Page).First();
        Assert.Equal(fresh.Where(f => f.Value.Contains("I")).Select(f => f.Key).Order(StringComparer.Ordinal).First(), first.Id);
        var written = store.Dyes().Where(d => d.FormulaStamp == chemistry.Library.Stamp).ToList();
        Assert.Contains(written, d => d.Id == first.Id);
        Assert.All(written, d => Assert.Equal(fresh[d.Id], d.Within));
    }

    [Fact]
    public void AMembershipComputedFromAnotherStructure_OrOnADyeRegisteredAgain_IsNotWritten()
    {
        var chemistry = SharedChemistry.Value;
        var stamp = chemistry.Library.Stamp;
        var dye = store.GetDye("D-000")!;
        var other = store.GetDye("D-001")!;
        using (var tx = store.Begin())
        {
            // Registered again meanwhile with today's files: a search's late write changes nothing.
            tx.UpdateWithin("D-000", ["Y-I"], stamp, dye.RecordPickle);
            // Computed from a structure the dye no longer has: nothing either.
            tx.UpdateWithin("D-002", ["Y-I"], "newer formula files", other.RecordPickle);
            tx.Commit();
        }

        foreach (var id in new[] { "D-000", "D-002" })
        {
            Assert.Equal(stamp, store.GetDye(id)!.FormulaStamp);
            Assert.Equal(fresh[id], store.GetDye(id)!.Within);
        }

        Assert.Contains("D-002", store.FormulaCandidates("I", stamp).Select(d => d.Id));

        // Stale, and computed from the structure it has: written (PostgreSQL's membership table too:
        // D-002 is not within (Y-I), so only its new membership makes it a candidate of it).
        using (var tx = store.Begin())
        {
            tx.UpdateWithin("D-002", [], "older formula files");
            tx.Commit();
        }

        var pickle = store.GetDye("D-002")!.RecordPickle;
        using (var tx = store.Begin())
        {
            tx.UpdateWithin("D-002", ["Y-I"], stamp, pickle);
            tx.Commit();
        }

        Assert.Equal(stamp, store.GetDye("D-002")!.FormulaStamp);
        Assert.Equal(["Y-I"], store.GetDye("D-002")!.Within);
        Assert.DoesNotContain("Y-I", fresh["D-002"]);
        Assert.Contains("D-002", store.FormulaCandidates("Y-I", stamp).Select(d => d.Id));
    }
}

public sealed class SqliteStaleMembershipContract : StaleMembershipContract<SqliteFixture>;

public sealed class PostgresStaleMembershipContract : StaleMembershipContract<PostgresFixture>;
