using DyeRegistry.Storage.Charts;
using DyeRegistry.Storage.Stores;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Storage.Tests;

/// <summary>Issued claim charts: stored once, read back exactly, listed per ink and medium; a
/// PostgreSQL registry is refused with the reason.</summary>
public sealed class ChartSnapshotStoreTests
{
    [Fact]
    public void AnIssuedChart_ReadsBackExactly_AndIsListedUnderItsInkAndMedium()
    {
        using var temp = new TempFolder("dyereg-snapshots-");
        var registry = temp.Combine("registry.db");
        using (RegistryStores.Open(registry, create: true))
        {
        }

        var at = new DateTimeOffset(2026, 12, 7, 8, 30, 15, TimeSpan.Zero).AddTicks(1234);
        ChartSnapshot first, alone;
        using (var store = RegistryStores.OpenChartSnapshots(registry))
        {
            first = store.Add(new ChartSnapshot(0, "MED-1", "INK-M1", ["MED-1@1", "INK-M1@2", "M-101@1"], "anna", at, "for counsel <b>", "<h1>chart</h1>\n", "{\"a\":1}"));
            store.Add(new ChartSnapshot(0, "MED-1", "INK-M1", ["MED-1@2"], "ben", at.AddHours(1), string.Empty, "<h1>second</h1>", "{}"));
            alone = store.Add(new ChartSnapshot(0, "MED-1", null, ["MED-1@1"], "anna", at, string.Empty, "<h1>alone</h1>", "{}"));
        }

        using (var store = RegistryStores.OpenChartSnapshots(registry))
        {
            var read = store.Get(first.Number)!;
            Assert.Equal(("MED-1", "INK-M1", "anna", at, "for counsel <b>", "<h1>chart</h1>\n", "{\"a\":1}"), (read.MediumId, read.InkId, read.IssuedBy, read.IssuedUtc, read.Note, read.Html, read.Json));
            Assert.Equal(["MED-1@1", "INK-M1@2", "M-101@1"], read.Versions);
            var listed = store.List("MED-1", "INK-M1");
            Assert.Equal(["ben", "anna"], listed.Select(s => s.IssuedBy));
            Assert.All(listed, s => Assert.Equal(string.Empty, s.Html));
            Assert.Equal([alone.Number], store.List("MED-1", null).Select(s => s.Number));
            Assert.Null(store.Get(9999));
        }
    }

    [Fact]
    public void APostgresRegistry_IsRefusedWithTheReason()
    {
        var e = Assert.Throws<RegistryException>(() => RegistryStores.OpenChartSnapshots("postgresql://db/dyes"));
        Assert.Contains("SQLite registry file", e.Message, StringComparison.Ordinal);
    }
}
