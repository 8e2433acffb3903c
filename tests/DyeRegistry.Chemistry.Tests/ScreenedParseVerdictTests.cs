using DyeRegistry.TestSupport;

namespace DyeRegistry.Chemistry.Tests;

/// <summary>
/// The screened parse against the full parse, string by string: "ruled out" only where the full
/// parse succeeds, its error word for word where it fails, and where a molecule is made, the full
/// parse's molecule (the same pickle, properties included). Each string is screened twice: with a
/// query nothing has (every valid string is ruled out: the validity check decides) and with a query
/// every atom matches (every readable string is a candidate: the parse goes on from the graph read
/// for the screen), and with and without validation.
/// </summary>
public sealed class ScreenedParseVerdictTests : IDisposable
{
    private readonly QueryMolecule nothing = QueryMolecule.FromSmarts("[#118]"); // oganesson: ruled out unless drawn
    private readonly QueryMolecule anything = QueryMolecule.FromSmarts("*");

    public void Dispose()
    {
        nothing.Dispose();
        anything.Dispose();
    }

    [Fact]
    public void HostileCorpus_GetsTheFullParsesVerdicts()
    {
        var corpus = HostileSmiles.Corpus(seed: 20261207, variantsPerBase: 25);
        var tally = new Tally();
        foreach (var smiles in corpus)
        {
            Compare(smiles, tally);
        }

        // The corpus must exercise every outcome, or the comparison proves little.
        var counts = $"{corpus.Count} strings: {tally}";
        Assert.True(tally.Invalid > corpus.Count / 4 && tally.RuledOut > corpus.Count / 10 && tally.Candidates > corpus.Count / 10, counts);
        Assert.True(tally.KekulizeErrors > 20 && tally.ValenceErrors > 20 && tally.SyntaxErrors > 20, counts);
    }

    /// <summary>Every record of the real catalogue (Validation: skipped, saying so, without ../shared).</summary>
    [ValidationFact]
    [Trait("Category", "Validation")]
    public void Catalogue_EveryRecordGetsTheFullParsesVerdict()
    {
        var tally = new Tally();
        var records = 0;
        foreach (var line in File.ReadLines(SharedData.Catalogue).Where(l => l.Length > 0 && l[0] != '#'))
        {
            Compare(line.Split(' ', '\t')[0], tally);
            records++;
        }

        Assert.True(records > 20_000, $"only {records} catalogue records read");
        Assert.True(tally.RuledOut > records / 2 && tally.Candidates > records / 2, tally.ToString());
    }

    private void Compare(string smiles, Tally tally)
    {
        var full = Molecule.ParseSmiles(smiles);
        try
        {
            var fullPickle = full.Success ? full.Value.ToPickle() : null;
            tally.Count(full);
            foreach (var (query, validate) in new[] { (nothing, true), (anything, true), (nothing, false), (anything, false) })
            {
                var screened = Molecule.ParseSmilesIfMightContain(smiles, [query], validate: validate);
                using var molecule = screened.Molecule;
                var how = $"'{smiles}' screened for {(query == nothing ? "nothing" : "anything")}{(validate ? string.Empty : ", unvalidated")}";
                if (screened.RuledOut)
                {
                    if (validate)
                    {
                        tally.RuledOut += query == nothing ? 1 : 0;
                        Assert.True(full.Success, $"{how}: ruled out, but the full parse rejects it: {full.Error?.Reason}");
                    }
                }
                else if (screened.Error is { } error)
                {
                    Assert.False(full.Success, $"{how}: failed ({error.Reason}), the full parse did not");
                    Assert.Equal(full.Error.Reason, error.Reason);
                    Assert.Equal(full.Error.Code, error.Code);
                }
                else
                {
                    tally.Candidates += query == anything && validate ? 1 : 0;
                    Assert.True(full.Success, $"{how}: made a molecule, the full parse failed: {full.Error?.Reason}");
                    Assert.True(fullPickle.AsSpan().SequenceEqual(molecule!.ToPickle()), $"{how}: not the full parse's molecule");
                }
            }
        }
        finally
        {
            full.Value?.Dispose();
        }
    }

    private sealed class Tally
    {
        public int Invalid;
        public int RuledOut;
        public int Candidates;
        public int KekulizeErrors;
        public int ValenceErrors;
        public int SyntaxErrors;

        public void Count(ParseResult<Molecule> full)
        {
            if (full.Success)
            {
                return;
            }

            Invalid++;
            var reason = full.Error.Reason;
            KekulizeErrors += reason.Contains("kekulize", StringComparison.OrdinalIgnoreCase) || reason.Contains("marked aromatic", StringComparison.Ordinal) ? 1 : 0;
            ValenceErrors += reason.Contains("valence", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            SyntaxErrors += reason.Contains("Parse Error", StringComparison.OrdinalIgnoreCase) || reason.Contains("ring closure", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        }

        public override string ToString() =>
            $"invalid {Invalid} (kekulization {KekulizeErrors}, valence {ValenceErrors}, syntax {SyntaxErrors}), ruled out {RuledOut}, candidates {Candidates}";
    }
}
