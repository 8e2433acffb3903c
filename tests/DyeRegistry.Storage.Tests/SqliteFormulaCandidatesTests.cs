using System.Text.Json.Nodes;
using DyeRegistry.Markush;
using DyeRegistry.Registry;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Storage.Tests;

/// <summary>The SQLite store chooses a formula search's candidates in SQL from the stored
/// membership: fewer than every dye, and still every member, the undetermined ones and those
/// stored under other formula files (the contract suite checks the answers); and a text search's
/// from the stored document text; a substructure search's by the pattern fingerprint, in SQL.</summary>
public sealed class SqliteFormulaCandidatesTests : IDisposable
{
    private readonly SqliteFixture fixture = new();
    private readonly IRegistryStore store;
    private readonly FormulaLibrary library = FormulaLibrary.Load(FormulaLibrary.DefaultFolder());

    public SqliteFormulaCandidatesTests()
    {
        store = ((IStoreFixture)fixture).Open(create: true);
        var chemistry = new DyeChemistry(library);
        using var tx = store.Begin();
        for (var i = 0; i < 12; i++)
        {
            var smiles = StoreContract<SqliteFixture>.DyeSmiles(i);
            tx.Put($"D-{i:D2}", RecordKind.Dye, new JsonObject { ["kind"] = "dye", ["id"] = $"D-{i:D2}", ["smiles"] = smiles }, []);
            tx.PutDye(chemistry.Prepare($"D-{i:D2}", new JsonObject { ["smiles"] = smiles }).GetValueOrThrow());
        }

        tx.UpdateWithin("D-03", ["M-I"], library.Stamp);
        tx.UpdateWithin("D-04", [DyeChemistry.UndeterminedPrefix + "M-I"], library.Stamp);
        tx.UpdateWithin("D-05", ["Y-I"], "other formula files");
        tx.Commit();
    }

    public void Dispose()
    {
        store.Dispose();
        library.Dispose();
        fixture.Dispose();
    }

    [Fact]
    public void FormulaCandidates_AreTheMembersTheUndeterminedAndTheStale()
    {
        var expected = store.Dyes().Where(d => d.Within.Contains("M-I") || d.Within.Contains(DyeChemistry.UndeterminedPrefix + "M-I") || d.FormulaStamp != library.Stamp).Select(d => d.Id).ToList();
        Assert.Contains("D-03", expected);
        Assert.Contains("D-04", expected);
        Assert.Contains("D-05", expected);
        Assert.True(expected.Count < 12, "the test needs dyes that are not candidates");
        Assert.Equal(expected, store.FormulaCandidates("M-I", library.Stamp).Select(d => d.Id));
        Assert.Equal(12, store.FormulaCandidates("M-I", "newer formula files").Count());
    }

    [Fact]
    public void ARegistryOfSchema6_GetsItsMembershipTableFilledFromTheStoredLists()
    {
        // Back to what schema 6 held: no membership table, no stamp index.
        store.Dispose();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={fixture.Location};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "DROP TABLE dye_formulas; DROP INDEX dyes_by_formula_stamp; DELETE FROM schema_version; INSERT INTO schema_version VALUES (6);";
            cmd.ExecuteNonQuery();
        }

        using var migrated = ((IStoreFixture)fixture).Open(create: false);
        Assert.Equal(7, migrated.SchemaVersion);
        var candidates = migrated.FormulaCandidates("M-I", library.Stamp).Select(d => d.Id).ToList();
        Assert.Contains("D-03", candidates); // within
        Assert.Contains("D-04", candidates); // undetermined
        Assert.Contains("D-05", candidates); // stored with other formula files
        var expected = migrated.Dyes().Where(d => d.Within.Contains("M-I") || d.Within.Contains(DyeChemistry.UndeterminedPrefix + "M-I") || d.FormulaStamp != library.Stamp).Select(d => d.Id);
        Assert.Equal(expected, candidates);
    }

    [Fact]
    public void SubstructureCandidates_AreTheDyesWhoseFingerprintHoldsTheScreen()
    {
        var dyes = store.Dyes().ToList();
        var screen = dyes[3].PatternFingerprint; // every dye whose fingerprint holds all of D-03's bits
        var expected = dyes.Where(d => d.PatternFingerprint.Zip(screen).All(p => (p.Second & ~p.First) == 0)).Select(d => d.Id).ToList();
        Assert.Contains("D-03", expected);
        Assert.True(expected.Count < 12, "the test needs dyes the screen leaves out");
        Assert.Equal(expected, store.SubstructureCandidates("*", screen).Select(d => d.Id));
        Assert.Equal(12, store.SubstructureCandidates("*", new byte[screen.Length]).Count()); // an empty screen rules out nothing
        Assert.Equal(dyes[3].RecordPickle, store.SubstructureCandidates("*", screen).First(d => d.Id == "D-03").RecordPickle);
    }

    [Fact]
    public void TextCandidates_AreTheRecordsWhoseDocumentHasTheText_IgnoringCase()
    {
        Assert.Equal(["D-10", "D-11"], store.TextCandidates(RecordKind.Dye, "d-1").Select(r => r.Id));
        Assert.Empty(store.TextCandidates(RecordKind.Dye, "no such text"));
        // text JSON may store escaped: every record, for the caller to decide
        Assert.Equal(12, store.TextCandidates(RecordKind.Dye, "a+b").Count());
    }
}
