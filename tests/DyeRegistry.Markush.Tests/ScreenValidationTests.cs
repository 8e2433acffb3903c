using DyeRegistry.Chemistry;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Markush.Tests;

/// <summary>On the real catalogue: the matcher's necessary-condition screen never removes a query
/// that matches (every core, tautomer and exclusion screen, and every class query on the
/// compound), so verdicts cannot change because of it.</summary>
[Trait("Category", "Validation")]
public sealed class ScreenValidationTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [ValidationFact]
    public void Screen_NeverRejectsAQueryThatMatches_OnTheCatalogue()
    {
        var queries = fixture.Library.ScreenedQueries.Concat(fixture.Library.ClassQueries).ToList();
        var screenedOut = 0;
        var records = 0;
        foreach (var line in File.ReadLines(SharedData.Catalogue).Where(l => l.Length > 0 && l[0] != '#').Take(8000))
        {
            var parsed = Molecule.ParseSmiles(line.Split(' ', '\t')[0]);
            if (!parsed.Success)
            {
                continue;
            }

            using var mol = parsed.Value;
            records++;
            var possible = mol.MightMatch(queries);
            for (var i = 0; i < queries.Count; i++)
            {
                if (!possible[i])
                {
                    screenedOut++;
                    Assert.False(mol.HasSubstructMatch(queries[i]), $"{line}: query {i} screened out but it matches");
                }
            }
        }

        Assert.True(screenedOut > records * queries.Count / 2, $"the screen removed only {screenedOut} of {records * queries.Count} searches");
    }
}
