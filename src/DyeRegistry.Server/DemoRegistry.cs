using System.Security.Cryptography;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Markush;
using DyeRegistry.Registry;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Stores;

namespace DyeRegistry.Server;

/// <summary>
/// <c>dyereg serve --demo</c>: a throw-away registry holding the sample records and one account
/// with a password made for this run (printed once; nothing ships with a default password).
/// </summary>
public static class DemoRegistry
{
    public const string AccountName = "demo";

    /// <summary>Creates the registry at <paramref name="path"/> from <paramref name="samples"/> (an
    /// exchange-format JSON file) and the demo administrator; returns its password.</summary>
    public static string Create(string path, string samples, string formulasFolder)
    {
        using (var store = RegistryStores.Open(path, create: true))
        using (var formulas = FormulaLibrary.Load(formulasFolder))
        {
            var importer = new RegistryImporter(store, new DyeChemistry(formulas));
            var inputs = RecordReader.ReadJson(samples).OrderBy(RegistryImporter.KindRank).ToList();
            var failed = importer.Import(inputs.Select(importer.Prepare).ToList(), new ImportOptions())
                .Where(o => o.Status is ImportStatus.Failed or ImportStatus.Duplicate).ToList();
            if (failed.Count > 0)
            {
                throw new RegistryException($"{samples}: the sample records did not import: {string.Join("; ", failed.Select(f => f.Message))}");
            }
        }

        using var accounts = RegistryStores.OpenAccounts(path);
        var service = new AccountService(accounts);
        service.Add(AccountName, Role.Admin);
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
        service.SetPassword(AccountName, password);
        return password;
    }

    /// <summary>samples/records.json of this installation: beside the program, or in a folder above
    /// the working directory (a source checkout); null when there is none.</summary>
    public static string? FindSamples()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "records.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
