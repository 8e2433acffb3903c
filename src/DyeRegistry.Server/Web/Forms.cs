using DyeRegistry.Application.Accounts;
using Microsoft.AspNetCore.Antiforgery;

namespace DyeRegistry.Server.Web;

/// <summary>The pages' forms: each carries an antiforgery token, checked before anything is done
/// with what was posted.</summary>
internal static class Forms
{
    /// <summary>The hidden field every form of a page carries.</summary>
    public static string Token(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{Html.E(tokens.FormFieldName)}\" value=\"{Html.E(tokens.RequestToken)}\">";
    }

    /// <summary>The posted form, or null when its antiforgery token is missing or wrong.</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpContext context)
    {
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return null;
        }

        return await context.Request.ReadFormAsync(context.RequestAborted);
    }

    public static IResult Forged() =>
        Results.Text("<!DOCTYPE html><title>Refused</title><p>The form's antiforgery token is missing or wrong: nothing was done. Reload the page and try again.</p>",
            "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>The role of the signed-in user (viewer when none, which pages never reach unauthenticated).</summary>
    public static Role RoleOf(HttpContext context) => RolePolicies.RoleOf(context.User) ?? Role.Viewer;

    public static string UserOf(HttpContext context) => context.User.Identity?.Name ?? "-";

    public static string? Text(IFormCollection form, string name) =>
        form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
}
