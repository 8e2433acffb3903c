using System.Text.Json.Nodes;
using DyeRegistry.Chemistry;
using DyeRegistry.Markush;
using DyeRegistry.Registry;
using DyeRegistry.Storage.Accounts;
using DyeRegistry.Storage.Charts;
using DyeRegistry.Storage.Records;
using DyeRegistry.Storage.Stores;

namespace DyeRegistry.Storage.Tests;

/// <summary>
/// The service's storage on every store: accounts, the audit of changes (written in the change's
/// own transaction: both stored or neither), issued claim charts read back exactly, and a required
/// version (If-Match, --if-version) decided by the store inside the write's transaction, so two
/// processes on one registry cannot both win.
/// </summary>
public abstract class AccountStoreContract<TFixture> : IDisposable
    where TFixture : IStoreFixture, new()
{
    private static readonly Lazy<DyeChemistry> SharedChemistry = new(() => new DyeChemistry(FormulaLibrary.Load(FormulaLibrary.DefaultFolder())));

    private readonly TFixture fixture = new();
    private readonly IRegistryStore store;

    protected AccountStoreContract() => store = fixture.Open(create: true);

    public void Dispose()
    {
        store.Dispose();
        fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    private static JsonObject Polymer(string id, string name) => new() { ["kind"] = "polymer", ["id"] = id, ["name"] = name };

    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 12, 7, 8, 30, 15, TimeSpan.Zero).AddTicks(1234);

    [Fact]
    public void Accounts_AreAddedFoundUpdatedAndListed()
    {
        using var accounts = RegistryStores.OpenAccounts(fixture.Location);
        var anna = new Account("anna", "chemist", "hash-a", "pw-a", 0, null, null, At);
        accounts.Add(anna);
        accounts.Add(new Account("Ben", "admin", "hash-b", null, 0, null, null, At.AddHours(1)));
        Assert.Equal(anna, accounts.Find("anna"));
        Assert.Equal("Ben", accounts.FindByTokenHash("hash-b")!.Name);
        Assert.Null(accounts.Find("nobody"));
        Assert.Equal(["Ben", "anna"], accounts.List().Select(a => a.Name));
        var e = Assert.Throws<RegistryException>(() => accounts.Add(anna with { TokenHash = "other" }));
        Assert.Contains("exists already", e.Message, StringComparison.Ordinal);

        var locked = anna with { FailedLogins = 5, LockedUntilUtc = At.AddMinutes(15), RevokedUtc = At.AddDays(1) };
        accounts.Update(locked);
        using var again = RegistryStores.OpenAccounts(fixture.Location);
        Assert.Equal(locked, again.Find("anna"));
        Assert.Throws<RegistryException>(() => again.Update(anna with { Name = "nobody" }));
    }

    [Fact]
    public void IssuedCharts_ReadBackExactly_AndAreListedUnderTheirInkAndMedium()
    {
        ChartSnapshot first, alone;
        using (var charts = RegistryStores.OpenChartSnapshots(fixture.Location))
        {
            first = charts.Add(new ChartSnapshot(0, "MED-1", "INK-M1", ["MED-1@1", "INK-M1@2", "M-101@1"], "anna", At, "for counsel <b>", "<h1>chart</h1>\n", "{\"a\":1}"));
            charts.Add(new ChartSnapshot(0, "MED-1", "INK-M1", ["MED-1@2"], "ben", At.AddHours(1), string.Empty, "<h1>second</h1>", "{}"));
            alone = charts.Add(new ChartSnapshot(0, "MED-1", null, ["MED-1@1"], "anna", At, string.Empty, "<h1>alone</h1>", "{}"));
        }

        using (var charts = RegistryStores.OpenChartSnapshots(fixture.Location))
        {
            var read = charts.Get(first.Number)!;
            Assert.Equal(("MED-1", "INK-M1", "anna", At, "for counsel <b>", "<h1>chart</h1>\n", "{\"a\":1}"), (read.MediumId, read.InkId, read.IssuedBy, read.IssuedUtc, read.Note, read.Html, read.Json));
            Assert.Equal(["MED-1@1", "INK-M1@2", "M-101@1"], read.Versions);
            var listed = charts.List("MED-1", "INK-M1");
            Assert.Equal(["ben", "anna"], listed.Select(s => s.IssuedBy));
            Assert.All(listed, s => Assert.Equal(string.Empty, s.Html));
            Assert.Equal([alone.Number], charts.List("MED-1", null).Select(s => s.Number));
            Assert.Equal(3, charts.List().Count);
            Assert.Null(charts.Get(9999));
        }
    }

    [Fact]
    public void AnAuditEntry_IsStoredWithItsChange_AndFilteredByRecordUserAndTime()
    {
        using (var tx = store.Begin())
        {
            tx.Put("P-1", RecordKind.Polymer, Polymer("P-1", "one"), []);
            tx.AddAudit(new AuditEntry(0, "P-1", 1, "created", "anna", "req-1", At));
            tx.Put("P-2", RecordKind.Polymer, Polymer("P-2", "two"), []);
            tx.AddAudit(new AuditEntry(0, "P-2", 1, "created", "ben", "req-2", At.AddHours(2), "a reason"));
            tx.Commit();
        }

        using var accounts = RegistryStores.OpenAccounts(fixture.Location);
        accounts.AddAudit(new AuditEntry(0, "P-1", 1, "updated", "anna", "req-3", At.AddHours(3)));
        var all = accounts.Audit(new AuditFilter());
        Assert.Equal(["req-1", "req-2", "req-3"], all.Select(e => e.RequestId));
        Assert.Equal(new AuditEntry(all[1].Sequence, "P-2", 1, "created", "ben", "req-2", At.AddHours(2), "a reason"), all[1]);
        Assert.Equal(["req-1", "req-3"], accounts.Audit(new AuditFilter(RecordId: "P-1")).Select(e => e.RequestId));
        Assert.Equal(["req-2"], accounts.Audit(new AuditFilter(User: "ben")).Select(e => e.RequestId));
        Assert.Equal(["req-2", "req-3"], accounts.Audit(new AuditFilter(FromUtc: At.AddHours(1))).Select(e => e.RequestId));
        Assert.Equal(["req-1"], accounts.Audit(new AuditFilter(ToUtc: At.AddHours(1))).Select(e => e.RequestId));
        Assert.Equal(["req-1"], accounts.Audit(new AuditFilter(Limit: 1)).Select(e => e.RequestId));
    }

    [Fact]
    public void AFailureAfterTheRecordIsWritten_LeavesNeitherTheRecordNorItsAudit()
    {
        // The audit entry cannot be stored (no user): the change it records goes with it.
        Assert.Throws<RegistryException>(() =>
        {
            using var tx = store.Begin();
            tx.Put("P-1", RecordKind.Polymer, Polymer("P-1", "one"), []);
            tx.AddAudit(new AuditEntry(0, "P-1", 1, "created", null!, "req-1", At));
            tx.Commit();
        });

        // A failure of the caller after both were written, before the commit.
        using (var tx = store.Begin())
        {
            tx.Put("P-2", RecordKind.Polymer, Polymer("P-2", "two"), []);
            tx.AddAudit(new AuditEntry(0, "P-2", 1, "created", "anna", "req-2", At));
        }

        Assert.Null(store.Get("P-1"));
        Assert.Null(store.Get("P-2"));
        using var accounts = RegistryStores.OpenAccounts(fixture.Location);
        Assert.Empty(accounts.Audit(new AuditFilter()));

        // Through the importer and the editor, as the service writes: record and audit together.
        var importer = new RegistryImporter(store, SharedChemistry.Value);
        var input = new RecordInput("request body", "record", Polymer("P-3", "three"));
        var outcome = importer.Import([importer.Prepare(input)], new ImportOptions { Audit = new ChangeAudit("anna", "req-3") })[0];
        Assert.Equal(ImportStatus.Created, outcome.Status);
        new RegistryEditor(store).Delete("P-3", new ChangeAudit("ben", "req-4"));
        Assert.Equal([("P-3", 1, "created", "anna"), ("P-3", 1, "deleted", "ben")],
            accounts.Audit(new AuditFilter()).Select(e => (e.RecordId, e.Version, e.Change, e.User)));
    }

    [Fact]
    public void TwoWritersRequiringTheVersionTheyRead_OneWins_TheOtherIsRefusedWithNothingWritten()
    {
        using (var tx = store.Begin())
        {
            tx.Put("P-1", RecordKind.Polymer, Polymer("P-1", "v1"), []);
            tx.Commit();
        }

        // Two stores opened apart, as two server processes have: both read version 1, then both
        // replace it requiring version 1 at the same moment, many times over.
        for (var round = 0; round < 10; round++)
        {
            var version = store.Get("P-1")!.Version;
            using var start = new Barrier(2);
            var outcomes = new ImportOutcome[2];
            var threads = Enumerable.Range(0, 2).Select(n => new Thread(() =>
            {
                using var writer = fixture.Open(create: false);
                var importer = new RegistryImporter(writer, SharedChemistry.Value);
                var prepared = importer.Prepare(new RecordInput("request body", "record", Polymer("P-1", $"round {round} writer {n}")));
                _ = writer.Get("P-1");
                start.SignalAndWait();
                outcomes[n] = importer.Import([prepared], new ImportOptions { Update = true, IfVersion = version, Audit = new ChangeAudit($"writer{n}", $"req-{round}-{n}") })[0];
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.Single(outcomes, o => o.Status == ImportStatus.Updated);
            var refused = Assert.Single(outcomes, o => o.Status == ImportStatus.Failed);
            Assert.True(refused.VersionConflict, refused.Message);
            Assert.Contains($"version {version + 1}, not version {version}", refused.Message, StringComparison.Ordinal);
            Assert.Equal(version + 1, store.Get("P-1")!.Version);
        }

        Assert.Equal(11, store.History("P-1").Count);
        using var accounts = RegistryStores.OpenAccounts(fixture.Location);
        Assert.Equal(10, accounts.Audit(new AuditFilter(RecordId: "P-1")).Count);
    }
}

public sealed class SqliteAccountStoreContract : AccountStoreContract<SqliteFixture>;

public sealed class PostgresAccountStoreContract : AccountStoreContract<PostgresFixture>;
