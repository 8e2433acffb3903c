using DyeRegistry.Chemistry;

namespace DyeRegistry.Markush.Matching;

/// <summary>
/// Draws a matched compound: core atoms and bonds in grey-blue, each slot's substituent in its
/// own colour, and the slot name written at the core atom that bears it; as SVG (pages) or PNG (Word).
/// </summary>
internal static class MatchDepiction
{
    private static readonly RgbColour Core = new(0.70, 0.80, 1.00);

    private static readonly RgbColour[] Palette =
    [
        new(1.00, 0.70, 0.70), new(0.70, 1.00, 0.70), new(1.00, 0.85, 0.55), new(0.85, 0.70, 1.00),
        new(0.65, 0.95, 0.95), new(1.00, 0.75, 0.95), new(0.90, 0.90, 0.60), new(0.75, 0.85, 0.70),
    ];

    public static string Svg(Molecule molecule, MoleculeGraph graph, string formulaId, EmbeddingReport e) =>
        molecule.ToSvg(Options(graph, formulaId, e));

    /// <summary>The same drawing as PNG, for Word documents.</summary>
    public static byte[] Png(Molecule molecule, MoleculeGraph graph, string formulaId, EmbeddingReport e) =>
        molecule.ToPng(Options(graph, formulaId, e));

    private static DepictionOptions Options(MoleculeGraph graph, string formulaId, EmbeddingReport e)
    {
        var atomColours = new Dictionary<int, RgbColour>();
        foreach (var a in e.CoreAtoms)
        {
            atomColours[a] = Core;
        }

        var notes = new Dictionary<int, string>();
        var colour = 0;
        foreach (var slot in e.Slots)
        {
            notes[slot.CoreAtom] = notes.TryGetValue(slot.CoreAtom, out var existing) ? existing + "," + slot.Slot : slot.Slot;
            if (slot.Atoms.Count == 0)
            {
                continue;
            }

            var c = Palette[colour++ % Palette.Length];
            foreach (var a in slot.Atoms)
            {
                atomColours.TryAdd(a, c);
            }
        }

        var bondColours = new Dictionary<int, RgbColour>();
        foreach (var b in graph.Bonds)
        {
            if (atomColours.TryGetValue(b.BeginAtom, out var c1) && atomColours.TryGetValue(b.EndAtom, out var c2) && c1 == c2)
            {
                bondColours[b.Index] = c1;
            }
        }

        return new DepictionOptions
        {
            WidthPixels = 600,
            HeightPixels = 450,
            Legend = $"({formulaId}) {e.Variant}",
            HighlightAtoms = atomColours.Keys.Order().ToArray(),
            HighlightBonds = bondColours.Keys.Order().ToArray(),
            AtomColours = atomColours,
            BondColours = bondColours,
            AtomNotes = notes,
            NoteScale = 0.8, // slot names legible when the drawing is printed 8-10 cm wide
        };
    }
}
