using System.Collections.Concurrent;
using DyeRegistry.Chemistry;

namespace DyeRegistry.Server.Web;

/// <summary>
/// A formula's core variant drawn from its SMARTS by RDKit, each slot's id written beside the core
/// atom that bears it (its map number). RDKit draws most queries; where it cannot, the picture
/// says so plainly and the page keeps the SMARTS beside it. The formula files do not change while
/// the server runs, so each drawing is made once.
/// </summary>
internal static class FormulaCores
{
    private static readonly ConcurrentDictionary<(string Stamp, string Id, int Variant), string> Drawn = new();

    private static readonly RgbColour SlotColour = new(0.80, 0.88, 1.00);

    public static IResult Svg(ServerResources resources, string id, int variant)
    {
        var formula = resources.Formulas.Find(id);
        if (formula is null || variant < 0 || variant >= formula.Variants.Count)
        {
            return Results.NotFound($"no core variant {variant} of formula '{id}'");
        }

        var svg = Drawn.GetOrAdd((resources.Formulas.Stamp, formula.Formula.Id, variant), _ => Draw(formula, variant));
        return Results.Text(svg, "image/svg+xml; charset=utf-8");
    }

    private static string Draw(Markush.CompiledFormula formula, int index)
    {
        var variant = formula.Variants[index];
        var notes = new Dictionary<int, string>();
        foreach (var slot in formula.Formula.Slots)
        {
            if (variant.QueryAtomOfMap.TryGetValue(slot.AtomMap, out var atom))
            {
                notes[atom] = notes.TryGetValue(atom, out var existing) ? existing + "," + slot.Id : slot.Id;
            }
        }

        try
        {
            return variant.Core.ToSvg(DepictionOptions.Default with
            {
                WidthPixels = 400,
                HeightPixels = 300,
                Legend = $"({formula.Formula.Id}) {variant.Variant.Id}",
                HighlightAtoms = [.. notes.Keys.Order()],
                AtomColours = notes.Keys.ToDictionary(a => a, _ => SlotColour), // a pale mark: the slot's name stays readable
                AtomNotes = notes,
            });
        }
        catch (ChemistryException e)
        {
            return Fallback($"RDKit could not draw this core ({e.Message}); its SMARTS is given beside it.");
        }
    }

    private static string Fallback(string text) =>
        "<svg xmlns='http://www.w3.org/2000/svg' width='360' height='270'><rect width='360' height='270' fill='#fff' stroke='#d5d9e0'/>" +
        $"<foreignObject x='10' y='10' width='340' height='250'><p xmlns='http://www.w3.org/1999/xhtml' style='font:14px sans-serif'>{System.Security.SecurityElement.Escape(text)}</p></foreignObject></svg>";
}
