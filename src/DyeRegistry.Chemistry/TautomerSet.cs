namespace DyeRegistry.Chemistry;

/// <summary>Tautomers RDKit enumerated for one molecule.</summary>
/// <param name="Tautomers">The tautomers (the input's own form among them); dispose each.</param>
/// <param name="Truncated">True when enumeration stopped at the limit: the set may be incomplete.</param>
public sealed record TautomerSet(IReadOnlyList<Molecule> Tautomers, bool Truncated) : IDisposable
{
    public void Dispose()
    {
        foreach (var t in Tautomers)
        {
            t.Dispose();
        }
    }
}
