using DyeRegistry.Application.Accounts;
using DyeRegistry.Chemistry;
using DyeRegistry.Storage;

namespace DyeRegistry.Server.Web;

/// <summary>
/// Depictions as SVG, drawn by RDKit on the server: a registered dye (<c>/depict/ID.svg</c> for
/// the pages, <c>/api/v1/records/ID/depiction.svg</c> for API clients; <c>formula=F</c> highlights
/// the atoms of F's core that the dye embeds) and a structure not yet registered
/// (<c>/depict.svg?smiles=...</c>: the register page's previews).
/// </summary>
internal static class Depictions
{
    public static void Map(WebApplication app, RouteGroupBuilder api)
    {
        app.MapGet("/depict/{id}.svg", Dye).RequireAuthorization(RolePolicies.For(Role.Viewer));
        api.MapGet("/records/{id}/depiction.svg", Dye).RequireAuthorization(RolePolicies.For(Role.Viewer));
        app.MapGet("/depict.svg", (ServerResources resources, string? smiles, int? w, int? h) =>
        {
            if (string.IsNullOrWhiteSpace(smiles))
            {
                return Results.BadRequest("smiles: give a SMILES to draw");
            }

            var parsed = Molecule.ParseSmiles(smiles, new MoleculeParseOptions { Limits = resources.Options.StructureLimits });
            if (!parsed.Success)
            {
                return Results.BadRequest($"smiles: cannot be read: {parsed.Error!.Message}");
            }

            using var mol = parsed.Value!;
            return Svg(mol.ToSvg(Size(w, h)));
        }).RequireAuthorization(RolePolicies.For(Role.Viewer));
    }

    private static IResult Dye(IRegistryStore store, ServerResources resources, string id, string? formula, int? w, int? h)
    {
        var dye = store.GetDye(id);
        if (dye is null)
        {
            return Results.NotFound($"no dye '{id}'");
        }

        var parsed = Molecule.ParsePickle(dye.RecordPickle);
        if (!parsed.Success)
        {
            return Results.Problem($"dye '{id}': its stored structure cannot be read: {parsed.Error!.Message}");
        }

        using var mol = parsed.Value!;
        var options = Size(w, h);
        if (formula is not null && resources.Formulas.Find(formula) is { } compiled)
        {
            options = options with { HighlightAtoms = CoreAtoms(mol, compiled) };
        }

        return Svg(mol.ToSvg(options));
    }

    // The atoms of the first core variant's embedding: what "within" was decided on, drawn highlighted.
    private static IReadOnlyList<int> CoreAtoms(Molecule mol, Markush.CompiledFormula formula)
    {
        foreach (var variant in formula.Variants)
        {
            var matches = mol.GetSubstructMatches(variant.Core);
            if (matches.Count > 0)
            {
                return matches[0].TargetAtoms;
            }
        }

        return [];
    }

    private static DepictionOptions Size(int? w, int? h) => DepictionOptions.Default with
    {
        WidthPixels = Math.Clamp(w ?? 320, 80, 1200),
        HeightPixels = Math.Clamp(h ?? 240, 60, 900),
    };

    private static IResult Svg(string svg) => Results.Text(svg, "image/svg+xml; charset=utf-8");
}
