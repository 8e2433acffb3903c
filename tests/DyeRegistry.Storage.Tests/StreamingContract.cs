using System.Text.Json.Nodes;
using DyeRegistry.Application.Records;
using DyeRegistry.Application.Searching;
using DyeRegistry.Chemistry;
using DyeRegistry.Markush;
using DyeRegistry.Registry;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Storage.Tests;

/// <summary>
/// Memory stays bounded whatever the registry size: the store's walks (records, scans, history)
/// hand out rows as they are read, and the callers that walk the whole registry (export in each
/// format, migrate, check) keep none of them after use. Counted with <see cref="HeldRows"/>: a
/// walk that materialized the table would hold every row at once.
/// </summary>
public abstract class StreamingContract<TFixture> : IDisposable
    where TFixture : IStoreFixture, new()
{
    private const int Rows = 600;

    // Far fewer than the rows: what a streamed walk holds is the one in hand (and a few the
    // garbage collector has not yet reached), never a share of the table.
    private const int Bound = 25;

    private static readonly Lazy<DyeChemistry> SharedChemistry = new(() => new DyeChemistry(FormulaLibrary.Load(FormulaLibrary.DefaultFolder())));

    private readonly TFixture fixture = new();
    private readonly IRegistryStore store;

    protected StreamingContract()
    {
        store = fixture.Open(create: true);
        using var tx = store.Begin();
        for (var i = 0; i < Rows; i++)
        {
            var id = $"P-{i:D4}";
            tx.Put(id, RecordKind.Polymer, WatchedStore.Polymer(id), []);
        }

        // Dyes too (export writes their structures; migrate copies them).
        for (var i = 0; i < 60; i++)
        {
            var id = $"D-{i:D3}";
            var smiles = StoreContract<TFixture>.DyeSmiles(i);
            tx.Put(id, RecordKind.Dye, new JsonObject { ["kind"] = "dye", ["id"] = id, ["smiles"] = smiles }, []);
            tx.PutDye(SharedChemistry.Value.Prepare(id, new JsonObject { ["kind"] = "dye", ["id"] = id, ["smiles"] = smiles }).GetValueOrThrow());
        }

        tx.Commit();
    }

    public void Dispose()
    {
        store.Dispose();
        fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void TheStoresWalks_HandOutRowsAsTheyAreRead()
    {
        Walk(store.Records(), r => [r.Document]);
        Walk(store.Records(RecordKind.Polymer), r => [r.Document]);
        Walk(store.Scan(), s => [s.Record, s.Record?.Document]);
        Walk(store.Scan(RecordKind.Polymer), s => [s.Record, s.Record?.Document]);
        Walk(store.AllHistory(), _ => []);
        Assert.Equal(Rows + 60, store.HistoryCount());

        // The count sees a walk that holds its rows: a listing keeps every one.
        var listing = new HeldRows();
        var all = store.List();
        _ = listing.Watch(all, r => [r.Document], every: 50).Count();
        listing.Check();
        Assert.True(listing.MostHeld >= Rows, $"a listing held {listing.MostHeld} rows");
        GC.KeepAlive(all);
        Assert.Equal(Rows + 60, store.Records().Count());

        // Stopping early ends the read (the connection goes back; the next walk starts afresh).
        Assert.Equal(["D-000", "D-001"], store.Records().Take(2).Select(r => r.Id));
        Assert.True(store.Records(RecordKind.Ink).Any() is false);
    }

    [Fact]
    public void Export_HoldsOneRecordAtATime_InEveryFormat()
    {
        var held = new HeldRows();
        var watched = new WatchedStore(store, held);
        var editor = new RegistryEditor(watched);
        var json = new StringWriter();
        RecordExport.WriteJson(json, editor.ExportOrder().Select(s => (JsonNode?)s.Record!.Document));
        RecordExport.WriteCsv(TextWriter.Null, watched, () => editor.ExportOrder().Select(s => (JsonNode?)s.Record!.Document));
        RecordExport.WriteSdf(TextWriter.Null, watched, editor.ExportOrder(RecordKind.Dye).Select(s => (JsonNode?)s.Record!.Document));
        Assert.True(held.Handed > 3 * Rows, $"{held.Handed} rows handed out");
        Assert.InRange(held.MostHeld, 0, Bound);

        // The streamed JSON is the array the registry's export has always printed.
        Assert.Equal(editor.Export().ToJsonString(Application.Rendering.JsonText.Pretty) + Environment.NewLine, json.ToString());
    }

    [Fact]
    public void MigrateAndCheck_HoldOneRecordAtATime()
    {
        var held = new HeldRows();
        var watched = new WatchedStore(store, held);
        using var targetFixture = new TFixture();
        using var target = targetFixture.Open(create: true);
        var (records, history) = new RegistryCopier(watched, target).Copy();
        Assert.Equal((Rows + 60, Rows + 60), (records, history));
        _ = new RegistryChecker(watched).Check().ToList();
        Assert.True(held.Handed > 3 * Rows, $"{held.Handed} rows handed out");
        Assert.InRange(held.MostHeld, 0, Bound);
        Assert.Equal(store.Records().Select(r => (r.Id, r.Version)), target.Records().Select(r => (r.Id, r.Version)));
    }

    [Fact]
    public void Searches_HandOutHitsAsTheyAreFound_HoldingNone()
    {
        var held = new HeldRows();
        var watched = new WatchedStore(store, held);
        var chemistry = SharedChemistry.Value;

        // Benzene is in every dye, and a similarity of at least 0 takes every dye: 60 hits each,
        // through the command line's and the API's path (DyeSearch.Stream), read one at a time.
        foreach (var query in new[] { new DyeSearchQuery("c1ccccc1", null, null), new DyeSearchQuery(null, null, StoreContract<TFixture>.DyeSmiles(3)) { MinTanimoto = 0.0 } })
        {
            var hits = new HeldRows();
            var stream = DyeSearch.Stream(watched, chemistry, query);
            var count = hits.Watch(stream.Hits, every: 5).Count();
            hits.Check();
            Assert.Equal(60, count);
            Assert.True(stream.Complete);
            // A substructure search confirms its candidates a batch at a time (on every core).
            Assert.InRange(hits.MostHeld, 0, Bound + RegistrySearch.ConfirmBatch);
        }

        // The exact and formula searches stream their candidates and hits too.
        var search = new RegistrySearch(watched, chemistry);
        using (var probe = Molecule.FromSmiles(StoreContract<TFixture>.DyeSmiles(5)))
        {
            Assert.Equal(["D-005"], search.ExactHits(probe).Select(h => h.Id));
        }

        foreach (var formula in chemistry.Library.Formulas.Select(f => f.Formula.Id))
        {
            _ = search.FormulaHits(formula).Count();
        }

        Assert.True(held.Handed >= 120, $"{held.Handed} candidates handed out");
        Assert.InRange(held.MostHeld, 0, Bound + RegistrySearch.ConfirmBatch);

        // The count sees a search that holds its hits: the listed answer keeps every one.
        var listed = new HeldRows();
        using var benzene = QueryMolecule.ParseSmarts("c1ccccc1", QueryLimits.Default).GetValueOrThrow();
        var all = search.Substructure(benzene);
        _ = listed.Watch(all, every: 5).Count();
        listed.Check();
        Assert.True(listed.MostHeld >= 60, $"a listed search held {listed.MostHeld} hits");
        GC.KeepAlive(all);
    }

    private static void Walk<T>(IEnumerable<T> rows, Func<T, IEnumerable<object?>> parts)
        where T : class
    {
        var held = new HeldRows();
        var count = held.Watch(rows, parts, every: 50).Count();
        held.Check();
        Assert.True(count >= Rows, $"{count} rows");
        Assert.InRange(held.MostHeld, 0, Bound);
    }
}

public sealed class SqliteStreamingContract : StreamingContract<SqliteFixture>;

public sealed class PostgresStreamingContract : StreamingContract<PostgresFixture>;
