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

    [ValidationFact]
    public void ScreenedParse_AndVerdictOnlySearch_AgreeWithTheFullMatch_OnTheCatalogue()
    {
        var cores = fixture.Matcher.CoreQueries();
        int records = 0, ruledOut = 0;
        foreach (var smiles in CatalogueSmiles().Take(8000))
        {
            var screened = Molecule.ParseSmilesIfMightContain(smiles, cores);
            using var full = Molecule.FromSmiles(smiles); // the catalogue parses
            records++;
            var match = fixture.Matcher.Match(full);
            var within = match.Within.Count > 0;
            Assert.Equal(within || match.Undetermined.Count > 0, fixture.Matcher.IsWithinAny(full));
            if (screened.RuledOut)
            {
                ruledOut++;
                Assert.False(within);
                Assert.All(cores, core => Assert.False(full.HasSubstructMatch(core), $"{smiles}: ruled out but a core matches"));
            }
            else
            {
                using var molecule = screened.Molecule!;
                Assert.Equal(full.ToSmiles(), molecule.ToSmiles());
            }
        }

        Assert.True(ruledOut > records / 2, $"only {ruledOut} of {records} records ruled out");
    }

    /// <summary>
    /// Catalogue SMILES with random edits (atoms swapped, characters inserted or dropped): most
    /// become invalid in every way RDKit rejects (syntax, valence, kekulization). "Ruled out"
    /// must never hide one, and errors must be the full parse's, word for word.
    /// </summary>
    [ValidationFact]
    public void ScreenedParse_KeepsTheFullParsesErrors_OnEditedCatalogueSmiles()
    {
        var cores = fixture.Matcher.CoreQueries();
        var random = new Random(20261121);
        const string Inserted = "CNOcno()=#123[]+-HSs@/\\.";
        var swaps = new Dictionary<char, string> { ['c'] = "nos", ['n'] = "cos", ['C'] = "NOS", ['N'] = "COS", ['O'] = "NCS", ['o'] = "cns", ['='] = "-#", ['-'] = "=" };
        int strings = 0, invalid = 0, ruledOut = 0;
        foreach (var original in CatalogueSmiles().Take(6000))
        {
            for (var variant = 0; variant < 3; variant++)
            {
                var chars = original.ToList();
                var pos = random.Next(chars.Count);
                if (variant < 2 && swaps.TryGetValue(chars[pos], out var alternatives))
                {
                    chars[pos] = alternatives[random.Next(alternatives.Length)];
                }
                else if (random.Next(2) == 0)
                {
                    chars.RemoveAt(pos);
                }
                else
                {
                    chars.Insert(pos, Inserted[random.Next(Inserted.Length)]);
                }

                var smiles = new string(chars.ToArray());
                var full = Molecule.ParseSmiles(smiles);
                var screened = Molecule.ParseSmilesIfMightContain(smiles, cores);
                strings++;
                invalid += full.Success ? 0 : 1;
                if (screened.RuledOut)
                {
                    ruledOut++;
                    Assert.True(full.Success, $"'{smiles}' ruled out, but it does not parse: {full.Error?.Reason}");
                }
                else if (screened.Error is { } error)
                {
                    Assert.False(full.Success, $"'{smiles}': screened parse failed ({error.Reason}), full parse did not");
                    Assert.Equal(full.Error.Reason, error.Reason);
                }
                else
                {
                    Assert.True(full.Success, $"'{smiles}': screened parse made a molecule, full parse failed");
                    using var molecule = screened.Molecule!;
                    Assert.Equal(full.Value.ToSmiles(), molecule.ToSmiles());
                }

                full.Value?.Dispose();
            }
        }

        Assert.True(invalid > strings / 5 && ruledOut > strings / 5, $"{strings} strings: {invalid} invalid, {ruledOut} ruled out: too few of either to tell");
    }

    private static IEnumerable<string> CatalogueSmiles() =>
        File.ReadLines(SharedData.Catalogue).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split(' ', '\t')[0]);
}
