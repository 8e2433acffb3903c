using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Markush.Tests;

/// <summary>The shipped formulas/ folder, loaded once for a test class.</summary>
public sealed class LibraryFixture : IDisposable
{
    public LibraryFixture()
    {
        Library = FormulaLibrary.Load(FormulaLibrary.DefaultFolder());
        Matcher = new MarkushMatcher(Library);
    }

    public FormulaLibrary Library { get; }

    public MarkushMatcher Matcher { get; }

    public CompoundMatch Match(string smiles, MatchOptions? options = null)
    {
        using var molecule = Chemistry.Molecule.FromSmiles(smiles);
        return Matcher.Match(molecule, options);
    }

    public void Dispose() => Library.Dispose();
}
