using DyeRegistry.Chemistry.Interop;

namespace DyeRegistry.Chemistry;

public sealed partial class Molecule
{
    /// <summary>
    /// Cuts out the atoms marked in <paramref name="keep"/> as a molecule of their own. Each bond
    /// from a kept atom to a dropped one becomes a bond of the same order to a new dummy atom
    /// (<c>*</c>) whose isotope is the dropped atom's entry in <paramref name="labels"/>; a kept
    /// atom's entry becomes its isotope (0: none). The cut is made on the Kekulé form and the part
    /// sanitized again, so only rings wholly inside the part stay aromatic; hydrogen counts stay
    /// as in the parent.
    /// </summary>
    /// <remarks>Markush matching uses it to classify a substituent by itself, with labels marking
    /// the attachment point and atom kinds that SMARTS cannot express.</remarks>
    /// <param name="keep">One entry per atom: true keeps it.</param>
    /// <param name="labels">One entry per atom: isotope of a kept atom, label of the dummy that
    /// replaces a dropped one.</param>
    /// <param name="attachment">Optionally one cut bond (kept atom, dropped atom) whose dummy gets
    /// its own label: the attachment point, when the same dropped atom is bonded twice.</param>
    public MoleculePart Extract(IReadOnlyList<bool> keep, IReadOnlyList<int> labels, (int Inside, int Outside, int Label)? attachment = null)
    {
        ArgumentNullException.ThrowIfNull(keep);
        ArgumentNullException.ThrowIfNull(labels);
        if (keep.Count != labels.Count)
        {
            throw new ArgumentException($"keep has {keep.Count} entries and labels {labels.Count}: both need one per atom");
        }

        var k = keep.Select(b => b ? 1 : 0).ToArray();
        var (inside, outside, label) = attachment ?? (-1, -1, 0);
        var (part, origin) = Proxy.Extract(handle, k, labels.ToArray(), inside, outside, label);
        return new MoleculePart(new Molecule(part), origin);
    }

    /// <summary>
    /// A copy of the whole molecule with <paramref name="labels"/>[i] as atom i's isotope (0:
    /// none) and nothing else changed: <see cref="Extract"/> with every atom kept, without the
    /// Kekulé cut and the sanitization that only a part needs (it is most of that call's cost).
    /// </summary>
    public Molecule WithIsotopeLabels(IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return new Molecule(Proxy.WithIsotopeLabels(handle, labels.ToArray()));
    }

    /// <summary>Number of disconnected pieces (1 for a connected structure).</summary>
    public int FragmentCount() => Proxy.FragmentCount(handle);

    /// <summary>An independent copy of this molecule.</summary>
    public Molecule Copy() => new(Proxy.Copy(handle));
}
