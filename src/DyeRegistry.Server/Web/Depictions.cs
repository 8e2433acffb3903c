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

    private static readonly DepictionCache Cache = new();

    private static IResult Dye(HttpContext context, IRegistryStore store, ServerResources resources, string id, string? formula, int? w, int? h)
    {
        var dye = store.GetDye(id);
        if (dye is null)
        {
            return Results.NotFound($"no dye '{id}'");
        }

        var size = Size(w, h);
        var compiled = formula is null ? null : resources.Formulas.Find(formula);
        var key = DepictionCache.Key(dye.RecordPickle, compiled?.Formula.Id, resources.Formulas.Stamp, size.WidthPixels, size.HeightPixels);
        var etag = $"\"{key}\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "private, no-cache"; // kept, but asked again: a new version may draw differently
        if (context.Request.Headers.IfNoneMatch.Contains(etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        string? problem = null;
        var svg = Cache.GetOrDraw(key, () => Draw(dye, resources, compiled, size, out problem));
        return svg is not null ? Svg(svg) : Results.Problem($"dye '{id}': its stored structure cannot be read: {problem}");
    }

    // The dye's drawing, its core highlighted when a formula is given; null (with the problem)
    // when the stored structure cannot be read.
    private static string? Draw(Storage.DyeStructure dye, ServerResources resources, Markush.CompiledFormula? compiled, DepictionOptions options, out string? problem)
    {
        problem = null;
        var parsed = Molecule.ParsePickle(dye.RecordPickle);
        if (!parsed.Success)
        {
            problem = parsed.Error!.Message;
            return null;
        }

        using var mol = parsed.Value!;
        if (compiled is not null)
        {
            if (Matches(resources, mol, [compiled.Formula.Id]).FirstOrDefault()?.Svg is { } matched)
            {
                return matched;
            }

            options = options with { HighlightAtoms = CoreAtoms(mol, compiled) };
        }

        return mol.ToSvg(options);
    }

    /// <summary>The matcher's verdicts on a dye for some formulas, each within one drawn as a claim
    /// chart draws it: the embedding "within" was decided on (core and slots highlighted), in the
    /// form it was found in (the drawing, or the tautomer that H moved between heteroatoms makes).</summary>
    internal static IReadOnlyList<Markush.Matching.FormulaMatch> Matches(ServerResources resources, Molecule mol, IReadOnlyList<string> formulaIds) =>
        formulaIds.Count == 0 ? [] : new Markush.Matching.MarkushMatcher(resources.Formulas)
            .Match(mol, resources.Chemistry.MatchOptions with { Formulas = formulaIds, Depict = true }).Formulas;

    /// <summary>Keeps a drawing the dye page made (a formula card's), for the request for it that follows.</summary>
    internal static void Keep(byte[] structure, string formulaId, string formulaStamp, string svg)
    {
        var size = Size(null, null);
        Cache.GetOrDraw(DepictionCache.Key(structure, formulaId, formulaStamp, size.WidthPixels, size.HeightPixels), () => svg);
    }

    /// <summary>The atoms of the first core variant's embedding in the structure as drawn: the
    /// highlight when the matcher does not find the dye within (an undetermined membership).</summary>
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
