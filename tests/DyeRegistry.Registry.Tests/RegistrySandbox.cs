using System.Text.Json.Nodes;
using DyeRegistry.Markush;
using DyeRegistry.Storage.Sqlite;

namespace DyeRegistry.Registry.Tests;

/// <summary>A fresh registry file in a temporary folder, with the shipped formulas.</summary>
public sealed class RegistrySandbox : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dyereg-registry-").FullName;

    public RegistrySandbox()
    {
        Path = System.IO.Path.Combine(folder, "registry.db");
        Store = SqliteRegistryStore.Open(Path, create: true);
        Library = FormulaLibrary.Load(FormulaLibrary.DefaultFolder());
        Chemistry = new DyeChemistry(Library);
        Importer = new RegistryImporter(Store, Chemistry);
    }

    public string Path { get; }

    public SqliteRegistryStore Store { get; }

    public FormulaLibrary Library { get; }

    public DyeChemistry Chemistry { get; }

    public RegistryImporter Importer { get; }

    public string File(string name, string text)
    {
        var path = System.IO.Path.Combine(folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public IReadOnlyList<ImportOutcome> Import(string json, ImportOptions? options = null) =>
        Importer.Import(RecordReader.ReadJson(File("in.json", json)).OrderBy(RegistryImporter.KindRank).Select(Importer.Prepare), options ?? new ImportOptions());

    public IReadOnlyList<ImportOutcome> ImportStructures(string name, string text, ImportOptions? options = null) =>
        Importer.Import(RecordReader.ReadStructures(File(name, text)).Select(Importer.Prepare), options ?? new ImportOptions());

    public static JsonArray Parse(string json) => JsonNode.Parse(json)!.AsArray();

    public void Dispose()
    {
        Store.Dispose();
        Library.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
