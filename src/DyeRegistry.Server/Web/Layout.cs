using DyeRegistry.Application.Accounts;
using static DyeRegistry.Server.Web.Html;

namespace DyeRegistry.Server.Web;

/// <summary>The frame of every page: the navigation (only what the user's role may use), who is
/// signed in, and the content.</summary>
internal static class Layout
{
    public static IResult Page(HttpContext context, string title, string content, int status = StatusCodes.Status200OK, string? scripts = null)
    {
        var role = Forms.RoleOf(context);
        var signedIn = context.User.Identity?.IsAuthenticated == true;
        var path = context.Request.Path.Value ?? "/";
        string Link(string href, string text) =>
            $"<a href=\"{href}\"{(path == href || (href != "/" && path.StartsWith(href + "/", StringComparison.Ordinal)) ? " aria-current=\"page\"" : string.Empty)}>{text}</a>";
        var nav = !signedIn ? string.Empty : string.Concat(
            Link("/search", "Search"),
            role >= Role.Chemist ? Link("/register", "Register") : string.Empty,
            Link("/charts", "Claim chart"),
            Link("/portfolio", "Portfolio"),
            Link("/inks", "Inks"),
            Link("/media", "Media"),
            Link("/formulas", "Formulas"),
            Link("/screening", "Screening"),
            role >= Role.Admin ? Link("/accounts", "Accounts") : string.Empty,
            Link("/me", "My API token"));
        var user = !signedIn ? string.Empty
            : $"<form method=\"post\" action=\"/logout\" class=\"who\">{Forms.Token(context)}<span>{E(Forms.UserOf(context))} ({E(Roles.Name(role))})</span> <button type=\"submit\">Log out</button></form>";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} · DyeRegistry</title><link rel="stylesheet" href="/assets/site.css"></head>
            <body><a class="skip" href="#main">Skip to content</a>
            <header><a class="brand" href="/search">DyeRegistry</a><nav aria-label="Main">{nav}</nav>{user}</header>
            <main id="main"><h1>{E(title)}</h1>
            {content}
            </main>
            <script src="/assets/site.js"></script>{scripts}
            </body></html>
            """;
        if (scripts?.Contains("/assets/lib/ketcher/", StringComparison.Ordinal) == true)
        {
            // Only the pages with the structure editor allow WebAssembly and its worker.
            context.Response.Headers["Content-Security-Policy"] = Assets.EditorPolicy(Pages.Policy);
        }

        return Results.Text(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    /// <summary>A message box (errors say what was wrong and where).</summary>
    public static string Note(string text, string kind = "info") => $"<p class=\"note {kind}\" role=\"{(kind == "error" ? "alert" : "status")}\">{E(text)}</p>";

    public static IResult NotFound(HttpContext context, string what) => Page(context, "Not found", Note(what, "error"), StatusCodes.Status404NotFound);

    public static IResult Refused(HttpContext context, string why) => Page(context, "Not allowed", Note(why, "error"), StatusCodes.Status403Forbidden);
}
