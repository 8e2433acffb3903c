using DyeRegistry.Application.Accounts;
using DyeRegistry.Application.Matching;
using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Server.Api;

/// <summary><c>POST /api/v1/match</c> with SMILES lines or an SDF as the body: every structure
/// against the formulas, verdicts explained, the same JSON as <c>dyereg match --format json</c>.
/// A structure that cannot be read (beyond the size limits, bad SMILES) makes it a 422 naming it.</summary>
internal static class MatchEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/match", Match).RequireAuthorization(RolePolicies.For(Role.Viewer));

    private static async Task<IResult> Match(HttpContext context, ServerResources resources, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? formula, bool? tautomers)
    {
        byte[] body;
        try
        {
            body = await RequestBody.ReadAsync(context.Request, resources.Options.MaxBodyBytes, context.RequestAborted);
        }
        catch (RequestBody.TooLarge e)
        {
            return RequestBody.Refused(e);
        }

        var options = new MatchOptions { Formulas = formula ?? [], ConsiderTautomers = tautomers ?? true };
        try
        {
            StructureMatching.RequireKnown(resources.Formulas, options.Formulas);
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest("formula: " + e.Message);
        }

        var errors = new List<string>();
        using var output = new StringWriter { NewLine = "\n" };
        using var summary = new StringWriter();
        try
        {
            await RequestBody.WithTemporaryFile(body, ".input", path =>
                StructureMatching.Run(resources.Formulas, options, path, "json", 1, output, summary, resources.Options.StructureLimits,
                    null, o => errors.Add($"{o.Record.Location} ({o.Id}): {o.Error}")));
        }
        catch (IOException e)
        {
            return Problems.BadRequest(e.Message);
        }

        return errors.Count > 0
            ? Problems.Unprocessable("structures that cannot be matched: " + string.Join("; ", errors), new Dictionary<string, object?> { ["errors"] = errors })
            : Results.Text(output.ToString(), "application/json");
    }
}
