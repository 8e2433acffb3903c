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
            var core = CoreAtoms(mol, compiled);
            if (core.Count == 0 && InTautomer(resources, mol, compiled) is { } tautomer)
            {
                return tautomer;
            }

            options = options with { HighlightAtoms = core };
        }

        return mol.ToSvg(options);
    }

    /// <summary>A dye within a formula whose core embeds only in a tautomer of its drawing: the
    /// matcher's own drawing of that tautomer (core and slots highlighted, as a chart draws it),
    /// or null when it is not within (an undetermined membership: nothing to highlight).</summary>
    private static string? InTautomer(ServerResources resources, Molecule mol, Markush.CompiledFormula formula)
    {
        var options = resources.Chemistry.MatchOptions with { Formulas = [formula.Formula.Id], Depict = true };
        var match = new Markush.Matching.MarkushMatcher(resources.Formulas).Match(mol, options);
        return match.Formulas.FirstOrDefault(f => f.FormulaId == formula.Formula.Id)?.Svg;
    }

    /// <summary>The atoms of the first core variant's embedding in the structure as drawn: what
    /// "within" was decided on, drawn highlighted; empty when the core embeds only in a tautomer.</summary>
    internal static IReadOnlyList<int> CoreAtoms(Molecule mol, Markush.CompiledFormula formula)
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
