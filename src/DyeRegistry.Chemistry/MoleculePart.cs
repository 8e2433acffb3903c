namespace DyeRegistry.Chemistry;

/// <summary>
/// A part of a molecule cut out as a molecule of its own (see <see cref="Molecule.Extract"/>).
/// </summary>
/// <param name="Molecule">The part; dispose it.</param>
/// <param name="ParentAtoms">For each atom of the part, the parent atom it came from, or -1 for a
/// dummy atom standing for a cut bond.</param>
public sealed record MoleculePart(Molecule Molecule, IReadOnlyList<int> ParentAtoms) : IDisposable
{
    public void Dispose() => Molecule.Dispose();
}
