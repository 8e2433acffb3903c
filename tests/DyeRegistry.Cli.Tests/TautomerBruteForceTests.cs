using System.Diagnostics;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests;

/// <summary>
/// Issue 12's acceptance check on the real catalogue: an independent brute force in python3-rdkit
/// (tautomer_bruteforce.py: RDKit's enumeration up to 1,000 forms per record, forms whose carbons
/// keep their H, each form judged by <c>dyereg match --no-tautomers</c>) against dyereg's own
/// tautomer search. No record the brute force puts within a formula may be "not within" in
/// dyereg. Takes minutes (the enumeration of every record with a core skeleton).
/// </summary>
[Trait("Category", "Validation")]
public sealed class TautomerBruteForceTests : IDisposable
{
    private readonly TempFolder dir = new("dyereg-bruteforce-");

    public void Dispose() => dir.Dispose();

    [ValidationFact]
    public void NoRecordWithinByBruteForce_IsNotWithinInDyereg_OnTheCatalogue()
    {
        var script = Script();
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { script, Path.Combine(AppContext.BaseDirectory, "dyereg"), SharedData.Catalogue, dir.Path })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var report = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(40)), "the brute force did not finish in 40 minutes");
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}:\n{report}\n{stderr.Result}");
        Assert.Contains("WRONG (brute force within, dyereg not within): 0", report);
        // It really compared something: candidates and forms were found, some within.
        Assert.Matches(@"candidates \(a core skeleton by connectivity\): [1-9]\d{2,}", report);
        Assert.Matches(@"within by brute force: [1-9]\d+", report);
    }

    private static string Script()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "tests", "DyeRegistry.Cli.Tests", "tautomer_bruteforce.py");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("tests/DyeRegistry.Cli.Tests/tautomer_bruteforce.py not found above " + AppContext.BaseDirectory);
    }
}
