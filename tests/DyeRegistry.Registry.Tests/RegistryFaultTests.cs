using System.Diagnostics;
using System.Text.Json.Nodes;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Records;
using DyeRegistry.Storage.Sqlite;

namespace DyeRegistry.Registry.Tests;

/// <summary>Issue 13 point 5: the registry under faults. Concurrent first use, a store that fails
/// in the middle of a batch, storage errors that name the registry, a read-only registry, bytes
/// flipped in the file, and the check that finds every damaged record by id.</summary>
public sealed class RegistryFaultTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dyereg-faults-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void ConcurrentFirstUse_CreatesTheSchemaOnce()
    {
        for (var trial = 0; trial < 5; trial++)
        {
            var path = Path.Combine(folder, $"race-{trial}.db");
            using var start = new Barrier(6);
            var errors = new List<Exception>();
            var threads = Enumerable.Range(0, 6).Select(_ => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    using var store = SqliteRegistryStore.Open(path, create: true);
                    Assert.Equal(7, store.SchemaVersion);
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
        }
    }

    [Fact]
    public void AStoreFailureMidBatch_SaysExactlyWhatWasStored()
    {
        using var sandbox = new RegistrySandbox();
        var failing = new FailingStore(sandbox.Store, failOnPut: 3);
        var importer = new RegistryImporter(failing, sandbox.Chemistry);
        var json = new JsonArray(Enumerable.Range(1, 6).Select(i => (JsonNode?)new JsonObject { ["kind"] = "polymer", ["id"] = $"P-{i}" }).ToArray()).ToJsonString();
        var outcomes = importer.Import(RecordReader.ReadJson(sandbox.File("p.json", json)).Select(importer.Prepare), new ImportOptions());
        Assert.Equal([ImportStatus.Created, ImportStatus.Created, ImportStatus.Failed], outcomes.Select(o => o.Status));
        Assert.True(outcomes[^1].StoppedBatch);
        Assert.Contains("not stored: registry ", outcomes[^1].Message, StringComparison.Ordinal);
        Assert.Equal(["P-1", "P-2"], sandbox.Store.List().Select(r => r.Id));
    }

    [Fact]
    public void AnAtomicBatchThatFailsInStorage_StoresNothing()
    {
        using var sandbox = new RegistrySandbox();
        var failing = new FailingStore(sandbox.Store, failOnPut: 3);
        var importer = new RegistryImporter(failing, sandbox.Chemistry);
        var json = new JsonArray(Enumerable.Range(1, 4).Select(i => (JsonNode?)new JsonObject { ["kind"] = "polymer", ["id"] = $"P-{i}" }).ToArray()).ToJsonString();
        var outcomes = importer.Import(RecordReader.ReadJson(sandbox.File("p.json", json)).Select(importer.Prepare), new ImportOptions { Atomic = true });
        Assert.All(outcomes, o => Assert.Equal(ImportStatus.Failed, o.Status));
        Assert.True(outcomes[^1].StoppedBatch);
        Assert.Empty(sandbox.Store.List());
    }

    [Fact]
    public void AFileThatIsNotARegistry_IsNamedInTheError()
    {
        var path = Path.Combine(folder, "not-a-registry.db");
        File.WriteAllBytes(path, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7 % 256)).ToArray());
        var e = Assert.Throws<RegistryException>(() => SqliteRegistryStore.Open(path, create: false));
        Assert.Contains($"registry {path}", e.Message, StringComparison.Ordinal);
        Assert.Contains("not a registry", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AReadOnlyRegistry_ServesReads_AndRefusesWritesByName()
    {
        var path = Path.Combine(folder, "ro.db");
        using (var sandbox = new RegistrySandboxAt(path))
        {
            sandbox.Put("P-1");
        }

        using var store = SqliteRegistryStore.Open(path, create: false, readOnly: true);
        Assert.Equal(["P-1"], store.List().Select(r => r.Id));
        var e = Assert.Throws<RegistryException>(() =>
        {
            using var tx = store.Begin();
            tx.Put("P-2", RecordKind.Polymer, new JsonObject { ["kind"] = "polymer", ["id"] = "P-2" }, []);
            tx.Commit();
        });
        Assert.Contains($"registry {path}", e.Message, StringComparison.Ordinal);
        Assert.Contains("read-only", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FlippedBytes_InADocument_AreFound_ReadAsNothing_AndReportedById()
    {
        var path = Path.Combine(folder, "flip.db");
        using (var sandbox = new RegistrySandboxAt(path))
        {
            sandbox.Put("P-1", name: "first polymer name");
            sandbox.Put("P-2", name: "second polymer name");
        }

        Checkpoint(path);
        var bytes = File.ReadAllBytes(path);
        var at = IndexOf(bytes, "second polymer"u8.ToArray());
        Assert.True(at > 0);
        bytes[at + 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        using var store = SqliteRegistryStore.Open(path, create: false);
        var e = Assert.Throws<RegistryException>(() => store.Get("P-2"));
        Assert.Contains("record P-2: the stored document does not match its checksum", e.Message, StringComparison.Ordinal);
        Assert.NotNull(store.Get("P-1"));
        var problems = new RegistryChecker(store).Check().ToList();
        var problem = Assert.Single(problems);
        Assert.Equal("P-2", problem.Id);
    }

    [Fact]
    public void Check_ValidatesEveryStoredDocument()
    {
        var path = Path.Combine(folder, "check.db");
        using (var sandbox = new RegistrySandboxAt(path))
        {
            sandbox.Put("P-1");
            // Written around validation (as an older dyereg could): an out-of-range value and a bad id.
            sandbox.PutRaw("M-1", RecordKind.Medium, new JsonObject { ["kind"] = "medium", ["id"] = "M-1", ["ink_receiving_layer"] = new JsonObject { ["dry_thickness_um"] = 1e29 } });
            sandbox.PutRaw("bad\nid", RecordKind.Polymer, new JsonObject { ["kind"] = "polymer", ["id"] = "bad\nid" });
        }

        using var store = SqliteRegistryStore.Open(path, create: false);
        var problems = new RegistryChecker(store).Check().ToList();
        Assert.Contains(problems, p => p.Id == "M-1" && p.What.Contains("dry_thickness_um", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Id == "bad\nid" && p.What.Contains("U+000A", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Id == "P-1");
    }

    private static void Checkpoint(string path)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        cmd.ExecuteNonQuery();
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A registry file at a given path, written directly through the store.</summary>
    private sealed class RegistrySandboxAt(string path) : IDisposable
    {
        private readonly SqliteRegistryStore store = SqliteRegistryStore.Open(path, create: true);

        public void Put(string id, string? name = null) =>
            PutRaw(id, RecordKind.Polymer, name is null ? new JsonObject { ["kind"] = "polymer", ["id"] = id } : new JsonObject { ["kind"] = "polymer", ["id"] = id, ["name"] = name });

        public void PutRaw(string id, RecordKind kind, JsonObject document)
        {
            using var tx = store.Begin();
            tx.Put(id, kind, document, []);
            tx.Commit();
        }

        public void Dispose() => store.Dispose();
    }

    /// <summary>A store whose n-th Put fails as a full disk would.</summary>
    private sealed class FailingStore(IRegistryStore inner, int failOnPut) : IRegistryStore
    {
        private int puts;

        private bool NextPutFails() => ++puts == failOnPut;

        public string Location => inner.Location;

        public int SchemaVersion => inner.SchemaVersion;

        public StoredRecord? Get(string id) => inner.Get(id);

        public IReadOnlyList<StoredRecord> List(RecordKind? kind = null) => inner.List(kind);

        public IReadOnlyList<RecordChange> History(string id) => inner.History(id);

        public IEnumerable<RecordChange> AllHistory() => inner.AllHistory();

        public IReadOnlyList<string> ReferencedBy(string id) => inner.ReferencedBy(id);

        public string? DyeWithParentKey(string parentKey) => inner.DyeWithParentKey(parentKey);

        public DyeStructure? GetDye(string id) => inner.GetDye(id);

        public IReadOnlyList<ComputedQuantity> Computed(string id) => inner.Computed(id);

        public IEnumerable<DyeStructure> Dyes() => inner.Dyes();

        public string IntegrityCheck() => inner.IntegrityCheck();

        public IEnumerable<RecordScan> Scan() => inner.Scan();

        public IRegistryTransaction Begin() => new FailingTransaction(this, inner.Begin());

        public void Dispose() => inner.Dispose();

        private sealed class FailingTransaction(FailingStore owner, IRegistryTransaction tx) : IRegistryTransaction
        {
            public StoredRecord? Get(string id) => tx.Get(id);

            public string? DyeWithParentKey(string parentKey, string? exceptId) => tx.DyeWithParentKey(parentKey, exceptId);

            public int Put(string id, RecordKind kind, JsonObject document, IReadOnlyList<string> references, int? ifVersion = null) =>
                owner.NextPutFails()
                    ? throw new RegistryException($"registry {owner.Location}: the disk is full (simulated)")
                    : tx.Put(id, kind, document, references, ifVersion);

            public void PutDye(DyeStructure dye) => tx.PutDye(dye);

            public void PutComputed(string id, IReadOnlyList<ComputedQuantity> quantities) => tx.PutComputed(id, quantities);

            public void UpdateWithin(string id, IReadOnlyList<string> within, string formulaStamp, byte[]? computedFrom = null) => tx.UpdateWithin(id, within, formulaStamp, computedFrom);

            public void Delete(string id) => tx.Delete(id);

            public void Restore(StoredRecord record, IReadOnlyList<string> references) => tx.Restore(record, references);

            public void RestoreHistory(RecordChange change) => tx.RestoreHistory(change);

            public void Commit() => tx.Commit();

            public void Dispose() => tx.Dispose();
        }
    }
}
